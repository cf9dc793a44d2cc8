import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import { postedValues } from '#src/platform/forms/values.ts'

export interface SecurityOptions {
  cookieSecure: boolean
  /** Origins besides this one that a sent form may be redirected to (the OpenID Connect provider's). */
  formActions?: string[]
}

/** The cookie name: __Host- pins it to this origin, over HTTPS, for the whole path. */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base
}

/**
 * Security headers with a strict CSP (scripts only from here, plus the nonce for
 * govuk-frontend's one inline line), cookies, and CSRF on every state-changing request.
 */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions) {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", ...(options.formActions ?? [])],
        baseUri: ["'none'"],
        upgradeInsecureRequests: options.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: options.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  })
  await app.register(cookie)
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: cookieName('csrf', options.cookieSecure),
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: options.cookieSecure, signed: false },
    // A token sent twice is no token.
    getToken: (request) => {
      const token = postedValues(request.body)._csrf
      return typeof token === 'string' ? token : undefined
    },
  })
  // No state change on GET: every other method must carry the form's CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done()
    app.csrfProtection(request, reply, done)
  })
}
