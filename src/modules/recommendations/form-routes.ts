import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, dateValues, postedValues, selectItems } from '#src/platform/forms/values.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { EXEMPT_SOURCE } from './changes.ts'
import { detailsValues, responseValues, statusValues, views } from './form-values.ts'
import type { ResolutionSource } from './resolution-source.ts'
import type { RecommendationsRouteDeps } from './routes.ts'
import {
  RECOMMENDATION_FIELDS,
  RESPONSE_FIELDS,
  STATUS_FIELDS,
  newRecommendationQuerySchema,
  ragOverrideSchema,
  recommendationSchema,
  responseSchema,
  statusSchema,
  updateQuerySchema,
  updateSchema,
} from './schema.ts'
import type { RecommendationDetail } from './service.ts'

type Body = { id: string; slug: string; name: string }
interface DetailsData {
  values: FormValues
  recommendation?: RecommendationDetail
  sourceText?: string
  warning?: string
}

const edit = (request: FastifyRequest) => assertCan(request.user, 'recommendations:edit')
const bySlug = { schema: { params: pathParams('slug') } }
const byId = { schema: { params: pathParams('id') } }

/** 'item 4: Fostering', or the title alone for an unnumbered item. */
const itemNamed = (item: { number: string | null; title: string }) =>
  item.number ? `item ${item.number}: ${item.title}` : item.title

function describeResolution(source: ResolutionSource) {
  return `From the minutes of ${longDate(source.meeting.date)}, ${itemNamed(source.item)}, resolution ${source.number}.`
}

function describeSource(recommendation: RecommendationDetail) {
  const { source } = recommendation
  if (!recommendation.resolutionId || !source) return undefined
  const item = source.item ? `, ${itemNamed(source.item)}` : ''
  return `From the minutes of ${longDate(source.meeting.date)}${item}. The meeting it came from cannot be changed.`
}

