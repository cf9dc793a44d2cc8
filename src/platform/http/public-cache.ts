import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { dataVersion } from '#src/platform/db/data-version.ts'
import { utf8Bytes } from './page-bytes.ts'

interface Entry {
  version: number
  today: string
  /** The response's own headers that a copy must keep: content type, download name, caching. */
  headers: Record<string, string>
  /**
   * The body as UTF-8, cut where the CSP nonce it was rendered with stood. Bytes, not a string: a
   * string is measured and encoded again for every response, and one with the nonce swapped in by
   * replaceAll is a rope that Node encodes many times slower than flat text, which was most of the
   * time a hit on a large page (/outcomes) took.
   */
  pieces: Buffer[]
  bytes: number
  nonce: string | undefined
}

/** Pages that carry a form with a CSRF token or per-visitor state are never cached. */
const NEVER = [/^\/sign-in/, /^\/signed-out/, /^\/health/, /^\/ping/, /^\/info/]
const MAX_ENTRIES = 1_000
/** About 64 MB: the query string makes every address new, so the entries' size is capped too. */
const MAX_BYTES = 64_000_000
const KEPT_HEADERS = ['content-type', 'content-disposition', 'cache-control']

function nonceOf(reply: FastifyReply): string | undefined {
  return (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script
}

/**
 * Caches what signed-out visitors are sent for GET requests, in memory, until the data changes
 * (any committed transaction moves dataVersion) or the app's date moves. Signed-in users are never
 * served from it, so exempt material, drafts and per-user views cannot leak through it: only what
 * the public may see is ever stored. Each cached page gets the response's own CSP nonce.
 *
 * The address (path and query) is the key, so nothing else in a request may change what a page
 * says: no page reads the Host or any other request header (absolute links come from the configured
 * base URL), and a body with a CSRF token, which belongs to one visitor's cookie, is never stored.
 * ADR 3 lists what was checked.
 */
export function registerPublicCache(app: FastifyInstance, options: { today: () => string }) {
  const cache = new Map<string, Entry>()
  let bytes = 0
  const eligible = (request: FastifyRequest) =>
    request.method === 'GET' && request.user === null && !NEVER.some((pattern) => pattern.test(request.url))
  // A client that asks for a fresh copy (Cache-Control: no-cache) gets one, and it refreshes the cache.
  const wantsFresh = (request: FastifyRequest) => /no-cache/i.test(String(request.headers['cache-control'] ?? ''))
  const versionSeen = new WeakMap<FastifyRequest, number>()

  const forget = (key: string) => {
    bytes -= cache.get(key)?.bytes ?? 0
    cache.delete(key)
  }

  app.addHook('preHandler', async (request, reply) => {
    if (!eligible(request)) return
    const entry = cache.get(request.url)
    const today = options.today()
    if (entry && entry.version === dataVersion() && entry.today === today && !wantsFresh(request)) {
      reply.headers(entry.headers).header('x-oversight-cache', 'hit')
      return reply.send(bodyOf(entry, nonceOf(reply)))
    }
    versionSeen.set(request, dataVersion())
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const version = versionSeen.get(request)
    if (version === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload
    // Encoded once: this response is those bytes, and the entry is views of them cut at the nonce.
    const body = utf8Bytes(payload)
    if (body.includes('name="_csrf"')) return body
    forget(request.url)
    const headers: Record<string, string> = {}
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name)
      if (value !== undefined) headers[name] = String(value)
    }
    const nonce = nonceOf(reply)
    const pieces = nonce ? cutAt(body, Buffer.from(nonce)) : [body]
    const entry = { version, today: options.today(), headers, pieces, bytes: body.length, nonce }
    cache.set(request.url, entry)
    bytes += body.length
    while (cache.size > MAX_ENTRIES || bytes > MAX_BYTES) forget(cache.keys().next().value!)
    // The bytes just made, rather than the rendered string for Fastify to measure and encode again.
    return body
  })
}

/** `bytes` cut wherever `at` stands, without copying: views of `bytes`, without `at`. */
function cutAt(bytes: Buffer, at: Buffer): Buffer[] {
  const pieces: Buffer[] = []
  let from = 0
  for (let found = bytes.indexOf(at); found !== -1; found = bytes.indexOf(at, from)) {
    pieces.push(bytes.subarray(from, found))
    from = found + at.length
  }
  pieces.push(bytes.subarray(from))
  return pieces
}

/** The cached body with this response's own nonce where the first one stood (or the first, when it has none). */
function bodyOf(entry: Entry, nonce: string | undefined): Buffer {
  if (entry.pieces.length === 1) return entry.pieces[0]
  const swapped = Buffer.from(nonce ?? entry.nonce!)
  return Buffer.concat(entry.pieces.flatMap((piece, at) => (at === 0 ? [piece] : [swapped, piece])))
}
