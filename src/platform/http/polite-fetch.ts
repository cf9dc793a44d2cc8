import { setTimeout as sleep } from 'node:timers/promises'

/** How an import asks another site for its pages: one at a time, with a pause, and never for long. */
export interface PoliteFetchOptions {
  /** The pause before every request but the first, so that a long run does not press on the site. */
  delayMs: number
  /** The longest one request may take, its body included. */
  timeoutMs: number
  /** Attempts in all for a server error (5xx) or a failed connection; other answers are final. */
  tries: number
  /** The pause before the second attempt, doubled before each one after it. */
  backoffMs: number
  /** A body larger than this is refused: the reading stops as soon as it is passed. */
  maxBytes: number
}

export const DEFAULT_POLITE_FETCH: PoliteFetchOptions = {
  delayMs: 500,
  timeoutMs: 30_000,
  tries: 3,
  backoffMs: 1_000,
  maxBytes: 50 * 1024 * 1024,
}

const USER_AGENT = 'Oversight (open-source committee record; import)'

/** `contentType` is what the site says the body is (its Content-Type header), null when it says nothing. */
export type PoliteFetchResult = { ok: true; body: Buffer; contentType: string | null } | { ok: false; message: string }

/** What an import asks for unless it says: the web service's XML. */
const ACCEPT_XML = 'application/xml, text/xml'

/** A failure worth another attempt: the site was down or busy, not saying no. */
class Transient extends Error {}

async function readBounded(response: Response, maxBytes: number): Promise<Buffer | string> {
  const declared = Number(response.headers.get('content-length') ?? '')
  if (declared > maxBytes) {
    await response.body?.cancel()
    return `larger than ${maxBytes} bytes`
  }
  const chunks: Uint8Array[] = []
  let bytes = 0
  if (!response.body) return Buffer.alloc(0)
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (bytes > maxBytes) {
      await reader.cancel()
      return `larger than ${maxBytes} bytes`
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

async function attempt(
  url: string,
  options: PoliteFetchOptions,
  accept: string,
): Promise<{ body: Buffer; contentType: string | null } | string> {
  let response: Response
  try {
    // No credentials and no cookies: what the import reads is public.
    response = await fetch(url, {
      headers: { 'user-agent': USER_AGENT, accept },
      credentials: 'omit',
      signal: AbortSignal.timeout(options.timeoutMs),
    })
  } catch (error) {
    throw new Transient(reasonOf(error, options))
  }
  if (response.status >= 500) {
    await response.body?.cancel()
    throw new Transient(`the site answered ${response.status} ${response.statusText}`.trim())
  }
  if (!response.ok) {
    await response.body?.cancel()
    return `the site answered ${response.status} ${response.statusText}`.trim()
  }
  try {
    const body = await readBounded(response, options.maxBytes)
    return typeof body === 'string' ? body : { body, contentType: response.headers.get('content-type') }
  } catch (error) {
    throw new Transient(reasonOf(error, options))
  }
}

function reasonOf(error: unknown, options: PoliteFetchOptions): string {
  const name = (error as Error).name
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${options.timeoutMs / 1000} s`
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return `the site could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message})`
}

/**
 * Fetches addresses one after another, never two at once: each call waits for the one before it and for the
 * pause after it. A server error or a failed connection is tried again after a pause that doubles each time.
 */
export function createPoliteFetch(options: PoliteFetchOptions = DEFAULT_POLITE_FETCH) {
  let queue: Promise<unknown> = Promise.resolve()
  let first = true

  async function get(url: string, accept: string): Promise<PoliteFetchResult> {
    let reason = ''
    for (let tryNumber = 1; tryNumber <= options.tries; tryNumber += 1) {
      if (!first) await sleep(tryNumber === 1 ? options.delayMs : options.backoffMs * 2 ** (tryNumber - 2))
      first = false
      try {
        const result = await attempt(url, options, accept)
        return typeof result === 'string' ? { ok: false, message: result } : { ok: true, ...result }
      } catch (error) {
        if (!(error instanceof Transient)) throw error
        reason = error.message
      }
    }
    const tries = options.tries === 1 ? '1 try' : `${options.tries} tries`
    return { ok: false, message: `${reason} (${tries})` }
  }

  return {
    /** `accept` says what is wanted (the Accept header): the service's XML unless given. */
    get(url: string, accept: string = ACCEPT_XML): Promise<PoliteFetchResult> {
      const next = queue.then(() => get(url, accept))
      queue = next.catch(() => undefined)
      return next
    },
  }
}
