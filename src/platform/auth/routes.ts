import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '#src/database.ts'
import { fieldErrors, singleError } from '#src/platform/forms/errors.ts'
import { postedValues } from '#src/platform/forms/values.ts'
import { firstOf } from '#src/platform/http/query.ts'
import { cookieName } from '#src/platform/http/security.ts'
import { SESSION_COOKIE } from '#src/platform/http/plugin.ts'
import { ROLE_LABELS } from './user.ts'
import type { OidcProvider } from './oidc-provider.ts'
import { safeReturnTo, signInQuery } from './return-to.ts'
import { type SessionStore, sessionCookieOptions } from './sessions.ts'
import { checkCredentials, endSession, startSession } from './sign-in.ts'
import { waitMessage } from './sign-in-delay.ts'

const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .email('Enter an email address in the correct format, like name@example.org'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
})

export interface AuthDeps {
  db: Db
  sessions: SessionStore
  cookieSecure: boolean
  /** The council's OpenID Connect provider, when set up. */
  oidc?: OidcProvider
  /** False when everyone signs in through the provider (OIDC_PASSWORD_SIGN_IN=0). */
  passwordSignIn: boolean
  /** The site's public address, to which the provider returns after signing out. */
  baseUrl: string
}

export function authRoutes(deps: AuthDeps) {
  const sessionCookie = cookieName(SESSION_COOKIE, deps.cookieSecure)
  const view = 'platform/auth/views/sign-in.njk'
  /** What the sign-in page offers: a password form, a button for the provider, or both. */
  const offers = { passwordSignIn: deps.passwordSignIn, providerName: deps.oidc?.settings.providerName }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/sign-in', { schema: { querystring: signInQuery } }, async (request, reply) => {
      return reply.page(view, { ...offers, values: { returnTo: request.query.returnTo } })
    })

    app.post('/sign-in', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
      const body = postedValues(request.body)
      // A field sent twice counts once, as its first value.
      const form = { email: firstOf(body.email), password: firstOf(body.password) }
      const values = { email: typeof form.email === 'string' ? form.email : '', returnTo: safeReturnTo(body.returnTo) }
      // Switched off, a password is refused unread, whoever sends it: not just a form the page leaves out.
      if (!deps.passwordSignIn) return reply.page(view, { ...offers, values, passwordRefused: true }, 403)
      const parsed = signInSchema.safeParse(form)
      if (!parsed.success) return reply.page(view, { ...offers, values, ...fieldErrors(parsed.error.issues) }, 400)

      const { email, password } = parsed.data
      const result = await checkCredentials(deps.db, { email, password, source: request.ip, requestId: request.id })
      if (!result.ok && result.reason === 'throttled') {
        reply.header('retry-after', Math.ceil(result.waitMs / 1000))
        const message = `Too many failed attempts. ${waitMessage(result.waitMs)}`
        return reply.page(view, { ...offers, values, ...singleError('email', message) }, 429)
      }
      if (!result.ok) {
        const wrong = singleError('email', 'Enter a correct email address and password')
        return reply.page(view, { ...offers, values, ...wrong }, 400)
      }
      const replacing = request.cookies[sessionCookie] && request.user ? request.user.sessionId : null
      const token = await startSession(deps.db, deps.sessions, {
        userId: result.userId,
        requestId: request.id,
        replacing,
      })
      reply.setCookie(sessionCookie, token, sessionCookieOptions(deps.cookieSecure))
      return reply.redirect(values.returnTo, 303)
    })

    app.post('/sign-out', async (request, reply) => {
      const method = request.user ? await deps.sessions.signedInWith(request.user.sessionId) : null
      await endSession(deps.db, deps.sessions, request.ctx)
      reply.clearCookie(sessionCookie, { path: '/', secure: deps.cookieSecure, httpOnly: true, sameSite: 'lax' })
      // Signed in through the provider: sign out there too, and come back to the signed-out page.
      const atProvider = method === 'oidc' ? await deps.oidc?.endSessionUrl(`${deps.baseUrl}/signed-out`) : null
      return reply.redirect(atProvider?.href ?? '/signed-out', 303)
    })

    app.get('/signed-out', async (_request, reply) => reply.page('platform/auth/views/signed-out.njk'))

    app.get('/account', async (request, reply) => {
      if (!request.user) return reply.redirect('/sign-in?returnTo=%2Faccount', 303)
      return reply.page('platform/auth/views/account.njk', { roleLabel: ROLE_LABELS[request.user.role] })
    })
  }
}
