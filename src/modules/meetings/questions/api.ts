import { z } from 'zod'
import { apiDate, apiId } from '#src/platform/http/api-schemas.ts'
import { openDataName } from '../member-of-the-public.ts'
import { ANSWERED_AT } from './schema.ts'
import type { QuestionRow } from './repository.ts'

/** A public question in the open data of its meeting; '' in the record is null here. */
export const questionApiSchema = z.strictObject({
  position: z.int().min(1).describe('The order it was asked in, from 1'),
  agendaItemId: apiId.nullable().describe('The agenda item it belongs to; null when it belongs to the meeting'),
  askerName: z.string().nullable().describe('Who asked it; null unless they agreed to be named'),
  toWhom: z.string().nullable(),
  receivedOn: apiDate,
  question: z.string(),
  answer: z.string().nullable().describe('Null until answered'),
  answeredAt: z.enum(ANSWERED_AT).nullable().describe('Whether it was answered at the meeting or in writing'),
  notReached: z.boolean().describe('The meeting did not reach it: a written answer follows'),
  supplementary: z.string().nullable(),
  supplementaryAnswer: z.string().nullable(),
})

/** The question as open data: the asker is named only with their consent, whoever asks. */
export function questionApi(question: QuestionRow): z.output<typeof questionApiSchema> {
  return {
    position: question.position,
    agendaItemId: question.agendaItemId,
    askerName: openDataName({ name: question.askerName, named: question.askerNamed }),
    toWhom: question.toWhom || null,
    receivedOn: question.receivedOn,
    question: question.question,
    answer: question.answer || null,
    answeredAt: question.answeredAt,
    notReached: question.notReached,
    supplementary: question.supplementary || null,
    supplementaryAnswer: question.supplementaryAnswer || null,
  }
}
