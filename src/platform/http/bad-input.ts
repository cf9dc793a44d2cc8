import type { FastifyInstance, FastifyRequest } from 'fastify'
import { BadRequestError, NotFoundError } from './errors.ts'

/**
 * Input no page can use, refused before it reaches a route, and errors that mean the request was
 * at fault rather than the service: all answer 4xx with the usual error page, never 500.
 */

/** Control characters in a path, written raw or percent-encoded (%00 to %1F, %7F). */
const ENCODED_CONTROL = /[\u0000-\u001f\u007f]|%(?:[01][0-9a-f]|7f)/i

/**
 * Control characters no form field of ours takes: NUL (which PostgreSQL cannot store in text) and
 * the rest of C0 but tab, line feed and carriage return, which text boxes send.
 */
const FORM_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/**
 * True when the path (not the query: each route's schema reads its own, and search makes words
 * of whatever it is given) holds a control character. No page's address has one.
 */
export function pathHasControlCharacters(url: string): boolean {
  const at = url.indexOf('?')
  return ENCODED_CONTROL.test(at === -1 ? url : url.slice(0, at))
}

/** True when any string in a parsed body (form fields, lists of them, multipart fields) holds one. */
export function bodyHasControlCharacters(body: unknown): boolean {
  if (typeof body === 'string') return FORM_CONTROL.test(body)
  if (Array.isArray(body)) return body.some(bodyHasControlCharacters)
  // Uploaded files are data, not text: only their names are checked.
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    return Object.values(body).some(bodyHasControlCharacters)
  }
  return false
}

/** A path with a control character names nothing (404); a form with one cannot be saved (400). */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (pathHasControlCharacters(request.url)) throw new NotFoundError('Page')
  })
  // preHandler, not preValidation: a multipart body is read in its route's own preValidation hook, after the app's.
  app.addHook('preHandler', async (request) => {
    if (bodyHasControlCharacters(request.body)) throw new BadRequestError('unsavable-character')
  })
}

/** busboy's words for a multipart body that stops before its closing boundary (it gives no code). */
const CUT_SHORT = /unexpected end of multipart data|boundary not found/i

/**
 * The request's fault, as a BadRequestError, for an error a route let through; null for a fault of
 * the service. A query string a schema refused (a ZodError from parse); a value PostgreSQL refused
 * as data (SQLSTATE class 22: bad syntax for the type, a date or number out of range, a string too
 * long, an invalid byte); an upload that stopped before its end.
 */
export function asBadRequest(
  error: Error & { code?: unknown; statusCode?: number },
  request: FastifyRequest,
): BadRequestError | null {
  if (error instanceof BadRequestError) return error
  if (error.code === 'FST_MP_PREMATURE_CLOSE') return new BadRequestError('upload-cut-short')
  if (error.statusCode !== undefined) return null
  if (error.name === 'ZodError') return new BadRequestError()
  if (typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) return new BadRequestError()
  const multipart = String(request.headers['content-type'] ?? '').startsWith('multipart/')
  if (multipart && CUT_SHORT.test(error.message)) return new BadRequestError('upload-cut-short')
  return null
}
