/**
 * The load generator, in its own process so it never shares the server's event loop: runs
 * autocannon against one URL and sends back throughput and latency percentiles over IPC.
 * Latencies are recorded per response (autocannon's own histogram has p90, p97.5 and p99 but no p95).
 */
import autocannon from 'autocannon'

export interface LoadRequest {
  url: string
  connections: number
  seconds: number
  headers?: Record<string, string>
}

export interface LoadResult {
  requests: number
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  /** autocannon's own p99, as a cross-check of the per-response recording. */
  autocannonP99: number
  statusCodes: Record<string, number>
  non2xx: number
  errors: number
  timeouts: number
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

export async function runLoad(request: LoadRequest): Promise<LoadResult> {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        connections: request.connections,
        duration: request.seconds,
        timeout: 10,
        headers: request.headers,
      },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime)
    })
  })
  latencies.sort((a, b) => a - b)
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count]),
  )
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / request.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    autocannonP99: result.latency.p99,
    statusCodes,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

// As a child process: one request in, one result out.
if (process.send) {
  process.once('message', (message: LoadRequest) => {
    runLoad(message).then(
      (result) => process.send!({ ok: true, result }, () => process.exit(0)),
      (error: unknown) => process.send!({ ok: false, error: String(error) }, () => process.exit(1)),
    )
  })
}
