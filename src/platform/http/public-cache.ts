import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { dataVersion } from '#src/platform/db/data-version.ts'

interface Entry {
  version: number
  today: string
  contentType: string
  body: string
  /** The CSP nonce the body was rendered with; swapped for each response's own nonce. */
  nonce: string | undefined
}

/** Pages that carry a form with a CSRF token or per-visitor state are never cached. */
const NEVER = [/^\/sign-in/, /^\/signed-out/, /^\/health/, /^\/ping/, /^\/info/]
const MAX_ENTRIES = 1_000

function nonceOf(reply: FastifyReply): string | undefined {
  return (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script
}

/**
 * Caches what signed-out visitors are sent for GET requests, in memory, until the data changes
 * (any committed transaction moves dataVersion) or the app's date moves. Signed-in users are never
 * served from it, so exempt material, drafts and per-user views cannot leak through it: only what
 * the public may see is ever stored. Each cached page gets the response's own CSP nonce.
 */
export function registerPublicCache(app: FastifyInstance, options: { today: () => string }) {
  const cache = new Map<string, Entry>()
  const eligible = (request: FastifyRequest) =>
    request.method === 'GET' && request.user === null && !NEVER.some((pattern) => pattern.test(request.url))
  // A client that asks for a fresh copy (Cache-Control: no-cache) gets one, and it refreshes the cache.
  const wantsFresh = (request: FastifyRequest) => /no-cache/i.test(String(request.headers['cache-control'] ?? ''))
  const versionSeen = new WeakMap<FastifyRequest, number>()

  app.addHook('preHandler', async (request, reply) => {
    if (!eligible(request)) return
    const entry = cache.get(request.url)
    const today = options.today()
    if (entry && entry.version === dataVersion() && entry.today === today && !wantsFresh(request)) {
      const nonce = nonceOf(reply)
      const body = entry.nonce && nonce ? entry.body.replaceAll(entry.nonce, nonce) : entry.body
      reply.header('x-oversight-cache', 'hit').header('cache-control', 'no-store').type(entry.contentType)
      return reply.send(body)
    }
    versionSeen.set(request, dataVersion())
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const version = versionSeen.get(request)
    if (version === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!)
    cache.set(request.url, {
      version,
      today: options.today(),
      contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
      body: payload,
      nonce: nonceOf(reply),
    })
    return payload
  })
}
