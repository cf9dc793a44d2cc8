import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context, User } from '#src/platform/auth/user.ts'
import type { Trx } from '#src/database.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { mayReadAgenda } from '../agenda/visibility.ts'
import type { MeetingRow } from '../repository.ts'
import type { MeetingsDeps } from '../service.ts'
import { type QuestionRow, createQuestionsRepository } from './repository.ts'
import type { QuestionInput } from './schema.ts'

/** Who the public reads as the asker when the asker did not consent to be named. */
export const UNNAMED_ASKER = 'A member of the public'

/** A question as this viewer may see it: the asker named to those who record questions, to others only with consent. */
export function questionView(user: User | null, question: QuestionRow) {
  const staff = can(user, 'meetings:edit')
  const named = question.askerNamed && question.askerName !== ''
  return {
    ...question,
    asker: named || (staff && question.askerName !== '') ? question.askerName : UNNAMED_ASKER,
  }
}

export type QuestionView = ReturnType<typeof questionView>

/** The public's questions at meetings: staff record them and their answers; all read them with the agenda. */
export function createQuestionsService(deps: MeetingsDeps) {
  const { db, repository: repo } = deps
  const questions = createQuestionsRepository(db)

  async function meetingToEdit(ctx: Context, slug: string) {
    assertCan(ctx.user, 'meetings:edit')
    const meeting = await repo.findMeetingBySlug(slug)
    if (!meeting) throw new NotFoundError('Meeting')
    return meeting
  }

  /** The item must be on this meeting's agenda: an id from elsewhere is refused next to the field. */
  async function itemOfMeeting(trx: Trx, meetingId: string, itemId: string | null) {
    if (itemId === null) return
    const item = await repo.findItemById(itemId, trx)
    if (item?.meetingId !== meetingId) throw new RuleError('Choose an item on this agenda', 'agendaItemId')
  }

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

    /** Adds a question after the meeting's last. */
    async addQuestion(ctx: Context, meetingId: string, input: QuestionInput) {
      assertCan(ctx.user, 'meetings:edit')
      return withTransaction(db, async (trx) => {
        await repo.lockAgenda(trx, meetingId)
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
