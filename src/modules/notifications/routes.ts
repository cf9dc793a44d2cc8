import type { FastifyInstance } from 'fastify'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { pageNumber, paginationParams } from '#src/platform/http/pagination.ts'
import { OUTBOX_PAGE_SIZE, type NotificationsService } from './service.ts'

const views = 'modules/notifications/views'

/** The outbox, for admins: every message sent, newest first. */
export function notificationsRoutes(deps: { service: NotificationsService }) {
  return async function (app: FastifyInstance) {
    app.get('/admin/outbox', async (request, reply) => {
      assertCan(request.user, 'outbox:read')
      const page = pageNumber((request.query as { page?: unknown }).page)
      const { rows, total } = await deps.service.outbox(request.ctx, page)
      const pagination = paginationParams({
        page,
        total,
        pageSize: OUTBOX_PAGE_SIZE,
        href: (n) => (n === 1 ? '/admin/outbox' : `/admin/outbox?page=${n}`),
      })
      return reply.page(`${views}/outbox.njk`, {
        messages: rows,
        totalText: `${total.toLocaleString('en-GB')} message${total === 1 ? '' : 's'}`,
        pagination,
      })
    })
  }
}
