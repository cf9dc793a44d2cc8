import { z } from 'zod'
import { checkbox, isoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import { firstOf } from '#src/platform/http/query.ts'
import { pageNumber } from '#src/platform/http/pagination.ts'
import { paperOnField } from '#src/platform/papers/query.ts'
import { PAPER_FORMATS } from '#src/platform/papers/send.ts'
import { monthOrDateField } from '#src/modules/workprogramme/index.ts'
import { RAGS } from './rag.ts'

export const STATUSES = ['open', 'complete', 'withdrawn'] as const
export const RAG_RATINGS = ['red', 'amber', 'green'] as const
export const RESPONSES = ['accepted', 'partly accepted', 'rejected'] as const
export const SOURCES = ['resolution', 'review'] as const

const requiredDate = (missing: string, invalid: string) =>
  z.string({ error: missing }).trim().min(1, missing).pipe(isoDate(invalid))

const optionalDate = (invalid: string) =>
  z
    .union([z.literal(''), isoDate(invalid)])
    .optional()
    .transform((value) => (value ? value : null))

/** A month's target may be the month the recommendation was made: it is compared by month. */
const targetNotBefore = (target: { month: string; on: string | null }, madeOn: string) =>
  target.on ? target.on >= madeOn : target.month >= madeOn.slice(0, 7)

const uuidOrBlank = (message: string) =>
  z
    .union([z.literal(''), z.uuid({ error: message })], { error: message })
    .optional()
    .transform((value) => (value ? value : null))

export const recommendationSchema = z
  .object({
    number: requiredText('Enter the recommendation number', 20),
    madeOn: requiredDate(
      'Enter the date the recommendation was made',
      'Date the recommendation was made must be a real date',
    ),
    // A form without the question (one opened from the minutes) is from a resolution.
    sourceKind: z.enum(SOURCES, { error: 'Select where the recommendation comes from' }).default('resolution'),
    reviewTitle: optionalText(300),
    reviewReportedOn: optionalDate('Date of the review report must be a real date'),
    text: requiredText('Enter the recommendation', 5_000),
    // A day, or only a month and year: due at the month's end.
    targetDate: monthOrDateField({ invalid: 'Target date must be a real date, or a month and year' }),
    responsiblePersonId: uuidOrBlank('Select the responsible officer'),
    meetingId: uuidOrBlank('Select the meeting where it was made'),
    resolutionId: uuidOrBlank(
      'The resolution this comes from is no longer in the minutes. Add the recommendation by hand',
    ),
    toExecutive: checkbox,
    referredOn: optionalDate('Date referred to the Executive must be a real date'),
  })
  // Each refinement runs even when other answers are missing, so every error shows at once.
  .refine((form) => !form.toExecutive || form.referredOn, {
    path: ['referredOn'],
    message: 'Enter the date the recommendation was referred to the Executive',
    when: () => true,
  })
  .refine((form) => form.sourceKind !== 'review' || form.reviewTitle, {
    path: ['reviewTitle'],
    message: 'Enter the title of the review report',
    when: () => true,
  })
  .refine((form) => form.sourceKind !== 'review' || form.reviewReportedOn, {
    path: ['reviewReportedOn'],
    message: 'Enter the date of the review report',
    when: () => true,
  })
  .refine((form) => !form.targetDate || !form.madeOn || targetNotBefore(form.targetDate, form.madeOn), {
    path: ['targetDate'],
    message: 'Target date must be the same as or after the date the recommendation was made',
    when: () => true,
  })
  .refine((form) => !form.referredOn || !form.madeOn || form.referredOn >= form.madeOn, {
    path: ['referredOn'],
    message: 'Date referred must be the same as or after the date the recommendation was made',
    when: () => true,
  })
  .transform(({ targetDate: target, ...form }) => {
    const review = form.sourceKind === 'review'
    return {
      ...form,
      reviewTitle: review ? form.reviewTitle : '',
      reviewReportedOn: review ? form.reviewReportedOn : null,
      targetDate: target?.on ?? null,
      targetMonth: target && !target.on ? target.month : null,
    }
  })
export type RecommendationForm = z.infer<typeof recommendationSchema>
export const RECOMMENDATION_FIELDS = [
  'number',
  'madeOn',
  'sourceKind',
  'reviewTitle',
  'reviewReportedOn',
  'text',
  'targetDate',
  'responsiblePersonId',
  'meetingId',
  'toExecutive',
  'referredOn',
]

export const statusSchema = z
  .object({
    status: z.enum(STATUSES, { error: 'Select whether the recommendation is open, complete or withdrawn' }),
    completedOn: optionalDate('Date completed must be a real date'),
    withdrawnOn: optionalDate('Date withdrawn must be a real date'),
    withdrawnReason: optionalText(2_000),
  })
  .refine((form) => form.status !== 'complete' || form.completedOn, {
    path: ['completedOn'],
    message: 'Enter the date the recommendation was completed',
  })
  .refine((form) => form.status !== 'withdrawn' || form.withdrawnOn, {
    path: ['withdrawnOn'],
    message: 'Enter the date the recommendation was withdrawn',
  })
  .refine((form) => form.status !== 'withdrawn' || form.withdrawnReason, {
    path: ['withdrawnReason'],
    message: 'Enter why the recommendation was withdrawn',
  })
export type StatusForm = z.infer<typeof statusSchema>
export const STATUS_FIELDS = ['status', 'completedOn', 'withdrawnOn', 'withdrawnReason']

export const ragOverrideSchema = z
  .object({
    rag: z.enum([...RAG_RATINGS, 'none'], { error: 'Select a RAG rating, or no override' }),
    reason: optionalText(2_000),
  })
  .refine((form) => form.rag === 'none' || form.reason, {
    path: ['reason'],
    message: 'Enter the reason for overriding the RAG rating',
  })
export type RagOverrideForm = z.infer<typeof ragOverrideSchema>

export const responseSchema = z
  .object({
    response: z.enum(RESPONSES, { error: 'Select the Executive’s response' }),
    reasons: optionalText(5_000),
    receivedOn: requiredDate('Enter the date the response was received', 'Date received must be a real date'),
  })
  .refine((form) => form.response === 'accepted' || form.reasons, {
    path: ['reasons'],
    message: 'Enter the Executive’s reasons',
  })
export type ResponseForm = z.infer<typeof responseSchema>
export const RESPONSE_FIELDS = ['response', 'reasons', 'receivedOn']

export const updateSchema = z.object({
  on: requiredDate('Enter the date of the update', 'Date of the update must be a real date'),
  text: requiredText('Enter the update', 5_000),
})
export type UpdateForm = z.infer<typeof updateSchema>

/** A filter that is blank or not one of the choices filters nothing. */
const filterOf = <T extends z.ZodType>(schema: T) => z.preprocess(firstOf, schema.optional().catch(undefined))

/** The orders the tracker offers: the body's numbering, the soonest target first, or what needs attention first. */
export const TRACKER_SORTS = ['number', 'target', 'rag'] as const
export type TrackerSort = (typeof TRACKER_SORTS)[number]

export const trackerQuerySchema = z.object({
  status: filterOf(z.enum(STATUSES)),
  rag: filterOf(z.enum(RAGS as [string, ...string[]])),
  officer: filterOf(z.uuid()),
  overdue: z.preprocess(firstOf, z.literal('yes').optional().catch(undefined)).transform((value) => value === 'yes'),
  format: filterOf(z.enum(['csv', 'xlsx', ...PAPER_FORMATS])),
  on: paperOnField,
  sort: filterOf(z.enum(TRACKER_SORTS)),
  page: z.preprocess(firstOf, z.unknown().transform(pageNumber)),
})
export type TrackerQuery = z.infer<typeof trackerQuerySchema>

/** The new recommendation form's query: the resolution in the minutes it comes from, if any. */
export const newRecommendationQuerySchema = z.object({ resolution: z.string().optional().catch(undefined) })

/** The update form's query: `from=my` when opened from "my recommendations", to go back there. */
export const updateQuerySchema = z.object({ from: z.string().optional().catch(undefined) })

export const apiQuerySchema = z.object({
  body: z
    .uuid({ error: 'body must be the id of a body' })
    .optional()
    .describe('Only this body’s recommendations (its id, from /api/v1/bodies)'),
})
