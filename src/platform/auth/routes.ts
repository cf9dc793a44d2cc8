import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { fieldErrors, singleError } from '#src/platform/forms/errors.ts'
import { cookieName } from '#src/platform/http/security.ts'
import { SESSION_COOKIE } from '#src/platform/http/plugin.ts'
import { ROLE_LABELS } from './user.ts'
import { safeReturnTo } from './return-to.ts'
import type { SessionStore } from './sessions.ts'
import { checkCredentials } from './sign-in.ts'
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

/** A field sent twice counts once, as its first value. */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value)

export function authRoutes(deps: { db: Db; sessions: SessionStore; cookieSecure: boolean }) {
  const sessionCookie = cookieName(SESSION_COOKIE, deps.cookieSecure)
  const view = 'platform/auth/views/sign-in.njk'

  return async function (app: FastifyInstance) {
    app.get('/sign-in', async (request, reply) => {
      const { returnTo } = (request.query ?? {}) as { returnTo?: unknown }
      return reply.page(view, { values: { returnTo: safeReturnTo(returnTo) } })
    })

    app.post('/sign-in', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const form = { email: firstValue(body.email), password: firstValue(body.password) }
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
      // A new session id at every sign-in: nothing from before sign-in carries over.
      const oldToken = request.cookies[sessionCookie]
      if (oldToken && request.user) await deps.sessions.end(request.user.sessionId)
      const token = await deps.sessions.start(result.userId)
      const account = await deps.db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'role', 'personId'])
        .where('id', '=', result.userId)
        .executeTakeFirstOrThrow()
      // Recorded as the user who signed in, so the audit trail's "who" filter finds it.
      await recordAudit(
        deps.db,
        { user: { ...account, sessionId: '' }, requestId: request.id },
        {
          action: 'signed in',
          subjectType: 'user',
          subjectId: result.userId,
        },
      )
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
      if (request.user) {
        await deps.sessions.end(request.user.sessionId)
        await recordAudit(deps.db, request.ctx, {
          action: 'signed out',
          subjectType: 'user',
          subjectId: request.user.id,
        })
      }
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
