import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import type { AgendaItemRow, MeetingRow } from '../repository.ts'
import { type MeetingsRouteDeps, meetingParams, meetingRecordParams, agendaItemChoices } from '../route-context.ts'
import type { SpeakerRow } from './repository.ts'
import { speakerSchema } from './schema.ts'

const views = 'modules/meetings/speakers/views'
const speakerPath = '/meetings/:slug/speakers/:n'
const fieldOrder = [
  'form',
  'kind',
  'speakerName',
  'speakerNamed',
  'onBehalfOf',
  'agendaItemId',
  'stance',
  'minutesSpoken',
  'summary',
]

/** What the form shows of a saved speaker. */
function speakerValues(speaker: SpeakerRow): FormValues {
  return {
    kind: speaker.kind,
    speakerName: speaker.speakerName,
    speakerNamed: speaker.speakerNamed ? 'yes' : '',
    onBehalfOf: speaker.onBehalfOf,
    agendaItemId: speaker.agendaItemId ?? '',
    stance: speaker.stance ?? '',
    minutesSpoken: speaker.minutesSpoken === null ? '' : String(speaker.minutesSpoken),
    summary: speaker.summary,
    ...versionValue(speaker),
  }
}

/** Recording deputations and members of the public who spoke at a meeting (scrutiny officers). */
export function speakerRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  function speakerForm(
    reply: FastifyReply,
    data: { meeting: MeetingRow; items: AgendaItemRow[]; speaker?: SpeakerRow },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const itemChoices = agendaItemChoices(data.items, values)
    return reply.page(`${views}/speaker-form.njk`, { ...data, itemChoices, values, ...errors }, formStatus(errors))
  }

  const meetingPath = (meeting: MeetingRow, speaker: SpeakerRow) =>
    `/meetings/${meeting.slug}#speaker-${speaker.position}`

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/meetings/:slug/speakers/new', meetingParams, async (request, reply) => {
      const found = await service.speakerToAdd(request.ctx, request.params.slug)
      return speakerForm(reply, found, {})
    })

    app.post('/meetings/:slug/speakers/new', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.speakerToAdd(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: speakerSchema,
        order: fieldOrder,
        confirmation: 'Speaker added',
        save: (input) => service.addSpeaker(request.ctx, found.meeting.id, input),
        render: (values, errors) => speakerForm(reply, found, values, errors),
        redirect: (saved) => meetingPath(found.meeting, saved),
      })
    })

    app.get(`${speakerPath}/edit`, meetingRecordParams, async (request, reply) => {
      const found = await service.speakerToEdit(request.ctx, request.params.slug, request.params.n)
      return speakerForm(reply, found, speakerValues(found.speaker))
    })

    app.post(`${speakerPath}/edit`, meetingRecordParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.speakerToEdit(request.ctx, request.params.slug, request.params.n)
      return submitForm(request, reply, {
        schema: speakerSchema,
        order: fieldOrder,
        confirmation: 'Speaker updated',
        save: (input, version) => service.updateSpeaker(request.ctx, found.speaker, version, input),
        render: (values, errors) => speakerForm(reply, found, values, errors),
        redirect: (saved) => meetingPath(found.meeting, saved),
      })
    })
  }
}
