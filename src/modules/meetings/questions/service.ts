import type { User } from '#src/platform/auth/user.ts'
import { nameShown } from '../member-of-the-public.ts'
import { createPublicPart } from '../public-part.ts'
import type { MeetingsDeps } from '../service.ts'
import type { QuestionInput } from './schema.ts'
import { type QuestionRow, createQuestionsRepository } from './repository.ts'

/** A question as this viewer may see it: the asker named to those who record questions, to others only with consent. */
export function questionView(user: User | null, question: QuestionRow) {
  return { ...question, asker: nameShown(user, { name: question.askerName, named: question.askerNamed }) }
}

export type QuestionView = ReturnType<typeof questionView>

/** The public's questions at meetings: staff record them and their answers; all read them with the agenda. */
export function createQuestionsService(deps: MeetingsDeps) {
  const questions = createQuestionsRepository(deps.db)
  const publicParts = deps.reads.publicPartsOf
  const part = createPublicPart(deps, {
    noun: 'question',
    view: questionView,
    store: {
      listOf: async (ctx, meetingId) => (await publicParts(ctx, meetingId)).questions,
      findAt: (meetingId, position) => questions.findQuestionAt(meetingId, position),
      findById: (id, trx) => questions.findQuestionById(id, trx),
      insert: (trx, meetingId, input: QuestionInput) => questions.insertQuestion(trx, meetingId, input),
      update: (trx, id, version, input: QuestionInput) => questions.updateQuestion(trx, id, version, input),
    },
  })

  return {
    questionToAdd: part.toAdd,
    /** The question at `position`, for its form, with its meeting and agenda items. Throws NotFoundError. */
    async questionToEdit(...args: Parameters<typeof part.toEdit>) {
      const { record, ...rest } = await part.toEdit(...args)
      return { ...rest, question: record }
    },
    addQuestion: part.add,
    updateQuestion: part.update,
    questionsOf: part.of,
    questionsFor: part.for,
  }
}
