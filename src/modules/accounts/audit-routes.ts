import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { AUDIT_PAGE_SIZE, type AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { parseForm } from '#src/platform/forms/errors.ts'
import { rawQuery } from '#src/platform/forms/values.ts'
import { pageNumber, paginationParams } from '#src/platform/http/pagination.ts'
import { withAuditJson } from './audit-event-details.ts'
import { type AuditFilterForm, auditFilterSchema } from './schema.ts'

const view = 'modules/accounts/views/audit.njk'

/** The filters as a query string, without blanks, so page links keep the filters. */
function filterQuery(filter: AuditFilterForm, page?: number): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value)
  if (page && page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** The whole audit trail, filtered and paged, for admins. */
export function auditTrailRoutes(deps: { audit: AuditReader }) {
  const { audit } = deps
  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    app.addHook('preHandler', async (request) => assertCan(request.user, 'audit:read'))

    // The filters are a GET form: a refused one is shown beside its field.
    app.get('/admin/audit', { schema: { querystring: rawQuery } }, async (request, reply) => {
      const { query } = request
      const subjectTypes = await audit.subjectTypes(request.ctx)
      const parsed = parseForm(auditFilterSchema, query)
      if (!parsed.ok) return reply.page(view, { values: query, subjectTypes, ...parsed }, 400)

      const filter = parsed.value
      const page = pageNumber(query.page)
      const { total, events } = await audit.search(
        request.ctx,
        { ...filter, from: filter.from ?? undefined, to: filter.to ?? undefined },
        page,
      )
      const first = (page - 1) * AUDIT_PAGE_SIZE + 1
      return reply.page(view, {
        values: filter,
        subjectTypes,
        searched: true,
        filtered: filterQuery(filter) !== '',
        events: events.map(withAuditJson),
        total,
        shown: events.length ? { first, last: first + events.length - 1 } : null,
        firstPageHref: `/admin/audit${filterQuery(filter)}`,
        pagination: paginationParams({
          page,
          total,
          pageSize: AUDIT_PAGE_SIZE,
          href: (n) => `/admin/audit${filterQuery(filter, n)}`,
        }),
      })
    })
  }
}
