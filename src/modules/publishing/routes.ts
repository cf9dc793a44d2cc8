import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { fieldErrors, noErrors } from '#src/platform/forms/errors.ts'
import { rawQuery } from '#src/platform/forms/values.ts'
import { inline } from '#src/platform/http/content-disposition.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { paginationParams } from '#src/platform/http/pagination.ts'
import { firstOf } from '#src/platform/http/query.ts'
import { calendarQuerySchema, searchQuerySchema } from './schema.ts'
import { resultCount } from './search/results.ts'
import type { PublishingService } from './service.ts'

const views = 'modules/publishing/views'

/**
 * `baseUrl`: the site's configured public address, for links that leave the site (feeds, the open
 * data page). Never the request's Host header, which anyone can set and the page cache would keep.
 */
export function publishingRoutes(deps: { service: PublishingService; baseUrl: string }) {
  const { service, baseUrl } = deps

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/', async (request, reply) => {
      return reply.page(`${views}/home.njk`, await service.home(request.ctx))
    })

    app.get('/search', { schema: { querystring: rawQuery } }, async (request, reply) => {
      const parsed = searchQuerySchema.safeParse(request.query)
      if (!parsed.success) {
        const first = firstOf(request.query.q)
        const q = typeof first === 'string' ? first : ''
        return reply.page(`${views}/search.njk`, { q, ...fieldErrors(parsed.error.issues) }, 400)
      }
      const { q, page } = parsed.data
      const found = await service.search(request.ctx, { q, page })
      const pagination = paginationParams({
        page: found.page,
        total: found.total,
        pageSize: found.pageSize,
        href: (n) => `/search?${new URLSearchParams({ q, page: String(n) })}`,
      })
      return reply.page(`${views}/search.njk`, {
        q,
        found,
        count: resultCount(found.total),
        pagination,
        ...noErrors,
      })
    })

    app.get('/calendar.ics', { schema: { querystring: rawQuery } }, async (request, reply) => {
      const parsed = calendarQuerySchema.safeParse(request.query)
      if (!parsed.success) throw new NotFoundError('Body')
      const ics = await service.calendarFeed(request.ctx, { bodyId: parsed.data.body, origin: baseUrl })
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', inline('meetings.ics'))
        .header('cache-control', 'public, max-age=300')
        .send(ics)
    })

    app.get('/open-data', async (request, reply) => {
      const bodies = await service.listBodies(request.ctx)
      return reply.page(`${views}/open-data.njk`, { bodies, origin: baseUrl })
    })

    app.get('/accessibility', async (_request, reply) => {
      return reply.page(`${views}/accessibility.njk`)
    })
  }
}
