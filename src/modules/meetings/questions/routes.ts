import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, dateValues } from '#src/platform/forms/values.ts'
import type { AgendaItemRow, MeetingRow } from '../repository.ts'
import { type MeetingsRouteDeps, meetingParams, meetingRecordParams, agendaItemChoices } from '../route-context.ts'
import type { QuestionRow } from './repository.ts'
import { questionSchema } from './schema.ts'

const views = 'modules/meetings/questions/views'
const questionPath = '/meetings/:slug/questions/:n'
const fieldOrder = [
  'askerName',
  'askerNamed',
  'toWhom',
  'receivedOn',
  'agendaItemId',
  'question',
  'answer',
  'answeredAt',
  'notReached',
  'supplementary',
  'supplementaryAnswer',
]

/** What the form shows of a saved question. */
function questionValues(question: QuestionRow): FormValues {
  return {
    askerName: question.askerName,
    askerNamed: question.askerNamed ? 'yes' : '',
    toWhom: question.toWhom,
    ...dateValues('receivedOn', question.receivedOn),
    agendaItemId: question.agendaItemId ?? '',
    question: question.question,
    answer: question.answer,
    answeredAt: question.answeredAt ?? '',
    supplementary: question.supplementary,
    supplementaryAnswer: question.supplementaryAnswer,
    notReached: question.notReached ? 'yes' : '',
    ...versionValue(question),
  }
}

/** Recording the public's questions at a meeting and their answers (scrutiny officers). */
export function questionRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  function questionForm(
    reply: FastifyReply,
    data: { meeting: MeetingRow; items: AgendaItemRow[]; question?: QuestionRow },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const itemChoices = agendaItemChoices(data.items, values)
    return reply.page(`${views}/question-form.njk`, { ...data, itemChoices, values, ...errors }, formStatus(errors))
  }

  const meetingPath = (meeting: MeetingRow, question: QuestionRow) =>
    `/meetings/${meeting.slug}#question-${question.position}`

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/meetings/:slug/questions/new', meetingParams, async (request, reply) => {
      const found = await service.questionToAdd(request.ctx, request.params.slug)
      return questionForm(reply, found, {})
    })

    app.post('/meetings/:slug/questions/new', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.questionToAdd(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: questionSchema,
        dates: ['receivedOn'],
        order: fieldOrder,
        confirmation: 'Question added',
        save: (input) => service.addQuestion(request.ctx, found.meeting.id, input),
        render: (values, errors) => questionForm(reply, found, values, errors),
        redirect: (saved) => meetingPath(found.meeting, saved),
      })
    })

    app.get(`${questionPath}/edit`, meetingRecordParams, async (request, reply) => {
      const found = await service.questionToEdit(request.ctx, request.params.slug, request.params.n)
      return questionForm(reply, found, questionValues(found.question))
    })

    app.post(`${questionPath}/edit`, meetingRecordParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.questionToEdit(request.ctx, request.params.slug, request.params.n)
      return submitForm(request, reply, {
        schema: questionSchema,
        dates: ['receivedOn'],
        order: fieldOrder,
        confirmation: 'Question updated',
        save: (input, version) => service.updateQuestion(request.ctx, found.question, version, input),
        render: (values, errors) => questionForm(reply, found, values, errors),
        redirect: (saved) => meetingPath(found.meeting, saved),
      })
    })
  }
}
