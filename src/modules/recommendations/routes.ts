import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { can } from '#src/platform/auth/permissions.ts'
import { dateValues, selectItems } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { paginationParams } from '#src/platform/http/pagination.ts'
import { attachment } from '#src/platform/http/content-disposition.ts'
import { isPaperFormat } from '#src/platform/papers/send.ts'
import { keptParts } from '#src/platform/views/kept-parts.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import { recommendationFormRoutes } from './form-routes.ts'
import { RAG_LABELS, RAGS } from './rag.ts'
import { STATUSES, TRACKER_SORTS, type TrackerQuery, trackerQuerySchema } from './schema.ts'
import type { RecommendationsService } from './service.ts'
import { trackerCsv, trackerWorkbook } from './tracker-export.ts'
import { trackerPaperOf, trackerShowing, trackerSummary } from './tracker-paper.ts'
import { views } from './form-values.ts'

export interface RecommendationsRouteDeps {
  service: RecommendationsService
  audit: AuditReader
  bodies: BodiesService
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const STATUS_LABELS = { open: 'Open', complete: 'Complete', withdrawn: 'Withdrawn' }

const SORT_LABELS = { number: 'Number', target: 'Target date, soonest first', rag: 'RAG rating, red first' }

/** The filter's, the order's and the date's query string, without the format or page, for links. */
function filterQuery(query: TrackerQuery): string {
  const params = new URLSearchParams()
  if (query.status) params.set('status', query.status)
  if (query.rag) params.set('rag', query.rag)
  if (query.officer) params.set('officer', query.officer)
  if (query.overdue) params.set('overdue', 'yes')
  if (query.on) params.set('on', query.on)
  if (query.sort && query.sort !== 'number') params.set('sort', query.sort)
  return params.toString()
}

/** The tracker, a recommendation's page, "my recommendations" and the way in from the minutes. */
export function recommendationsRoutes(deps: RecommendationsRouteDeps) {
  const { service, audit } = deps

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    await app.register(recommendationFormRoutes(deps))

    // A page of the tracker's rows, the same for everyone: rendered once for the page's kept recommendations.
    type TrackerPage = Awaited<ReturnType<RecommendationsService['trackerOf']>>
    const trackerRows = keptParts((recommendations: TrackerPage['recommendations']) =>
      app.view(`${views}/tracker-rows.njk`, { recommendations }),
    )

    // The filter's list of officers with none chosen, the same for everyone: rendered once for the kept officers.
    const officerItems = (officers: TrackerPage['officers'], chosen: unknown) =>
      selectItems(
        'Any officer',
        officers.map((officer) => ({ value: officer.id, text: officer.name })),
        chosen,
      )
    const officerSelect = keptParts((officers: TrackerPage['officers']) =>
      app.view(`${views}/tracker-officer-select.njk`, { officerItems: officerItems(officers, undefined) }),
    )

    const trackerSchema = { params: pathParams('slug'), querystring: trackerQuerySchema }
    app.get('/bodies/:slug/recommendations', { schema: trackerSchema }, async (request, reply) => {
      const { query } = request
      // The page only for the page: the downloads hold every recommendation that matches.
      const paged = !query.format
      const tracker = await service.trackerOf(
        request.ctx,
        request.params.slug,
        query,
        query.on,
        paged ? query.page : undefined,
      )
      const filename = `${tracker.body.slug}-recommendations`
      const filtered = Boolean(query.status || query.rag || query.officer || query.overdue)
      if (isPaperFormat(query.format)) {
        return reply.paper(trackerPaperOf(tracker, filtered), query.format, `${filename}-${tracker.today}`)
      }
      if (query.format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8')
        reply.header('content-disposition', attachment(`${filename}.csv`))
        return trackerCsv(tracker.recommendations)
      }
      if (query.format === 'xlsx') {
        reply.header('content-type', XLSX)
        reply.header('content-disposition', attachment(`${filename}.xlsx`))
        return trackerWorkbook(tracker.body.name, tracker.recommendations)
      }
      const filter = filterQuery(query)
      const base = `/bodies/${tracker.body.slug}/recommendations`
      const first = ((tracker.page ?? 1) - 1) * tracker.pageSize + 1
      return reply.page(`${views}/tracker.njk`, {
        tracker,
        rows: await trackerRows(tracker.recommendations),
        query,
        filtered,
        summary: trackerSummary(tracker),
        showing: trackerShowing(tracker),
        exportPrefix: filter ? `?${filter}&` : '?',
        pagination: paginationParams({
          page: tracker.page ?? 1,
          total: tracker.matched,
          pageSize: tracker.pageSize,
          href: (n) => `${base}?${filter ? `${filter}&` : ''}page=${n}`,
        }),
        shown: { first, last: first + tracker.recommendations.length - 1 },
        sortItems: selectItems(
          'Number',
          TRACKER_SORTS.filter((value) => value !== 'number').map((value) => ({ value, text: SORT_LABELS[value] })),
          query.sort,
        ),
        statusItems: selectItems(
          'Any status',
          STATUSES.map((value) => ({ value, text: STATUS_LABELS[value] })),
          query.status,
        ),
        ragItems: selectItems(
          'Any RAG rating',
          RAGS.map((value) => ({ value, text: RAG_LABELS[value] })),
          query.rag,
        ),
        officerSelect: query.officer ? null : await officerSelect(tracker.officers),
        officerItems: query.officer ? officerItems(tracker.officers, query.officer) : null,
        canEdit: can(request.user, 'recommendations:edit'),
      })
    })

    const byId = { schema: { params: pathParams('id') } }

    app.get('/recommendations/:id', byId, async (request, reply) => {
      const recommendation = await service.getRecommendation(request.ctx, request.params.id)
      const history = await audit.historyOf(request.ctx, 'recommendation', recommendation.id)
      const values = dateValues('on', recommendation.today)
      return reply.page(`${views}/show.njk`, { recommendation, history, values, errors: {} })
    })

    app.get('/my/recommendations', async (request, reply) => {
      const mine = await service.myRecommendations(request.ctx)
      return reply.page(`${views}/my.njk`, { mine, values: dateValues('on', mine.today) })
    })

    /** "Track as recommendation" from the minutes: the form, filled in from the resolution. */
    app.get('/resolutions/:id/track', byId, async (request, reply) => {
      const { id } = request.params
      const { source, existing } = await service.resolutionToTrack(request.ctx, id)
      if (existing) return reply.redirect(`/recommendations/${existing.id}`, 303)
      const body = await deps.bodies.getBodyById(request.ctx, source.meeting.bodyId)
      return reply.redirect(`/bodies/${body.slug}/recommendations/new?resolution=${encodeURIComponent(id)}`, 303)
    })
  }
}
