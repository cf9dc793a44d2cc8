import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { AUDIT_EXPORT_LIMIT, AUDIT_PAGE_SIZE, type AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { parseForm } from '#src/platform/forms/errors.ts'
import { dateParts, joinDateParts } from '#src/platform/forms/fields.ts'
import { rawQuery } from '#src/platform/forms/values.ts'
import { attachment } from '#src/platform/http/content-disposition.ts'
import { pageNumber, paginationParams } from '#src/platform/http/pagination.ts'
import { csvText } from '#src/platform/files/csv-writer.ts'
import { withAuditJson } from './audit-event-details.ts'
import type { SubjectName } from './audit-subjects.ts'
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

/** The filter's dates as the date inputs show them: their three boxes each. */
function dateValues(query: Record<string, unknown>, filter: { from?: string | null; to?: string | null } | null) {
  const values: Record<string, unknown> = {}
  for (const name of ['from', 'to'] as const) {
    const parts = filter ? dateParts(filter[name]) : null
    for (const part of ['day', 'month', 'year'] as const)
      values[`${name}-${part}`] = parts ? parts[part] : query[`${name}-${part}`]
  }
  return values
}

/** The filters' dates, typed into the date inputs' boxes, or whole ('from=2024-01-22') as page links give them. */
function withDates(query: Record<string, unknown>): Record<string, unknown> {
  const date = (name: 'from' | 'to') =>
    joinDateParts(query, name) || (typeof query[name] === 'string' ? query[name] : '')
  return { ...query, from: date('from'), to: date('to') }
}

/** One row of the download per event: every column of the trail, before and after as JSON. */
function auditCsv(events: Awaited<ReturnType<AuditReader['export']>>) {
  return csvText([
    ['When (UTC)', 'App date', 'Who', 'What happened', 'Record type', 'Record id', 'Before', 'After', 'Request'],
    ...events.map((event) => [
      new Date(event.at).toISOString(),
      event.appDate ?? '',
      event.actorLabel,
      event.action,
      event.subjectType,
      event.subjectId,
      event.before === null ? '' : typeof event.before === 'string' ? event.before : JSON.stringify(event.before),
      event.after === null ? '' : typeof event.after === 'string' ? event.after : JSON.stringify(event.after),
      event.correlationId,
    ]),
  ])
}

/** The whole audit trail, filtered and paged, for admins. */
export function auditTrailRoutes(deps: {
  audit: AuditReader
  /** The names and pages of the records events are about, by 'type/id'. */
  names: (events: { subjectType: string; subjectId: string }[]) => Promise<Map<string, SubjectName>>
}) {
  const { audit, names } = deps
  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    app.addHook('preHandler', async (request) => assertCan(request.user, 'audit:read'))

    // The filters are a GET form: a refused one is shown beside its field.
    app.get('/admin/audit', { schema: { querystring: rawQuery } }, async (request, reply) => {
      const query = withDates(request.query)
      const subjectTypes = await audit.subjectTypes(request.ctx)
      const parsed = parseForm(auditFilterSchema, query, { from: 'from-day', to: 'to-day' })
      if (!parsed.ok)
        return reply.page(
          view,
          { values: query, dateValues: dateValues(request.query, null), subjectTypes, ...parsed },
          400,
        )

      const filter = parsed.value
      const asked = { ...filter, from: filter.from ?? undefined, to: filter.to ?? undefined }
      if (request.query.format === 'csv') {
        const events = await audit.export(request.ctx, asked)
        reply.header('content-type', 'text/csv; charset=utf-8')
        reply.header('content-disposition', attachment('audit-trail.csv'))
        return auditCsv(events)
      }
      const page = pageNumber(query.page)
      const { total, more, events } = await audit.search(request.ctx, asked, page)
      const named = await names(events)
      const first = (page - 1) * AUDIT_PAGE_SIZE + 1
      return reply.page(view, {
        values: filter,
        dateValues: dateValues(request.query, filter),
        subjectTypes,
        searched: true,
        filtered: filterQuery(filter) !== '',
        events: events.map((event) => ({
          ...withAuditJson(event),
          subject: named.get(`${event.subjectType}/${event.subjectId}`) ?? null,
        })),
        total,
        more,
        totalLabel: total.toLocaleString('en-GB'),
        shown: events.length ? { first, last: first + events.length - 1 } : null,
        firstPageHref: `/admin/audit${filterQuery(filter)}`,
        csvHref: `/admin/audit${filterQuery(filter) ? `${filterQuery(filter)}&` : '?'}format=csv`,
        exportLimitLabel: AUDIT_EXPORT_LIMIT.toLocaleString('en-GB'),
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
