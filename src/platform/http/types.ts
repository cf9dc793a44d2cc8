import type { Context, User } from '#src/platform/auth/user.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for the public. */
    user: User | null
    /** The service context for this request: who and which request. */
    ctx: Context
  }
  interface FastifyReply {
    /** Renders a page inside the layout, with the user, CSRF token and CSP nonce. */
    page(template: string, data?: Record<string, unknown>, status?: number): FastifyReply
  }
}
