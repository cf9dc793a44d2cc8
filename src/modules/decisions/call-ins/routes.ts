import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, dateValues, selectItems } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { longDate } from '#src/platform/views/filters.ts'
import type { DecisionRow } from '../repository.ts'
import type { CallInRow } from './repository.ts'
import { CALL_IN_OUTCOMES, CALL_IN_OUTCOME_LABELS, FIELD_IDS, RECOMMENDATION_SLOTS, callInSchema } from './schema.ts'
import type { CallInsService } from './service.ts'

const views = 'modules/decisions/call-ins/views'

const outcomeItems = CALL_IN_OUTCOMES.map((value) => ({ value, text: CALL_IN_OUTCOME_LABELS[value] }))

function callInValues(callIn: CallInRow): FormValues {
  const slots = callIn.outcomes.flatMap((o, i): [string, string][] => [
    [`recommendation-${i + 1}`, o.recommendation],
    [`outcome-${i + 1}`, o.outcome],
  ])
  return {
    requestedBy: callIn.requestedBy,
    ...dateValues('requestedOn', callIn.requestedOn),
    grounds: callIn.grounds,
    meetingId: callIn.meetingId ?? '',
    ...Object.fromEntries(slots),
    response: callIn.response,
    ...versionValue(callIn),
  }
}

const bySlug = { schema: { params: pathParams('slug') } }
/** A call-in's number in an address, 1 to 999: anything else names no call-in (404). */
const byCallIn = {
  schema: {
    params: z.object({
      slug: z.string(),
      number: z
        .string()
        .regex(/^[1-9]\d{0,2}$/)
        .transform(Number),
    }),
  },
}
const callInPost = { schema: callInSchema, dates: ['requestedOn'], ids: FIELD_IDS }

/** The form to record a call-in of a decision, and to record later what became of it. */
export function callInsRoutes(deps: { service: CallInsService }) {
  const { service } = deps

  async function callInForm(
    ctx: Context,
    reply: FastifyReply,
    decision: DecisionRow,
    callIn: CallInRow | null,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const meetings = await service.meetingChoices(ctx)
    const meetingItems = selectItems(
      'Not yet considered',
      meetings.map((m) => ({ value: m.id, text: `${m.bodyName}, ${longDate(m.date)}` })),
      values.meetingId,
    )
    const data = { decision, callIn, values, meetingItems, outcomeItems, slots: RECOMMENDATION_SLOTS, ...errors }
    return reply.page(`${views}/call-in-form.njk`, data, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/decisions/:slug/call-ins/new', bySlug, async (request, reply) => {
      const decision = await service.decisionToCallIn(request.ctx, request.params.slug)
      return callInForm(request.ctx, reply, decision, null, {})
    })

    app.post('/decisions/:slug/call-ins', bySlug, async (request, reply) => {
      const decision = await service.decisionToCallIn(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        ...callInPost,
        confirmation: 'Call-in recorded',
        save: (input) => service.recordCallIn(request.ctx, decision, input),
        render: (values, errors) => callInForm(request.ctx, reply, decision, null, values, errors),
        redirect: (callIn) => `/decisions/${decision.slug}#call-in-${callIn.number}`,
      })
    })

    app.get('/decisions/:slug/call-ins/:number/edit', byCallIn, async (request, reply) => {
      const { decision, callIn } = await service.callInToEdit(request.ctx, request.params.slug, request.params.number)
      return callInForm(request.ctx, reply, decision, callIn, callInValues(callIn))
    })

    app.post('/decisions/:slug/call-ins/:number/edit', byCallIn, async (request, reply) => {
      const { decision, callIn } = await service.callInToEdit(request.ctx, request.params.slug, request.params.number)
      return submitForm(request, reply, {
        ...callInPost,
        confirmation: 'Call-in updated',
        save: (input, version) => service.updateCallIn(request.ctx, decision, callIn, version, input),
        render: (values, errors) => callInForm(request.ctx, reply, decision, callIn, values, errors),
        redirect: () => `/decisions/${decision.slug}#call-in-${callIn.number}`,
      })
    })
  }
}
