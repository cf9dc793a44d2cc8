import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, selectItems } from '#src/platform/forms/values.ts'
import type { AgendaItemRow, MeetingRow } from '../repository.ts'
import { type MeetingsRouteDeps, meetingParams, agendaItemChoices } from '../route-context.ts'
import type { AmendmentRow, MotionRow } from './repository.ts'
import { amendmentSchema, motionSchema } from './schema.ts'

const views = 'modules/meetings/motions/views'
const motionPath = '/meetings/:slug/motions/:n'
/** A place in a meeting's motions or a motion's amendments, 1 to 9999: anything else names none (404). */
const position = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number)
const motionParams = { schema: { params: z.object({ slug: z.string(), n: position }) } }
const amendmentParams = { schema: { params: z.object({ slug: z.string(), n: position, m: position }) } }
const motionFields = ['agendaItemId', 'moverId', 'seconderId', 'text', 'substantiveText', 'outcome']
const amendmentFields = ['moverId', 'seconderId', 'text', 'outcome']

type Attendee = { personId: string; name: string }

function motionValues(motion: MotionRow): FormValues {
  return {
    agendaItemId: motion.agendaItemId ?? '',
    moverId: motion.moverId ?? '',
    seconderId: motion.seconderId ?? '',
    text: motion.text,
    substantiveText: motion.substantiveText,
    outcome: motion.outcome ?? '',
    ...versionValue(motion),
  }
}

function amendmentValues(amendment: AmendmentRow): FormValues {
  return {
    moverId: amendment.moverId ?? '',
    seconderId: amendment.seconderId ?? '',
    text: amendment.text,
    outcome: amendment.outcome ?? '',
    ...versionValue(amendment),
  }
}

/** The mover and seconder selects: the people in the meeting's attendance. */
function peopleChoices(attendees: Attendee[], values: FormValues) {
  const people = attendees.map((attendee) => ({ value: attendee.personId, text: attendee.name }))
  return {
    moverChoices: selectItems('No one recorded', people, values.moverId),
    seconderChoices: selectItems('No one recorded', people, values.seconderId),
  }
}

/** Recording motions moved at a meeting and their amendments (scrutiny officers). */
export function motionRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  function motionForm(
    reply: FastifyReply,
    data: { meeting: MeetingRow; items: AgendaItemRow[]; attendees: Attendee[]; motion?: MotionRow },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const itemChoices = agendaItemChoices(data.items, values)
    const choices = { itemChoices, ...peopleChoices(data.attendees, values) }
    return reply.page(`${views}/motion-form.njk`, { ...data, ...choices, values, ...errors }, formStatus(errors))
  }

  function amendmentForm(
    reply: FastifyReply,
    data: { meeting: MeetingRow; motion: MotionRow; attendees: Attendee[]; amendment?: AmendmentRow },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const choices = peopleChoices(data.attendees, values)
    return reply.page(`${views}/amendment-form.njk`, { ...data, ...choices, values, ...errors }, formStatus(errors))
  }

  const motionAnchor = (meeting: MeetingRow, motion: { position: number }) =>
    `/meetings/${meeting.slug}#motion-${motion.position}`

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/meetings/:slug/motions/new', meetingParams, async (request, reply) => {
      const found = await service.motionToAdd(request.ctx, request.params.slug)
      return motionForm(reply, found, {})
    })

    app.post('/meetings/:slug/motions/new', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.motionToAdd(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: motionSchema,
        order: motionFields,
        confirmation: 'Motion added',
        save: (input) => service.addMotion(request.ctx, found.meeting.id, input),
        render: (values, errors) => motionForm(reply, found, values, errors),
        redirect: (saved) => motionAnchor(found.meeting, saved),
      })
    })

    app.get(`${motionPath}/edit`, motionParams, async (request, reply) => {
      const found = await service.motionToEdit(request.ctx, request.params.slug, request.params.n)
      return motionForm(reply, found, motionValues(found.motion))
    })

    app.post(`${motionPath}/edit`, motionParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.motionToEdit(request.ctx, request.params.slug, request.params.n)
      return submitForm(request, reply, {
        schema: motionSchema,
        order: motionFields,
        confirmation: 'Motion updated',
        save: (input, version) => service.updateMotion(request.ctx, found.motion, version, input),
        render: (values, errors) => motionForm(reply, found, values, errors),
        redirect: (saved) => motionAnchor(found.meeting, saved),
      })
    })

    app.get(`${motionPath}/amendments/new`, motionParams, async (request, reply) => {
      const found = await service.amendmentToAdd(request.ctx, request.params.slug, request.params.n)
      return amendmentForm(reply, found, {})
    })

    app.post(`${motionPath}/amendments/new`, motionParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.amendmentToAdd(request.ctx, request.params.slug, request.params.n)
      return submitForm(request, reply, {
        schema: amendmentSchema,
        order: amendmentFields,
        confirmation: 'Amendment added',
        save: (input) => service.addAmendment(request.ctx, found.motion, input),
        render: (values, errors) => amendmentForm(reply, found, values, errors),
        redirect: () => motionAnchor(found.meeting, found.motion),
      })
    })

    app.get(`${motionPath}/amendments/:m/edit`, amendmentParams, async (request, reply) => {
      const { slug, n, m } = request.params
      const found = await service.amendmentToEdit(request.ctx, slug, n, m)
      return amendmentForm(reply, found, amendmentValues(found.amendment))
    })

    app.post(`${motionPath}/amendments/:m/edit`, amendmentParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { slug, n, m } = request.params
      const found = await service.amendmentToEdit(request.ctx, slug, n, m)
      return submitForm(request, reply, {
        schema: amendmentSchema,
        order: amendmentFields,
        confirmation: 'Amendment updated',
        save: (input, version) => service.updateAmendment(request.ctx, found.motion, found.amendment, version, input),
        render: (values, errors) => amendmentForm(reply, found, values, errors),
        redirect: () => motionAnchor(found.meeting, found.motion),
      })
    })
  }
}
