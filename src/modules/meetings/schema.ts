import { z } from 'zod'
import { isoDate, optionalIsoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import { pageNumber as listPage } from '#src/platform/http/pagination.ts'
import { pageRangeProblem } from './agenda/page-range.ts'
import { SCHEDULE_12A_PARAGRAPHS } from './exempt.ts'
import { parseTimeOfDay } from '#src/platform/forms/time-of-day.ts'
import type { MeetingStatus } from './tables.ts'

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled', 'postponed'] as const satisfies MeetingStatus[]

/** The GOV.UK tag for each status. */
export const MEETING_STATUS_TAGS: Record<MeetingStatus, { text: string; classes: string }> = {
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  held: { text: 'Held', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
  postponed: { text: 'Postponed', classes: 'govuk-tag--yellow' },
}

/** Where each field's error links to, when its first input is not named after the field. */
export const FIELD_IDS = { date: 'date-day', exemptReviewOn: 'exemptReviewOn-day', meetingDate: 'meetingDate-day' }

const startTime = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null
    const time = parseTimeOfDay(value)
    if (!time)
      ctx.addIssue({ code: 'custom', message: 'Enter the start time in the correct format, like 6pm or 18:00' })
    return time
  })

const meetingDate = z
  .string({ error: 'Enter the date of the meeting' })
  .trim()
  .min(1, 'Enter the date of the meeting')
  .pipe(isoDate('Date of the meeting must be a real date'))

/** The calendar's query: one body's meetings (by slug) and a page of past ones; anything else, all and the first. */
export const calendarQuerySchema = z.object({
  body: z.string().min(1).optional().catch(undefined),
  page: z.unknown().optional().transform(listPage),
})

/** The new meeting form's query: the body it is for, when the link names one. */
export const newMeetingQuerySchema = z.object({ body: z.string().catch('') })

export const newMeetingSchema = z.object({
  bodyId: z.uuid({ error: 'Select the committee or other body' }),
  date: meetingDate,
  startTime,
  venue: optionalText(300),
})
export type NewMeetingForm = z.infer<typeof newMeetingSchema>

export const meetingSchema = z.object({
  date: meetingDate,
  startTime,
  venue: optionalText(300),
  status: z.enum(MEETING_STATUSES, { error: 'Select the status of the meeting' }),
  notes: optionalText(5_000),
})
export type MeetingForm = z.infer<typeof meetingSchema>

interface ExemptAnswers {
  exempt?: 'yes' | 'no'
  exemptParagraph?: number | ''
  exemptReason?: string
  exemptReviewOn?: string | null
}

/** Runs even when other answers are wrong, so every error shows at once. */
export const always = { when: () => true }

export function paragraphNeeded(value: ExemptAnswers, ctx: z.RefinementCtx) {
  if (value.exempt === 'yes' && !value.exemptParagraph) {
    ctx.addIssue({
      code: 'custom',
      path: ['exemptParagraph'],
      message: 'Select the paragraph of Schedule 12A that applies',
    })
  }
}

/** The exemption columns from the answers: all empty unless it is exempt. */
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

/** The exemption questions, for the forms of agenda items, reports and appendices. */
export const exemptShape = {
  exempt: z.enum(['yes', 'no'], { error: 'Select yes if it contains exempt information' }),
  exemptParagraph: z
    .union([z.literal(''), z.coerce.number().int().min(1).max(7)], {
      error: 'Select the paragraph of Schedule 12A that applies',
    })
    .optional(),
  exemptReason: optionalText(2_000),
  exemptReviewOn: optionalIsoDate('Review date must be a real date'),
}

const pageNumber = (which: 'First' | 'Last') =>
  z
    .string()
    .trim()
    .optional()
    .refine(
      (value) => !value || /^[1-9]\d{0,4}$/.test(value),
      `${which} page must be a whole number, like ${which === 'First' ? 63 : 112}`,
    )
    .transform((value) => (value ? Number(value) : null))

const pageRangeChecked = (value: { pageFrom?: unknown; pageTo?: unknown }, ctx: z.RefinementCtx) => {
  const from = typeof value.pageFrom === 'number' ? value.pageFrom : null
  const to = typeof value.pageTo === 'number' ? value.pageTo : null
  const problem = pageRangeProblem(from, to)
  if (problem && (from !== null || value.pageFrom === null)) {
    ctx.addIssue({ code: 'custom', path: [problem.startsWith('Enter') ? 'pageFrom' : 'pageTo'], message: problem })
  }
}

export const agendaItemSchema = z
  .object({
    number: z
      .string({ error: 'Enter the item number' })
      .trim()
      .min(1, 'Enter the item number')
      .regex(/^[1-9]\d{0,2}$/, 'Item number must be a whole number between 1 and 999')
      .transform(Number),
    title: requiredText('Enter the title of the item', 500),
    purpose: optionalText(5_000),
    pageFrom: pageNumber('First'),
    pageTo: pageNumber('Last'),
    ...exemptShape,
  })
  .superRefine((value, ctx) => {
    pageRangeChecked(value, ctx)
    paragraphNeeded(value, ctx)
  }, always)
  .transform(exemptionOfAnswers)
export type AgendaItemForm = z.infer<typeof agendaItemSchema>

/** Paragraphs 1 to 7 for a select, with what each covers. */
export const paragraphItems = (selected: unknown) => [
  { value: '', text: 'Select a paragraph' },
  ...Object.entries(SCHEDULE_12A_PARAGRAPHS).map(([number, text]) => ({
    value: number,
    text: `Paragraph ${number}: ${text}`,
    // A stored paragraph is a number, a posted one a string.
    selected: (typeof selected === 'number' ? String(selected) : selected) === number,
  })),
]
