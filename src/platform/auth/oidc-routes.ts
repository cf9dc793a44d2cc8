import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db } from '#src/database.ts'
import { SESSION_COOKIE } from '#src/platform/http/plugin.ts'
import { cookieName } from '#src/platform/http/security.ts'
import { type OidcProvider, ProviderUnavailableError, verifiedEmail } from './oidc-provider.ts'
import { accountForVerifiedEmail, recordOidcFailure } from './oidc-sign-in.ts'
import { TRANSACTION_TTL_MS, openTransaction, sealTransaction } from './oidc-transaction.ts'
import { signInQuery } from './return-to.ts'
import { type SessionStore, sessionCookieOptions } from './sessions.ts'
import { startSession } from './sign-in.ts'

/** The cookie that carries the sign-in's transaction to the callback (oidc-transaction.ts). */
export const OIDC_TRANSACTION_COOKIE = 'oidc'

const VIEW = 'platform/auth/views/oidc-problem.njk'

/**
 * Sign-in through the council's OpenID Connect provider (ADR 20): GET /sign-in/oidc sends the
 * browser to the provider with a sealed transaction cookie, and the provider sends it back to
 * /sign-in/oidc/callback. Both answer 404 when no provider is set up.
 */
export function oidcRoutes(deps: { db: Db; sessions: SessionStore; cookieSecure: boolean; oidc?: OidcProvider }) {
  const transactionCookie = cookieName(OIDC_TRANSACTION_COOKIE, deps.cookieSecure)
  const sessionCookie = cookieName(SESSION_COOKIE, deps.cookieSecure)
  // Lax, so that the provider's redirect back (a top-level GET from another site) carries it.
  const transactionCookieOptions = { path: '/', httpOnly: true, secure: deps.cookieSecure, sameSite: 'lax' as const }

  /** The provider could not be reached: nothing else is affected, and password sign-in (if on) still works. */
  const unavailable = (request: FastifyRequest, reply: FastifyReply, error: ProviderUnavailableError) => {
    request.log.error({ err: error.cause ?? error }, error.message)
    return reply.page(VIEW, { kind: 'unavailable' }, 503)
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/sign-in/oidc', { schema: { querystring: signInQuery } }, async (request, reply) => {
      const oidc = deps.oidc
      if (!oidc) return reply.callNotFound()
      let started: Awaited<ReturnType<OidcProvider['start']>>
      try {
        started = await oidc.start(request.query.returnTo)
      } catch (error) {
        if (error instanceof ProviderUnavailableError) return unavailable(request, reply, error)
        throw error
      }
      const sealed = sealTransaction(oidc.settings.clientSecret, started.transaction)
      reply.setCookie(transactionCookie, sealed, { ...transactionCookieOptions, maxAge: TRANSACTION_TTL_MS / 1000 })
      return reply.header('cache-control', 'no-store').redirect(started.url.href, 303)
    })

    app.get('/sign-in/oidc/callback', async (request, reply) => {
      const oidc = deps.oidc
      if (!oidc) return reply.callNotFound()
      const attempt = { source: request.ip, requestId: request.id }
      // Used once: whatever happens next, the transaction is gone.
      const transaction = openTransaction(oidc.settings.clientSecret, request.cookies[transactionCookie])
      reply.clearCookie(transactionCookie, transactionCookieOptions)
      if (!transaction) {
        await recordOidcFailure(deps.db, attempt, 'no sign-in under way')
        return reply.page(VIEW, { kind: 'failed' }, 400)
      }

      // The address the provider was told to come back to, with what it sent: never the request's Host.
      const callback = new URL(oidc.settings.redirectUrl)
      callback.search = new URL(request.url, callback).search
      let claims: Awaited<ReturnType<OidcProvider['finish']>>
      try {
        claims = await oidc.finish(callback, transaction)
      } catch (error) {
        if (error instanceof ProviderUnavailableError) return unavailable(request, reply, error)
        // The reason, never the response: it could hold a token.
        const { name, message, code } = error as Error & { code?: string }
        request.log.warn({ error: { name, message, code } }, 'sign-in through the OpenID Connect provider refused')
        await recordOidcFailure(deps.db, attempt, 'refused by provider')
        return reply.page(VIEW, { kind: 'failed' }, 400)
      }

      const email = verifiedEmail(claims)
      if (!email) {
        await recordOidcFailure(deps.db, attempt, 'no verified email')
        return reply.page(VIEW, { kind: 'unverified' }, 403)
      }
      const account = await accountForVerifiedEmail(deps.db, email, attempt)
      if (!account.ok) {
        return reply.page(VIEW, { kind: account.reason === 'disabled' ? 'disabled' : 'no-account', email }, 403)
      }
      const token = await startSession(deps.db, deps.sessions, {
        userId: account.userId,
        requestId: request.id,
        replacing: request.user?.sessionId ?? null,
        method: 'oidc',
      })
      reply.setCookie(sessionCookie, token, sessionCookieOptions(deps.cookieSecure))
      return reply.redirect(transaction.returnTo, 303)
    })
  }
}
