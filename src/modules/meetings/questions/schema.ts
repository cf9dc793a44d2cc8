import { z } from 'zod'
import { checkbox, isoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import type { AnsweredAt } from '../tables.ts'

export const ANSWERED_AT = ['meeting', 'written'] as const satisfies AnsweredAt[]

export const SUPPLEMENTARY_ANSWER_NEEDS_QUESTION = 'Enter the supplementary question, or remove its answer'
export const NOT_REACHED_ANSWERED_AT_MEETING =
  'A question the meeting did not reach cannot have been answered at the meeting: choose "In writing"'

/** The form that adds or changes a public question. Blank fields arrive as ''. */
export const questionSchema = z
  .object({
    askerName: optionalText(200),
    askerNamed: checkbox,
    toWhom: optionalText(200),
    receivedOn: isoDate('Enter the date the question was received, for example 12 1 2024'),
    agendaItemId: optionalText(100).transform((id) => id || null),
    question: requiredText('Enter the question', 5_000),
    answer: optionalText(20_000),
    answeredAt: z
      .union([z.literal(''), z.enum(ANSWERED_AT)], { error: 'Choose how the question was answered' })
      .optional()
      .transform((value) => value || null),
    supplementary: optionalText(5_000),
    supplementaryAnswer: optionalText(20_000),
    notReached: checkbox,
  })
  .superRefine((form, ctx) => {
    if (form.supplementaryAnswer !== '' && form.supplementary === '')
      ctx.addIssue({ code: 'custom', path: ['supplementary'], message: SUPPLEMENTARY_ANSWER_NEEDS_QUESTION })
    if (form.notReached && form.answeredAt === 'meeting')
      ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: NOT_REACHED_ANSWERED_AT_MEETING })
  })

export type QuestionInput = z.output<typeof questionSchema>