/** The forms: add (by hand or from a resolution), change, status, RAG override, Executive response, updates. */
export function recommendationFormRoutes(deps: RecommendationsRouteDeps) {
  const { service, bodies } = deps

  async function detailsPage(
    ctx: Context,
    reply: FastifyReply,
    body: Body,
    data: DetailsData,
    errors: FieldErrors = noErrors,
  ) {
    const choices = await service.formChoices(ctx, body.id)
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
    const page = { body, personItems, meetingItems, ...data, ...errors }
    return reply.page(`${views}/form.njk`, page, formStatus(errors))
  }

  /** The prefilled form for a resolution, or (for an exempt item's) a blank one that says why. */
  async function fromResolution(ctx: Context, reply: FastifyReply, body: Body, resolutionId: string) {
    const { source, existing } = await service.resolutionToTrack(ctx, resolutionId, body.id)
    if (existing) return reply.redirect(`/recommendations/${existing.id}`, 303)
    const number = await service.suggestedNumber(ctx, body.id)
    const made = { number, ...dateValues('madeOn', source.meeting.date), meetingId: source.meeting.id }
    if (source.exempt) return detailsPage(ctx, reply, body, { values: made, warning: EXEMPT_SOURCE })
    const values = { ...made, text: source.text, resolutionId: source.id }
    return detailsPage(ctx, reply, body, { values, sourceText: describeResolution(source) })
  }

  async function sourceTextOf(ctx: Context, resolutionId: unknown, bodyId: string) {
    if (typeof resolutionId !== 'string' || !resolutionId) return undefined
    const found = await service.resolutionToTrack(ctx, resolutionId, bodyId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null
      throw error
    })
    return found?.source ? describeResolution(found.source) : undefined
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    const newSchema = { params: pathParams('slug'), querystring: newRecommendationQuerySchema }
    app.get('/bodies/:slug/recommendations/new', { schema: newSchema }, async (request, reply) => {
      edit(request)
      const body = await bodies.getBody(request.ctx, request.params.slug)
      const { resolution } = request.query
      if (resolution) return fromResolution(request.ctx, reply, body, resolution)
      const number = await service.suggestedNumber(request.ctx, body.id)
      return detailsPage(request.ctx, reply, body, { values: { number, sourceKind: 'resolution' } })
    })

    app.post('/bodies/:slug/recommendations', bySlug, async (request, reply) => {
      edit(request)
      const body = await bodies.getBody(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: recommendationSchema,
        dates: ['madeOn', 'reviewReportedOn', 'targetDate', 'referredOn'],
        order: RECOMMENDATION_FIELDS,
        confirmation: 'Recommendation added',
        save: (input) => service.createRecommendation(request.ctx, body.id, input),
        render: async (values, errors) => {
          const sourceText = await sourceTextOf(request.ctx, values.resolutionId, body.id)
          return detailsPage(request.ctx, reply, body, { values, sourceText }, errors)
        },
        redirect: (recommendation) => `/recommendations/${recommendation.id}`,
      })
    })

    app.post('/recommendations/from-resolution/:id', byId, async (request, reply) => {
      edit(request)
      const { id } = request.params
      return submitForm(request, reply, {
        confirmation: 'Resolution added to the tracker',
        save: () => service.trackResolution(request.ctx, id),
        // The one refusal (an exempt item's words) is explained on the form it sends the officer to.
        render: () => reply.redirect(`/resolutions/${encodeURIComponent(id)}/track`, 303),
        redirect: (tracked) => `/recommendations/${tracked.recommendation.id}`,
      })
    })

    app.get('/recommendations/:id/edit', byId, async (request, reply) => {
      edit(request)
      const recommendation = await service.getRecommendation(request.ctx, request.params.id)
      const values = { ...detailsValues(recommendation), ...versionValue(recommendation) }
      const data = { recommendation, values, sourceText: describeSource(recommendation) }
      return detailsPage(request.ctx, reply, recommendation.body, data)
    })

    app.post('/recommendations/:id/edit', byId, async (request, reply) => {
      edit(request)
      const recommendation = await service.getRecommendation(request.ctx, request.params.id)
      const sourceText = describeSource(recommendation)
      return submitForm(request, reply, {
        schema: recommendationSchema,
        dates: ['madeOn', 'reviewReportedOn', 'targetDate', 'referredOn'],
        order: RECOMMENDATION_FIELDS,
        confirmation: 'Recommendation updated',
        save: (input, version) => service.changeRecommendation(request.ctx, recommendation.id, version, input),
        render: (values, errors) =>
          detailsPage(request.ctx, reply, recommendation.body, { recommendation, values, sourceText }, errors),
        redirect: () => `/recommendations/${recommendation.id}`,
      })
    })

    /** A form page of its own: GET shows it filled from the record, POST saves it and goes back to the record. */
    function recordForm<S extends z.ZodType>(form: {
      path: string
      template: string
      schema: S
      dates?: string[]
      order: string[]
      initial: (recommendation: RecommendationDetail) => FormValues
      save: (ctx: Context, id: string, version: number | null, input: z.output<S>) => Promise<unknown>
      /** What the record's page then says, in a success banner. */
      confirmation: string
    }) {
      const page = (
        reply: FastifyReply,
        recommendation: RecommendationDetail,
        values: FormValues,
        errors: FieldErrors = noErrors,
      ) => reply.page(`${views}/${form.template}`, { recommendation, values, ...errors }, formStatus(errors))

      app.get(`/recommendations/:id/${form.path}`, byId, async (request, reply) => {
        edit(request)
        const recommendation = await service.getRecommendation(request.ctx, request.params.id)
        return page(reply, recommendation, { ...form.initial(recommendation), ...versionValue(recommendation) })
      })
      app.post(`/recommendations/:id/${form.path}`, byId, async (request, reply) => {
        edit(request)
        const recommendation = await service.getRecommendation(request.ctx, request.params.id)
        return submitForm(request, reply, {
          schema: form.schema,
          dates: form.dates,
          order: form.order,
          confirmation: form.confirmation,
          save: (input, version) => form.save(request.ctx, recommendation.id, version, input),
          render: (values, errors) => page(reply, recommendation, values, errors),
          redirect: () => `/recommendations/${recommendation.id}`,
        })
      })
    }

    recordForm({
      path: 'status',
      template: 'status-form.njk',
      schema: statusSchema,
      dates: ['completedOn', 'withdrawnOn'],
      order: STATUS_FIELDS,
      initial: (recommendation) => statusValues(recommendation, recommendation.today),
      save: (ctx, id, version, input) => service.setStatus(ctx, id, version, input),
      confirmation: 'Status updated',
    })

    recordForm({
      path: 'rag',
      template: 'rag-form.njk',
      schema: ragOverrideSchema,
      order: ['rag', 'reason'],
      initial: (recommendation) => ({
        rag: recommendation.ragOverride ?? '',
        reason: recommendation.ragOverrideReason,
      }),
      save: (ctx, id, version, input) => service.overrideRag(ctx, id, version, input),
      confirmation: 'RAG rating updated',
    })

    recordForm({
      path: 'response',
      template: 'response-form.njk',
      schema: responseSchema,
      dates: ['receivedOn'],
      order: RESPONSE_FIELDS,
      initial: responseValues,
      save: (ctx, id, version, input) => service.recordResponse(ctx, id, version, input),
      confirmation: 'Response recorded',
    })

    const updateFormSchema = { params: pathParams('id'), querystring: updateQuerySchema }
    app.get('/recommendations/:id/updates/new', { schema: updateFormSchema }, async (request, reply) => {
      const recommendation = await service.getForUpdate(request.ctx, request.params.id)
      const returnTo = request.query.from === 'my' ? 'my' : ''
      const values = { ...dateValues('on', recommendation.today), returnTo }
      return reply.page(`${views}/update-form.njk`, { recommendation, values, errors: {} })
    })

    app.post('/recommendations/:id/updates', byId, async (request, reply) => {
      const { id } = request.params
      const fromMine = postedValues(request.body).returnTo === 'my'
      // postUpdate, like getForUpdate, refuses (403) an officer who is not responsible before it
      // looks at what they sent; the recommendation is read for the form only when it goes back.
      return submitForm(request, reply, {
        schema: updateSchema,
        dates: ['on'],
        order: ['on', 'text'],
        confirmation: 'Update posted',
        save: (input) => service.postUpdate(request.ctx, id, input),
        render: async (values, errors) => {
          const recommendation = await service.getForUpdate(request.ctx, id)
          return reply.page(`${views}/update-form.njk`, { recommendation, values, ...errors }, formStatus(errors))
        },
        redirect: () => (fromMine ? '/my/recommendations' : `/recommendations/${id}#updates`),
      })
    })
  }
}
