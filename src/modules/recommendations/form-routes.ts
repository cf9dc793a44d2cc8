import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, attempt, formStatus, parseForm } from '#src/platform/forms/errors.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { EXEMPT_SOURCE } from './changes.ts'
import {
  type FormValues,
  dateValues,
  detailsValues,
  responseValues,
  selectItems,
  statusValues,
  views,
} from './form-values.ts'
import type { ResolutionSource } from './resolution-source.ts'
import type { RecommendationsRouteDeps } from './routes.ts'
import {
  FIELD_IDS,
  RECOMMENDATION_FIELDS,
  RESPONSE_FIELDS,
  STATUS_FIELDS,
  inFormOrder,
  ragOverrideSchema,
  recommendationSchema,
  responseSchema,
  statusSchema,
  updateSchema,
  withDates,
} from './schema.ts'
import type { RecommendationDetail } from './service.ts'

type Body = { id: string; slug: string; name: string }
interface DetailsData extends Partial<FieldErrors> {
  values: FormValues
  recommendation?: RecommendationDetail
  sourceText?: string
  warning?: string
}

const idParam = (request: FastifyRequest) => (request.params as { id: string }).id
const edit = (request: FastifyRequest) => assertCan(request.user, 'recommendations:edit')

function describeResolution(source: ResolutionSource) {
  return `From the minutes of ${longDate(source.meeting.date)}, item ${source.item.number}: ${source.item.title}, resolution ${source.number}.`
}

function describeSource(recommendation: RecommendationDetail) {
  const { source } = recommendation
  if (!recommendation.resolutionId || !source) return undefined
  const item = source.item ? `, item ${source.item.number}: ${source.item.title}` : ''
  return `From the minutes of ${longDate(source.meeting.date)}${item}. The meeting it came from cannot be changed.`
}

