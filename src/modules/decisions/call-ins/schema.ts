import { z } from 'zod'
import { isoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import type { CallInOutcome } from '../tables.ts'

/** Run the cross-field checks even when other answers are wrong, so every error shows at once. */
const always = { when: () => true }

export const CALL_IN_OUTCOMES = ['released', 'referred back', 'referred to council'] as const satisfies CallInOutcome[]

export const CALL_IN_OUTCOME_LABELS: Record<CallInOutcome, string> = {
  released: 'Released: the decision may be carried out',
  'referred back': 'Referred back to the decision maker',
  'referred to council': 'Referred to full council',
}

/** How many recommendations the form has room for: a call-in committee rarely makes more than two or three. */
export const RECOMMENDATION_SLOTS = [1, 2, 3, 4, 5] as const

const slotFields = Object.fromEntries(
  RECOMMENDATION_SLOTS.flatMap((n) => [
    [`recommendation-${n}`, optionalText(5_000)],
    [`outcome-${n}`, z.enum(CALL_IN_OUTCOMES).optional()],
  ]),
) as Record<`recommendation-${number}`, ReturnType<typeof optionalText>> &
  Record<`outcome-${number}`, z.ZodOptional<z.ZodEnum<{ [K in CallInOutcome]: K }>>>

export const FIELD_IDS = { requestedOn: 'requestedOn-day' }

export const callInSchema = z
  .object({
    requestedBy: requiredText('Enter who requested the call-in', 1_000),
    requestedOn: z
      .string({ error: 'Enter the date the call-in was requested' })
      .min(1, 'Enter the date the call-in was requested')
      .pipe(isoDate('Date of the request must be a real date')),
    grounds: requiredText('Enter the grounds for the call-in', 20_000),
    meetingId: z
      .string()
      .optional()
      .transform((value) => value || null)
      .refine((value) => value === null || /^[0-9a-f-]{36}$/.test(value), 'Select the meeting that considered it'),
    ...slotFields,
    response: optionalText(20_000),
  })
  .superRefine((value, ctx) => {
    const fields = value as Record<string, string | undefined>
    for (const n of RECOMMENDATION_SLOTS) {
      const text = fields[`recommendation-${n}`]
      const outcome = fields[`outcome-${n}`]
      if (text && !outcome) {
        ctx.addIssue({ code: 'custom', path: [`outcome-${n}`], message: `Select the outcome of recommendation ${n}` })
      }
      if (outcome && !text) {
        ctx.addIssue({ code: 'custom', path: [`recommendation-${n}`], message: `Enter recommendation ${n}` })
      }
    }
  }, always)
  .transform((value) => {
    const fields = value as Record<string, string | undefined>
    const outcomes = RECOMMENDATION_SLOTS.filter((n) => fields[`recommendation-${n}`]).map((n) => ({
      recommendation: fields[`recommendation-${n}`]!,
      outcome: fields[`outcome-${n}`] as CallInOutcome,
    }))
    return {
      requestedBy: value.requestedBy,
      requestedOn: value.requestedOn,
      grounds: value.grounds,
      meetingId: value.meetingId,
      outcomes,
      response: value.response,
    }
  })
export type CallInForm = z.infer<typeof callInSchema>
