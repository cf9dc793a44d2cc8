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
import { safeReturnTo } from './return-to.ts'
import type { SessionStore } from './sessions.ts'
import { checkCredentials, endSession, startSession } from './sign-in.ts'
import { waitMessage } from './sign-in-delay.ts'
import { ABSOLUTE_TIMEOUT_MS } from './sessions.ts'

const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .email('Enter an email address in the correct format, like name@example.org'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
})

/** Where to go once signed in, from the link that asked for it: never another site (return-to.ts). */
const signInQuery = z.object({ returnTo: z.unknown().optional().transform(safeReturnTo) })

export function authRoutes(deps: { db: Db; sessions: SessionStore; cookieSecure: boolean }) {
  const sessionCookie = cookieName(SESSION_COOKIE, deps.cookieSecure)
  const view = 'platform/auth/views/sign-in.njk'

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/sign-in', { schema: { querystring: signInQuery } }, async (request, reply) => {
      return reply.page(view, { values: { returnTo: request.query.returnTo } })
    })

    app.post('/sign-in', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
      const body = postedValues(request.body)
      // A field sent twice counts once, as its first value.
      const form = { email: firstOf(body.email), password: firstOf(body.password) }
      const values = { email: typeof form.email === 'string' ? form.email : '', returnTo: safeReturnTo(body.returnTo) }
      const parsed = signInSchema.safeParse(form)
      if (!parsed.success) return reply.page(view, { values, ...fieldErrors(parsed.error.issues) }, 400)

      const { email, password } = parsed.data
      const result = await checkCredentials(deps.db, { email, password, source: request.ip, requestId: request.id })
      if (!result.ok && result.reason === 'throttled') {
        reply.header('retry-after', Math.ceil(result.waitMs / 1000))
        const message = `Too many failed attempts. ${waitMessage(result.waitMs)}`
        return reply.page(view, { values, ...singleError('email', message) }, 429)
      }
      if (!result.ok) {
        return reply.page(view, { values, ...singleError('email', 'Enter a correct email address and password') }, 400)
      }
      const replacing = request.cookies[sessionCookie] && request.user ? request.user.sessionId : null
      const token = await startSession(deps.db, deps.sessions, {
        userId: result.userId,
        requestId: request.id,
        replacing,
      })
      reply.setCookie(sessionCookie, token, {
        path: '/',
        httpOnly: true,
        secure: deps.cookieSecure,
        sameSite: 'lax',
        maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
      })
      return reply.redirect(values.returnTo, 303)
    })

    app.post('/sign-out', async (request, reply) => {
      await endSession(deps.db, deps.sessions, request.ctx)
      reply.clearCookie(sessionCookie, { path: '/', secure: deps.cookieSecure, httpOnly: true, sameSite: 'lax' })
      return reply.redirect('/signed-out', 303)
    })

    app.get('/signed-out', async (_request, reply) => reply.page('platform/auth/views/signed-out.njk'))

    app.get('/account', async (request, reply) => {
      if (!request.user) return reply.redirect('/sign-in?returnTo=%2Faccount', 303)
      return reply.page('platform/auth/views/account.njk', { roleLabel: ROLE_LABELS[request.user.role] })
    })
  }
}
