import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { QuestionInput } from './schema.ts'

type Reader = Db | Trx

export const questionColumns = [
  'id',
  'meetingId',
  'agendaItemId',
  'position',
  'askerName',
  'askerNamed',
  'toWhom',
  'receivedOn',
  'question',
  'answer',
  'answeredAt',
  'supplementary',
  'supplementaryAnswer',
  'notReached',
  'version',
] as const

/** Queries for the public's questions at meetings. No decisions here. */
export function createQuestionsRepository(db: Db) {
  return {
    /** The meeting's questions, in the order they were asked. */
    questionsOf(meetingId: string, trx: Reader = db) {
      return trx
        .selectFrom('publicQuestions')
        .select(questionColumns)
        .where('meetingId', '=', meetingId)
        .orderBy('position')
        .execute()
    },

    findQuestionAt(meetingId: string, position: number, trx: Reader = db) {
      return trx
        .selectFrom('publicQuestions')
        .select(questionColumns)
        .where('meetingId', '=', meetingId)
        .where('position', '=', position)
        .executeTakeFirst()
    },

    /** Adds the question after the meeting's last; the caller holds the meeting's row so positions do not clash. */
    async insertQuestion(trx: Trx, meetingId: string, input: QuestionInput) {
      const last = await trx
        .selectFrom('publicQuestions')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirst()
      return trx
        .insertInto('publicQuestions')
        .values({ ...input, meetingId, position: Number(last?.position ?? 0) + 1 })
        .returning(questionColumns)
        .executeTakeFirstOrThrow()
    },

    findQuestionById(id: string, trx: Reader = db) {
      return trx.selectFrom('publicQuestions').select(questionColumns).where('id', '=', id).executeTakeFirst()
    },

    /** Changes the question if it is still at `version`; undefined when it is not. */
    updateQuestion(trx: Trx, id: string, version: number, input: QuestionInput) {
      return trx
        .updateTable('publicQuestions')
        .set({ ...input, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(questionColumns)
        .executeTakeFirst()
    },
  }
}

export type QuestionRow = Awaited<ReturnType<ReturnType<typeof createQuestionsRepository>['questionsOf']>>[number]
