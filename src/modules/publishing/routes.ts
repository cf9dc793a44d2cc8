import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { attempt, fieldErrors, inFormOrder, noErrors } from '#src/platform/forms/errors.ts'
import { joinDateParts } from '#src/platform/forms/fields.ts'
import { rawQuery } from '#src/platform/forms/values.ts'
import { inline } from '#src/platform/http/content-disposition.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { paginationParams } from '#src/platform/http/pagination.ts'
import { calendarQuerySchema, searchQuerySchema } from './schema.ts'
import { resultCount } from './search/results.ts'
import { SEARCH_FIELDS, SEARCH_FIELD_IDS, searchFilterView, searchParams, searchValues } from './search/filter-view.ts'
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
      const { query } = request
      const values = searchValues(query)
      const bodies = await service.searchBodies(request.ctx)
      const page = (status: number, view: Record<string, unknown>) =>
        reply.page(`${views}/search.njk`, { ...searchFilterView(values, bodies), ...view }, status)
      const parsed = searchQuerySchema.safeParse({
        ...query,
        from: joinDateParts(query, 'from'),
        to: joinDateParts(query, 'to'),
      })
      if (!parsed.success) {
        return page(400, {
          q: values.q,
          ...inFormOrder(fieldErrors(parsed.error.issues, SEARCH_FIELD_IDS), SEARCH_FIELDS, SEARCH_FIELD_IDS),
        })
      }
      const { q, type, body, from, to } = parsed.data
      const searched = await attempt(() =>
        service.search(request.ctx, { q, page: parsed.data.page, filter: { kinds: type, body, from, to } }),
      )
      if (!searched.ok) return page(400, { q, errors: searched.errors, errorSummary: searched.errorSummary })
      const found = searched.value
      const pagination = paginationParams({
        page: found.page,
        total: found.total,
        pageSize: found.pageSize,
        href: (n) => `/search?${searchParams(parsed.data, n)}`,
      })
      return page(200, { q, found, count: resultCount(found.total), pagination, ...noErrors })
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
