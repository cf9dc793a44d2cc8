import { z } from 'zod'
import { EXEMPT_FIELD_IDS, exemptionFields, exemptionOfAnswers, paragraphNeeded } from '#src/platform/exemption/form.ts'
import { isoDate, optionalIsoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import { paperFormatField, paperOnField } from '#src/platform/papers/query.ts'
import { decisionReference, partsFromText } from './decision-number.ts'
import type { CallInStatus, TakerType } from './tables.ts'

/** Run the cross-field checks even when other answers are wrong, so every error shows at once. */
const always = { when: () => true }

export const CALL_IN_STATUSES = ['none', 'called in', 'call-in rejected'] as const satisfies CallInStatus[]

export const CALL_IN_STATUS_LABELS: Record<CallInStatus, string> = {
  none: 'Not called in',
  'called in': 'Called in',
  'call-in rejected': 'Call-in rejected',
}

export const TAKER_TYPES = ['executive', 'cabinet member', 'committee', 'officer'] as const satisfies TakerType[]

export const TAKER_TYPE_LABELS: Record<TakerType, string> = {
  executive: 'Executive',
  'cabinet member': 'Cabinet member',
  committee: 'Committee',
  officer: 'Officer (key decision)',
}

/** Where each field's error links to, when its first input is not named after the field. */
export const FIELD_IDS = {
  decidedOn: 'decidedOn-day',
  publishedOn: 'publishedOn-day',
  effectiveOn: 'effectiveOn-day',
  ...EXEMPT_FIELD_IDS,
  taker: 'taker',
  keyDecision: 'keyDecision',
}

/** "body:<id>" for the Executive or a committee, "person:<id>" for a cabinet member or an officer. */
const taker = z
  .string({ error: 'Select who took the decision' })
  .regex(/^(body|person):[0-9a-f-]{36}$/, 'Select who took the decision')
  .transform((value) => {
    const [kind, id] = value.split(':')
    return kind === 'body' ? { takerBodyId: id, takerPersonId: null } : { takerBodyId: null, takerPersonId: id }
  })

export const decisionSchema = z
  .object({
    number: decisionReference,
    title: requiredText('Enter the title of the decision', 300),
    decidedOn: z
      .string({ error: 'Enter the date of the decision' })
      .min(1, 'Enter the date of the decision')
      .pipe(isoDate('Date of the decision must be a real date')),
    taker,
    parts: requiredText('Enter the decision', 20_000).transform(partsFromText),
    description: optionalText(10_000),
    reasons: optionalText(10_000),
    alternativesConsidered: optionalText(10_000),
    wardsAffected: optionalText(1_000),
    interestsDeclared: optionalText(10_000),
    contact: optionalText(1_000),
    effectiveOn: optionalIsoDate('Date the decision takes effect must be a real date'),
    keyDecision: z.enum(['yes', 'no'], { error: 'Select yes if this is a key decision' }).transform((v) => v === 'yes'),
    publishedOn: optionalIsoDate('Publication date must be a real date'),
    callInStatus: z.enum(CALL_IN_STATUSES, { error: 'Select the call-in status' }),
  })
  .transform(({ taker: who, ...rest }) => ({ ...rest, ...who }))
export type DecisionForm = z.infer<typeof decisionSchema>

/** The Schedule 12A questions, as on the meetings' forms: a paragraph only when it is exempt. */
const exemptShape = exemptionFields('Select yes if the document contains exempt information')

/** A link to a page on this site ("/…") or on the web ("https://…"). */
const link = z
  .string()
  .trim()
  .max(2_000, 'Must be 2,000 characters or fewer')
  .optional()
  .transform((value) => value ?? '')
  .refine(
    (value) => value === '' || /^\/(?!\/)\S*$/.test(value) || /^https?:\/\/[^\s/]+\S*$/.test(value),
    'Enter a link in the correct format, like https://www.example.gov.uk/report.pdf or /meetings/…',
  )

export const documentSchema = z
  .object({
    label: optionalText(100),
    title: requiredText('Enter the title of the document', 300),
    body: optionalText(100_000),
    url: link,
    ...exemptShape,
  })
  .superRefine((value, ctx) => {
    if (!value.body && !value.url) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Enter the text of the document or a link to it' })
    }
    if (value.body && value.url) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'Enter the text of the document or a link to it, not both',
      })
    }
    paragraphNeeded(value, ctx)
  }, always)
  .transform(({ url, ...rest }) => ({ ...exemptionOfAnswers(rest), url: url || null }))
export type DocumentForm = z.infer<typeof documentSchema>

/** The register's filters: who took the decision (a slug) and the year. Anything else is ignored. */
export const registerQuerySchema = z.object({
  taker: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
  year: z.coerce.number().int().min(1974).max(2100).optional().catch(undefined),
})

export const sinceQuerySchema = z.object({
  since: z
    .union([z.literal(''), isoDate('Enter a real date, like 2023-11-09')])
    .optional()
    .transform((value) => value || undefined),
  on: paperOnField,
  format: paperFormatField,
})