/** The forms: add (by hand or from a resolution), change, status, RAG override, Executive response, updates. */
export function recommendationFormRoutes(deps: RecommendationsRouteDeps) {
  const { service, bodies } = deps

  async function detailsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    body: Body,
    data: DetailsData,
    status = 200,
  ) {
    const choices = await service.formChoices(request.ctx, body.id)
    const selected = data.values.responsiblePersonId
    const people = choices.people.filter((p) => p.kind === 'officer' || p.kind === 'partner' || p.id === selected)
    const personItems = selectItems(
      'To be confirmed',
      people.map((p) => ({ value: p.id, text: p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name })),
      selected,
    )
    const meetingItems = selectItems(
      'Not recorded',
      choices.meetings.map((m) => ({ value: m.id, text: longDate(m.date) })),
      data.values.meetingId,
    )
    return reply.page(`${views}/form.njk`, { body, personItems, meetingItems, errors: {}, ...data }, status)
  }

  /** The prefilled form for a resolution, or (for an exempt item's) a blank one that says why. */
  async function fromResolution(request: FastifyRequest, reply: FastifyReply, body: Body, resolutionId: string) {
    const { source, existing } = await service.resolutionToTrack(request.ctx, resolutionId, body.id)
    if (existing) return reply.redirect(`/recommendations/${existing.id}`, 303)
    const number = await service.suggestedNumber(request.ctx, body.id)
    const made = { number, ...dateValues('madeOn', source.meeting.date), meetingId: source.meeting.id }
    if (source.exempt) return detailsPage(request, reply, body, { values: made, warning: EXEMPT_SOURCE })
    const values = { ...made, text: source.text, resolutionId: source.id }
    return detailsPage(request, reply, body, { values, sourceText: describeResolution(source) })
  }

  async function sourceTextOf(request: FastifyRequest, resolutionId: unknown, bodyId: string) {
    if (typeof resolutionId !== 'string' || !resolutionId) return undefined
    const found = await service.resolutionToTrack(request.ctx, resolutionId, bodyId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null
      throw error
    })
    return found?.source ? describeResolution(found.source) : undefined
  }

  return async function (app: FastifyInstance) {
    app.get('/bodies/:slug/recommendations/new', async (request, reply) => {
      edit(request)
      const body = await bodies.getBody(request.ctx, (request.params as { slug: string }).slug)
      const { resolution } = request.query as { resolution?: unknown }
      if (typeof resolution === 'string' && resolution) return fromResolution(request, reply, body, resolution)
      const number = await service.suggestedNumber(request.ctx, body.id)
      return detailsPage(request, reply, body, { values: { number } })
    })

    app.post('/bodies/:slug/recommendations', async (request, reply) => {
      edit(request)
      const body = await bodies.getBody(request.ctx, (request.params as { slug: string }).slug)
      const values = withDates(request.body)
      const parsed = parseForm(recommendationSchema, values, FIELD_IDS)
      const result = parsed.ok
        ? await attempt(() => service.createRecommendation(request.ctx, body.id, parsed.value))
        : parsed
      if (!result.ok) {
        const sourceText = await sourceTextOf(request, values.resolutionId, body.id)
        const errors = inFormOrder(result, RECOMMENDATION_FIELDS)
        return detailsPage(request, reply, body, { values, sourceText, ...errors }, 400)
      }
      return reply.redirect(`/recommendations/${result.value.id}`, 303)
    })

    app.post('/recommendations/from-resolution/:id', async (request, reply) => {
      edit(request)
      const result = await attempt(() => service.trackResolution(request.ctx, idParam(request)))
      // The one refusal (an exempt item's words) is explained on the form it sends the officer to.
      if (!result.ok) return reply.redirect(`/resolutions/${encodeURIComponent(idParam(request))}/track`, 303)
      return reply.redirect(`/recommendations/${result.value.recommendation.id}`, 303)
    })

    app.get('/recommendations/:id/edit', async (request, reply) => {
      edit(request)
      const recommendation = await service.getRecommendation(request.ctx, idParam(request))
      const values = { ...detailsValues(recommendation), ...versionValue(recommendation) }
      const data = { recommendation, values, sourceText: describeSource(recommendation) }
      return detailsPage(request, reply, recommendation.body, data)
    })

    app.post('/recommendations/:id/edit', async (request, reply) => {
      edit(request)
      const recommendation = await service.getRecommendation(request.ctx, idParam(request))
      const values = withDates(request.body)
      const parsed = parseForm(recommendationSchema, values, FIELD_IDS)
      const result = parsed.ok
        ? await attempt(() =>
            service.changeRecommendation(request.ctx, recommendation.id, submittedVersion(request.body), parsed.value),
          )
        : parsed
      if (!result.ok) {
        const data = { recommendation, values, sourceText: describeSource(recommendation) }
        return detailsPage(
          request,
          reply,
          recommendation.body,
          { ...data, ...inFormOrder(result, RECOMMENDATION_FIELDS) },
          formStatus(result),
        )
      }
      return reply.redirect(`/recommendations/${recommendation.id}`, 303)
    })

    /**
     * A simple form page: GET shows it filled from the record, POST validates, saves and goes back
     * to the recommendation.
     */
    function simpleForm<T>(options: {
      path: string
      template: string
      schema: Parameters<typeof parseForm>[0]
      fields: string[]
      initial: (recommendation: RecommendationDetail) => FormValues
      save: (request: FastifyRequest, id: string, version: number | null, input: T) => Promise<unknown>
    }) {
      app.get(`/recommendations/:id/${options.path}`, async (request, reply) => {
        edit(request)
        const recommendation = await service.getRecommendation(request.ctx, idParam(request))
        return reply.page(`${views}/${options.template}`, {
          recommendation,
          values: { ...options.initial(recommendation), ...versionValue(recommendation) },
          errors: {},
        })
      })
      app.post(`/recommendations/:id/${options.path}`, async (request, reply) => {
        edit(request)
        const recommendation = await service.getRecommendation(request.ctx, idParam(request))
        const values = withDates(request.body)
        const parsed = parseForm(options.schema, values, FIELD_IDS)
        const result = parsed.ok
          ? await attempt(() =>
              options.save(request, recommendation.id, submittedVersion(request.body), parsed.value as T),
            )
          : parsed
        if (!result.ok) {
          const errors = inFormOrder(result, options.fields)
          return reply.page(`${views}/${options.template}`, { recommendation, values, ...errors }, formStatus(result))
        }
        return reply.redirect(`/recommendations/${recommendation.id}`, 303)
      })
    }

    simpleForm({
      path: 'status',
      template: 'status-form.njk',
      schema: statusSchema,
      fields: STATUS_FIELDS,
      initial: (recommendation) => statusValues(recommendation, recommendation.today),
      save: (request, id, version, input: Parameters<typeof service.setStatus>[3]) =>
        service.setStatus(request.ctx, id, version, input),
    })

    simpleForm({
      path: 'rag',
      template: 'rag-form.njk',
      schema: ragOverrideSchema,
      fields: ['rag', 'reason'],
      initial: (recommendation) => ({
        rag: recommendation.ragOverride ?? '',
        reason: recommendation.ragOverrideReason,
      }),
      save: (request, id, version, input: Parameters<typeof service.overrideRag>[3]) =>
        service.overrideRag(request.ctx, id, version, input),
    })

    simpleForm({
      path: 'response',
      template: 'response-form.njk',
      schema: responseSchema,
      fields: RESPONSE_FIELDS,
      initial: responseValues,
      save: (request, id, version, input: Parameters<typeof service.recordResponse>[3]) =>
        service.recordResponse(request.ctx, id, version, input),
    })

    app.get('/recommendations/:id/updates/new', async (request, reply) => {
      const recommendation = await service.getForUpdate(request.ctx, idParam(request))
      const returnTo = (request.query as { from?: string }).from === 'my' ? 'my' : ''
      const values = { ...dateValues('on', recommendation.today), returnTo }
      return reply.page(`${views}/update-form.njk`, { recommendation, values, errors: {} })
    })

    app.post('/recommendations/:id/updates', async (request, reply) => {
      const values = withDates(request.body)
      const parsed = parseForm(updateSchema, values, FIELD_IDS)
      // Both postUpdate and getForUpdate refuse (403) an officer who is not responsible before
      // anything is said about what they sent; the form is read only when it goes back with errors.
      const result = parsed.ok
        ? await attempt(() => service.postUpdate(request.ctx, idParam(request), parsed.value))
        : parsed
      if (!result.ok) {
        const recommendation = await service.getForUpdate(request.ctx, idParam(request))
        const errors = inFormOrder(result, ['on', 'text'])
        return reply.page(`${views}/update-form.njk`, { recommendation, values, ...errors }, 400)
      }
      const id = result.value.recommendationId
      return reply.redirect(values.returnTo === 'my' ? '/my/recommendations' : `/recommendations/${id}#updates`, 303)
    })
  }
}
