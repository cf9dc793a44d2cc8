import { z } from 'zod'
import type { ExemptColumns } from '#src/platform/db/column-types.ts'
import { optionalIsoDate, optionalText } from '#src/platform/forms/fields.ts'
import { type FormValues, dateValues } from '#src/platform/forms/values.ts'
import { isSchedule12AParagraph } from './schedule-12a.ts'

/**
 * The Schedule 12A questions on a form (appExemptFields in exemption.njk): is it exempt, and if
 * so under which paragraph, why (optional) and when to review it (optional). The answers become
 * the three exemption columns, all empty unless it is exempt.
 */

/** Where the review date's error links to: its first input. */
export const EXEMPT_FIELD_IDS = { exemptReviewOn: 'exemptReviewOn-day' }

export const PARAGRAPH_NEEDED = 'Select the paragraph of Schedule 12A that applies'

/** The questions' fields; `question` is the error when neither yes nor no is chosen. */
export function exemptionFields(question: string) {
  return {
    exempt: z.enum(['yes', 'no'], { error: question }),
    exemptParagraph: z
      .union([z.literal(''), z.coerce.number().refine(isSchedule12AParagraph, PARAGRAPH_NEEDED)], {
        error: PARAGRAPH_NEEDED,
      })
      .optional(),
    exemptReason: optionalText(2_000),
    exemptReviewOn: optionalIsoDate('Review date must be a real date'),
  }
}

interface ExemptAnswers {
  exempt?: 'yes' | 'no'
  exemptParagraph?: number | ''
  exemptReason?: string
  exemptReviewOn?: string | null
}

/** A paragraph is needed when the answer is yes: for a schema's superRefine. */
export function paragraphNeeded(value: ExemptAnswers, ctx: z.RefinementCtx) {
  if (value.exempt === 'yes' && !value.exemptParagraph) {
    ctx.addIssue({ code: 'custom', path: ['exemptParagraph'], message: PARAGRAPH_NEEDED })
  }
}

/** The exemption columns from the answers, in place of them: all empty unless it is exempt. */
export function exemptionOfAnswers<T extends ExemptAnswers>(value: T) {
  const { exempt, exemptParagraph, exemptReason, exemptReviewOn, ...rest } = value
  const isExempt = exempt === 'yes' && typeof exemptParagraph === 'number'
  return {
    ...rest,
    exemptParagraph: isExempt ? exemptParagraph : null,
    exemptReason: isExempt && exemptReason ? exemptReason : null,
    exemptReviewOn: isExempt ? (exemptReviewOn ?? null) : null,
  }
}

/** A record's exemption as the questions show it, the review date in a GOV.UK date input's three fields. */
export function exemptValues(record: ExemptColumns | null | undefined): FormValues {
  if (!record) return {}
  return {
    exempt: record.exemptParagraph ? 'yes' : 'no',
    exemptParagraph: record.exemptParagraph ?? '',
    exemptReason: record.exemptReason ?? '',
    ...dateValues('exemptReviewOn', record.exemptReviewOn),
  }
}
