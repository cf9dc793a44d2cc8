import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context, User } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { mayReadAgenda } from '../agenda/visibility.ts'
import { createMeetingRecordChecks } from '../meeting-records.ts'
import { nameShown } from '../member-of-the-public.ts'
import type { MeetingRow } from '../repository.ts'
import type { MeetingsDeps } from '../service.ts'
import { createParticipationRule } from '../speakers/participation.ts'
import { type QuestionRow, createQuestionsRepository } from './repository.ts'
import type { QuestionInput } from './schema.ts'

/** A question as this viewer may see it: the asker named to those who record questions, to others only with consent. */
export function questionView(user: User | null, question: QuestionRow) {
  return { ...question, asker: nameShown(user, { name: question.askerName, named: question.askerNamed }) }
}

export type QuestionView = ReturnType<typeof questionView>

/** The public's questions at meetings: staff record them and their answers; all read them with the agenda. */
export function createQuestionsService(deps: MeetingsDeps) {
  const { db, repository: repo } = deps
  const { meetingToEdit, itemOfMeeting } = createMeetingRecordChecks(repo)
  const questions = createQuestionsRepository(db)
  const participation = createParticipationRule(deps)

  return {
    /** The meeting a question is being added to, with its agenda items to choose from. Throws NotFoundError. */
    async questionToAdd(ctx: Context, slug: string) {
      const meeting = await meetingToEdit(ctx, slug)
      return { meeting, items: await repo.itemsOfMeeting(meeting.id) }
    },

    /** The question at `position`, for its form, with its meeting and agenda items. Throws NotFoundError. */
    async questionToEdit(ctx: Context, slug: string, position: number) {
      const meeting = await meetingToEdit(ctx, slug)
      const question = await questions.findQuestionAt(meeting.id, position)
      if (!question) throw new NotFoundError('Question')
      return { meeting, question, items: await repo.itemsOfMeeting(meeting.id) }
    },

    /** Adds a question after the meeting's last; refused while an item records that no one asked to speak. */
    async addQuestion(ctx: Context, meetingId: string, input: QuestionInput) {
      assertCan(ctx.user, 'meetings:edit')
      return withTransaction(db, async (trx) => {
        await repo.lockAgenda(trx, meetingId)
        await participation.assertParticipantMayBeRecorded(trx, meetingId)
        await itemOfMeeting(trx, meetingId, input.agendaItemId)
        const question = await questions.insertQuestion(trx, meetingId, input)
        await recordAudit(trx, ctx, {
          action: 'added public question',
          subjectType: 'meeting',
          subjectId: meetingId,
          after: question,
        })
        return question
      })
    },

    /** Changes a question; refused (EditConflictError) unless still at `version`, the one its form was opened at. */
    async updateQuestion(ctx: Context, question: QuestionRow, version: number | null, input: QuestionInput) {
      assertCan(ctx.user, 'meetings:edit')
      return withTransaction(db, async (trx) => {
        await itemOfMeeting(trx, question.meetingId, input.agendaItemId)
        const saved = await writeAtVersion(
          trx,
          { what: 'This question', subjectType: 'meeting', subjectId: question.meetingId, expected: version },
          (at) => questions.updateQuestion(trx, question.id, at, input),
          () => questions.findQuestionById(question.id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed public question',
          subjectType: 'meeting',
          subjectId: question.meetingId,
          before: question,
          after: saved,
        })
        return saved
      })
    },

    /** The meeting's questions as recorded; the caller decides who may read them and whether the asker is named. */
    async questionsOf(_ctx: Context, meetingId: string) {
      return questions.questionsOf(meetingId)
    },

    /** The meeting's questions as this viewer may see them: none until its agenda is readable to them. */
    async questionsFor(ctx: Context, meeting: MeetingRow | { id: string; agendaPublishedOn: string | null }) {
      if (!mayReadAgenda(ctx.user, meeting)) return []
      return (await questions.questionsOf(meeting.id)).map((question) => questionView(ctx.user, question))
    },
  }
}
