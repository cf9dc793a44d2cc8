import { z } from 'zod'
import { optionalIsoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import { always, exemptShape, exemptionOfAnswers, paragraphNeeded } from '../schema.ts'
import type { WithinBudget } from '../tables.ts'
import { recommendationsFromText } from './template.ts'

export const WITHIN_BUDGET = ['yes', 'no', 'not applicable'] as const satisfies WithinBudget[]

const text = optionalText(50_000)

export const reportSchema = z
  .object({
    title: requiredText('Enter the title of the report', 500),
    reportTo: optionalText(300),
    relevantOfficer: optionalText(300),
    meetingDate: optionalIsoDate('Date of meeting must be a real date'),
    purpose: text,
    recommendations: optionalText(20_000).transform(recommendationsFromText),
    reasons: text,
    contraryToPlan: z
      .enum(['yes', 'no', ''], { error: 'Select yes or no' })
      .optional()
      .transform((value) => (value ? value === 'yes' : null)),
    withinBudget: z
      .enum(['yes', 'no', 'not applicable', ''], { error: 'Select yes, no or not applicable' })
      .optional()
      .transform((value) => (value ? value : null)),
    alternativeOptions: text,
    councilPriorities: text,
    background: text,
    financial: text,
    legal: text,
    humanResources: text,
    risk: text,
    equalities: text,
    sustainability: text,
    consultation: text,
    backgroundPapers: text,
    ...exemptShape,
  })
  .superRefine(paragraphNeeded, always)
  .transform(exemptionOfAnswers)
export type ReportForm = z.infer<typeof reportSchema>

export const appendixSchema = z
  .object({
    label: requiredText('Enter the appendix label, like Appendix 8(b)', 100),
    title: requiredText('Enter the title of the appendix', 500),
    body: optionalText(200_000),
    removeFile: z
      .union([z.literal('yes'), z.array(z.string())])
      .optional()
      .transform((value) => value === 'yes' || (Array.isArray(value) && value.includes('yes'))),
    ...exemptShape,
  })
  .superRefine(paragraphNeeded, always)
  .transform(exemptionOfAnswers)
export type AppendixForm = z.infer<typeof appendixSchema>
