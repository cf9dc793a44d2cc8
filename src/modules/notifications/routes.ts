import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { pageNumber, paginationParams } from '#src/platform/http/pagination.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { OUTBOX_PAGE_SIZE, type NotificationsService } from './service.ts'

const views = 'modules/notifications/views'

const outboxQuery = z.object({ page: z.unknown().optional(), show: z.unknown().optional() })

/** The outbox, for admins: every message sent, newest first, how each was delivered, and sending one again. */
export function notificationsRoutes(deps: { service: NotificationsService; delivering: boolean }) {
  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/admin/outbox', { schema: { querystring: outboxQuery } }, async (request, reply) => {
      assertCan(request.user, 'outbox:read')
      const page = pageNumber(request.query.page)
      const onlyFailed = request.query.show === 'failed'
      const { rows, total, failed } = await deps.service.outbox(request.ctx, page, onlyFailed)
      const base = onlyFailed ? '/admin/outbox?show=failed' : '/admin/outbox'
      const pagination = paginationParams({
        page,
        total,
        pageSize: OUTBOX_PAGE_SIZE,
        href: (n) => (n === 1 ? base : `${base}${onlyFailed ? '&' : '?'}page=${n}`),
      })
      return reply.page(`${views}/outbox.njk`, {
        messages: rows,
        totalText: `${total.toLocaleString('en-GB')} ${onlyFailed ? 'failed ' : ''}message${total === 1 ? '' : 's'}`,
        failed,
        failedText: `${failed.toLocaleString('en-GB')} message${failed === 1 ? '' : 's'}`,
        onlyFailed,
        delivering: deps.delivering,
        pagination,
      })
    })

    app.post('/admin/outbox/:id/retry', { schema: { params: pathParams('id') } }, async (request, reply) => {
      if (!isUuid(request.params.id)) throw new NotFoundError('Message')
      await deps.service.retryDelivery(request.ctx, request.params.id)
      reply.confirm('The message will be sent again')
      return reply.redirect('/admin/outbox?show=failed', 303)
    })
  }
}
