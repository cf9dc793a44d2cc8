import { z } from 'zod'
import { checkbox, isoDate, optionalIsoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import type { Upload } from '#src/platform/forms/upload.ts'
import { checkUpload } from '../documents.ts'
import { exemptionOfAnswers, paragraphNeeded } from '#src/platform/exemption/form.ts'
import { always, exemptShape } from '../schema.ts'
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

/** A file in the appendix form, checked by its content: the document to store, or null when none was chosen. */
const appendixFile = z.custom<Upload | null>().transform(async (upload, context) => {
  if (!upload) return null
  const checked = await checkUpload(upload)
  if (checked.ok) return checked.document
  context.addIssue({ code: 'custom', message: checked.message })
  return z.NEVER
})

/** The appendix form (multipart: `file` is the Upload posted, or null). */
export const appendixSchema = z
  .object({
    label: requiredText('Enter the appendix label, like Appendix 8(b)', 100),
    title: requiredText('Enter the title of the appendix', 500),
    body: optionalText(200_000),
    file: appendixFile,
    removeFile: checkbox,
    ...exemptShape,
  })
  .superRefine(paragraphNeeded, always)
  .transform(exemptionOfAnswers)
export type AppendixForm = Omit<z.infer<typeof appendixSchema>, 'file'>

/**
 * The fields before the exemption questions, in the form's order: the file is checked after the
 * other fields (its check reads the file), and its error belongs after the text's in the summary.
 */
export const APPENDIX_FIELD_ORDER = ['label', 'title', 'body', 'file']

/** The form that generates an appendix from the record: which one, about what, as at which date, and its label. */
export const generatedAppendixSchema = z.object({
  kind: requiredText('Select which appendix to generate', 100),
  subject: optionalText(200).transform((value) => value || null),
  on: isoDate('Enter the date the appendix shows the record at, as a real date'),
  label: requiredText('Enter the appendix label, like Appendix 8(b)', 100),
})
export type GeneratedAppendixForm = z.infer<typeof generatedAppendixSchema>

export const GENERATED_APPENDIX_FIELD_ORDER = ['kind', 'subject', 'on', 'label']
