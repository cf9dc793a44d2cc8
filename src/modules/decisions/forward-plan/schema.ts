import { z } from 'zod'
import { paperFormatField, paperOnField } from '#src/platform/papers/query.ts'
import { exemptionFields, exemptionOfAnswers, paragraphNeeded } from '#src/platform/exemption/form.ts'
import { isoDate, optionalIsoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import { slugify } from '#src/modules/bodies/index.ts'
import { monthOrDateField } from '#src/modules/workprogramme/index.ts'
import type { Urgency } from '../tables.ts'

/** Run the cross-field checks even when other answers are wrong, so every error shows at once. */
const always = { when: () => true }

export const FIELD_IDS = {
  periodFrom: 'periodFrom-day',
  periodTo: 'periodTo-day',
  publishedOn: 'publishedOn-day',
  anticipated: 'anticipated-day',
}

const requiredDate = (blank: string, invalid: string) => z.string({ error: blank }).min(1, blank).pipe(isoDate(invalid))

export const planSchema = z
  .object({
    title: requiredText('Enter the title of the forward plan', 200),
    periodFrom: requiredDate('Enter the date the plan starts', 'Start date must be a real date'),
    periodTo: requiredDate('Enter the date the plan ends', 'End date must be a real date'),
    publishedOn: optionalIsoDate('Publication date must be a real date'),
  })
  .superRefine((value, ctx) => {
    if (value.periodTo < value.periodFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodTo'],
        message: 'End date must be the same as or after the start date',
      })
    }
  }, always)
export type PlanForm = z.infer<typeof planSchema>

export const URGENCIES = ['none', 'general exception', 'special urgency'] as const satisfies Urgency[]

export const URGENCY_LABELS: Record<Urgency, string> = {
  none: 'Not urgent',
  'general exception': 'General exception',
  'special urgency': 'Special urgency',
}

/** A key decision taken in private is exempt under a paragraph of Schedule 12A; the plan gives no review date. */
const { exemptReviewOn: _noReviewDate, ...privateDecision } = exemptionFields(
  'Select yes if the decision will be taken in private',
)

export const planItemSchema = z
  .object({
    /** The council's own reference, in its own form; the item's address comes from it. */
    reference: requiredText('Enter the decision reference', 60)
      .transform((value) => value.replace(/\s+/g, ' '))
      .refine((value) => slugify(value) !== '', 'Decision reference must include a letter or a number'),
    matter: requiredText('Enter the matter for decision', 500),
    decisionTaker: requiredText('Enter who will take the decision', 200),
    cabinetMemberId: z
      .string()
      .optional()
      .transform((value) => value || null)
      .refine((value) => value === null || /^[0-9a-f-]{36}$/.test(value), 'Select the relevant Cabinet Member'),
    anticipated: monthOrDateField({
      required: 'Enter the month and year of the anticipated decision',
      invalid: 'Enter a real month and year, like 1 2024, and a real day if you know it',
    }),
    consultation: optionalText(10_000),
    representations: optionalText(10_000),
    documents: optionalText(5_000),
    responsibleOfficer: optionalText(1_000),
    isNew: z
      .string()
      .optional()
      .transform((value) => value === 'yes'),
    urgency: z
      .enum(URGENCIES, { error: 'Select whether the decision is urgent' })
      .optional()
      .transform((value) => value ?? 'none'),
    urgencyReason: optionalText(5_000),
    chairAgreed: z.enum(['yes', 'no'], { error: 'Select yes if the chair agreed' }).optional(),
    decisionId: z
      .string()
      .optional()
      .transform((value) => value || null)
      .refine((value) => value === null || /^[0-9a-f-]{36}$/.test(value), 'Select the decision'),
    ...privateDecision,
  })
  .superRefine((value, ctx) => {
    paragraphNeeded(value, ctx)
    if (value.urgency === 'none') return
    if (!value.urgencyReason) {
      ctx.addIssue({ code: 'custom', path: ['urgencyReason'], message: 'Enter the reason the decision is urgent' })
    }
    if (!value.chairAgreed) {
      ctx.addIssue({ code: 'custom', path: ['chairAgreed'], message: 'Select yes if the chair agreed' })
    }
  }, always)
  .transform(({ anticipated, urgencyReason, chairAgreed, ...rest }) => ({
    ...exemptionOfAnswers(rest),
    anticipatedMonth: anticipated!.month,
    anticipatedOn: anticipated!.on,
    urgencyReason: rest.urgency === 'none' ? '' : urgencyReason,
    chairAgreed: rest.urgency === 'none' ? null : chairAgreed === 'yes',
  }))
export type PlanItemForm = z.infer<typeof planItemSchema>

export const preDecisionSchema = z.object({
  bodyId: z.uuid({ error: 'Select the committee that will scrutinise it' }),
})

export const planQuerySchema = z.object({
  plan: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d+)?$/, 'plan must be the address of a notice, like 2024-01 or 2024-01-2')
    .optional()
    .meta({
      description: 'The notice: the month it starts, YYYY-MM, with -2, -3… for a later notice of that month',
      examples: ['2024-01', '2024-01-2'],
    }),
})

/** The plan page's query: `?format=pdf|docx` for its paper, `?on=` for the plan published by that day. */
export const planPaperQuerySchema = z.object({ format: paperFormatField, on: paperOnField })
