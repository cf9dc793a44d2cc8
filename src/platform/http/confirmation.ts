import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cookieName } from './security.ts'

/**
 * "Meeting updated", "Update posted": what a signed-in user is told on the page a save sends them to,
 * in GOV.UK's success banner. It rides in a short-lived cookie from the save's redirect to the next
 * page rendered, and is read once. Only signed-in pages show it: they are never in the public page
 * cache, so one person's confirmation cannot reach another.
 */

const MAX_LENGTH = 200

export function registerConfirmations(app: FastifyInstance, options: { cookieSecure: boolean }) {
  const name = cookieName('confirmation', options.cookieSecure)
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.cookieSecure }

  app.decorateReply('confirm', function (this: FastifyReply, message: string) {
    this.setCookie(name, encodeURIComponent(message.slice(0, MAX_LENGTH)), { ...cookieOptions, maxAge: 60 })
    return this
  })

  return {
    /** The confirmation waiting for this signed-in user, cleared as it is shown; null when none. */
    take(request: FastifyRequest, reply: FastifyReply): string | null {
      const value = request.cookies?.[name]
      if (!value || !request.user) return null
      reply.clearCookie(name, cookieOptions)
      try {
        return decodeURIComponent(value).slice(0, MAX_LENGTH)
      } catch {
        return null
      }
    },
  }
}
