import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { createHash } from 'node:crypto'
import { pageOfList } from './pagination.ts'

/** The licence every open data answer and feed is published under, named in each (ADR 14). */
export const OPEN_DATA_LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
} as const

/** A list's page size when the query names none, and the most a query may ask for. */
export const PAGE_SIZE = { default: 50, max: 100 } as const

const API = '/api/v1/'

export interface OpenDataPage<T> {
  licence: typeof OPEN_DATA_LICENCE
  page: number
  pageSize: number
  total: number
  /** The next page's absolute address, from the configured base URL; null on the last page. */
  next: string | null
  items: T[]
}

/**
 * The open data API's conventions, kept here once for every route under /api/v1 (ADR 14):
 * - any site may read it from a browser: `Access-Control-Allow-Origin: *` on every answer, and a
 *   preflight (OPTIONS) answered 204, so a client may send If-None-Match from another origin;
 * - each 200 carries an `ETag` (a hash of the body sent) and `Last-Modified` (when this process first
 *   sent that body for that address), and a request whose copy is still current is answered 304
 *   with no body;
 * - `request.openDataPage(items)` cuts a list to the page its query asks for, with a `next` link.
 * Pages of the site (HTML) get none of this.
 */
export function registerOpenData(app: FastifyInstance, options: { baseUrl: string }) {
  const changedAt = changeTimes()

  app.decorateRequest('openDataPage', function <T>(this: FastifyRequest, items: readonly T[]): OpenDataPage<T> {
    const query = this.query as { page?: number; pageSize?: number }
    const page = query.page ?? 1
    const pageSize = query.pageSize ?? PAGE_SIZE.default
    const list = pageOfList(items, page, pageSize)
    const next = list.nextPage === null ? null : pageAddress(options.baseUrl, this.url, list.nextPage)
    return { licence: OPEN_DATA_LICENCE, page, pageSize, total: list.total, next, items: list.items }
  })

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(API)) return
    reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'ETag')
    if (request.method !== 'OPTIONS') return
    // No route answers OPTIONS: the preflight is answered here, for every address under /api/v1.
    return reply
      .code(204)
      .headers({
        'access-control-allow-methods': 'GET, HEAD, OPTIONS',
        'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
        'access-control-max-age': '86400',
      })
      .send()
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const read = request.method === 'GET' || request.method === 'HEAD'
    // A body from the page cache comes as bytes: it is hashed the same as the string it was.
    const body = typeof payload === 'string' || Buffer.isBuffer(payload)
    if (!read || !request.url.startsWith(API) || reply.statusCode !== 200 || !body) {
      return payload
    }
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`
    const since = changedAt(request.url, etag, Date.now())
    reply.header('etag', etag).header('last-modified', new Date(since).toUTCString())
    if (!stillCurrent(request, etag, since)) return payload
    return notModified(reply)
  })
}

/** The address of another page of the same list: the request's path and query with `page` changed. */
function pageAddress(baseUrl: string, url: string, page: number): string {
  const [path, query = ''] = url.split('?', 2)
  const params = new URLSearchParams(query)
  params.set('page', String(page))
  return `${baseUrl}${path}?${params.toString()}`
}

/**
 * When each address's current body was first sent, to the second, for Last-Modified. A body that
 * changes within the second of the last change still moves it on a second, so If-Modified-Since
 * cannot miss a change. Bounded: an address forgotten is dated afresh, which only costs a 200.
 */
function changeTimes(limit = 2_000) {
  const seen = new Map<string, { etag: string; since: number }>()
  return (url: string, etag: string, now: number): number => {
    const entry = seen.get(url)
    if (entry?.etag === etag) return entry.since
    const second = Math.floor(now / 1000) * 1000
    const since = entry && second <= entry.since ? entry.since + 1000 : second
    seen.delete(url)
    seen.set(url, { etag, since })
    if (seen.size > limit) seen.delete(seen.keys().next().value!)
    return since
  }
}

/** RFC 9110 §13.1: If-None-Match (weak comparison) decides when sent; If-Modified-Since only when it is not. */
function stillCurrent(request: FastifyRequest, etag: string, since: number): boolean {
  const match = request.headers['if-none-match']
  if (match !== undefined) {
    return match.split(',').some((tag) => ['*', etag].includes(tag.trim().replace(/^W\//, '')))
  }
  const modifiedSince = Date.parse(request.headers['if-modified-since'] ?? '')
  return !Number.isNaN(modifiedSince) && since <= modifiedSince
}

/** 304: the validators and caching headers stay, the body and what describes it go. */
function notModified(reply: FastifyReply): string {
  reply.code(304).removeHeader('content-type').removeHeader('content-length')
  return ''
}
