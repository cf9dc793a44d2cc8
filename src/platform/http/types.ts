import type { Context, User } from '#src/platform/auth/user.ts'
import type { GeneratedPaper } from '#src/platform/papers/paper.ts'
import type { PaperFormat } from '#src/platform/papers/send.ts'
import type { OpenDataPage } from './open-data.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for the public. */
    user: User | null
    /** The service context for this request: who and which request. */
    ctx: Context
    /** Under /api/v1: the page of `items` its query asks for, with the licence and a `next` link. */
    openDataPage<T>(items: readonly T[]): OpenDataPage<T>
  }
  interface FastifyReply {
    /** Renders a page inside the layout, with the user, CSRF token and CSP nonce. */
    page(template: string, data?: Record<string, unknown>, status?: number): FastifyReply
    /** Tells a signed-in user, on the next page they see, that their change was saved ("Meeting updated"). */
    confirm(message: string): FastifyReply
    /** Sends a generated paper as a tagged PDF or a Word document named `basename`, the council its author. */
    paper(paper: GeneratedPaper, format: PaperFormat, basename: string): Promise<FastifyReply>
  }
}
