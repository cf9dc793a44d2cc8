import { z } from 'zod'
import { EXEMPT_FIELD_IDS, exemptionFields, exemptionOfAnswers, paragraphNeeded } from '#src/platform/exemption/form.ts'
import {
  checkbox,
  isoDate,
  optionalText,
  optionalWebAddress,
  requiredText,
  tickedIds,
} from '#src/platform/forms/fields.ts'
import { pageNumber as listPage } from '#src/platform/http/pagination.ts'
import { pageRangeProblem } from './agenda/page-range.ts'
import { parseTimeOfDay } from '#src/platform/forms/time-of-day.ts'
import type { AgendaItemStatus, MeetingStatus, MeetingType } from './tables.ts'

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled', 'postponed'] as const satisfies MeetingStatus[]

/** The GOV.UK tag for each status. */
export const MEETING_STATUS_TAGS: Record<MeetingStatus, { text: string; classes: string }> = {
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  held: { text: 'Held', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
  postponed: { text: 'Postponed', classes: 'govuk-tag--yellow' },
}

export const MEETING_TYPES = ['ordinary', 'extraordinary', 'call-in', 'budget'] as const satisfies MeetingType[]

/** How each type is named on forms and pages. */
export const MEETING_TYPE_NAMES: Record<MeetingType, string> = {
  ordinary: 'Ordinary meeting',
  extraordinary: 'Extraordinary (special) meeting',
  'call-in': 'Call-in meeting',
  budget: 'Budget meeting',
}

/** The type, contact and webcast: the same on the new meeting form and the change form. */
const meetingDetails = {
  // The form offers ordinary already chosen; a post without the question (an older form) means ordinary too.
  type: z.enum(MEETING_TYPES, { error: 'Select the type of meeting' }).default('ordinary'),
  contact: optionalText(500),
  webcastUrl: optionalWebAddress(
    'Enter the webcast link in the correct format, like https://example.public-i.tv/core/portal/webcast',
  ).transform((value) => value || null),
}

/** Where each field's error links to, when its first input is not named after the field. */
export const FIELD_IDS = { date: 'date-day', meetingDate: 'meetingDate-day', ...EXEMPT_FIELD_IDS }

/** An optional time of day ('HH:MM'), typed as 6pm, 6.30pm or 18:00. */
const timeOfDay = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null
      const time = parseTimeOfDay(value)
      if (!time) ctx.addIssue({ code: 'custom', message })
      return time
    })

const startTime = timeOfDay('Enter the start time in the correct format, like 6pm or 18:00')
/** When the meeting is planned to finish: calendars show it until then (two hours when not given). */
const endTime = timeOfDay('Enter the finish time in the correct format, like 8pm or 20:00')

/** A finish time needs a start time, and comes after it (a meeting does not run past midnight). */
function timesInOrder(value: { startTime: string | null; endTime: string | null }, ctx: z.RefinementCtx) {
  if (!value.endTime) return
  if (!value.startTime) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Enter the start time as well as the finish time' })
  } else if (value.endTime <= value.startTime) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The finish time must be after the start time' })
  }
}

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

export const newMeetingSchema = z
  .object({
    bodyId: z.uuid({ error: 'Select the committee or other body' }),
    date: meetingDate,
    startTime,
    endTime,
    venue: optionalText(300),
    ...meetingDetails,
    /** Asked only when the body already meets that day: a second meeting is added on purpose. */
    confirmSameDay: checkbox,
  })
  .superRefine(timesInOrder)
export type NewMeetingForm = z.infer<typeof newMeetingSchema>

/** Runs even when other answers are wrong, so every error shows at once. */
export const always = { when: () => true }

/** The statuses that need a reason, shown to the public beside them ("Cancelled: …"), with its message. */
export const STATUS_REASON_NEEDED: Partial<Record<MeetingStatus, string>> = {
  cancelled: 'Enter the reason the meeting was cancelled',
  postponed: 'Enter the reason the meeting was postponed',
}

export const meetingSchema = z
  .object({
    date: meetingDate,
    startTime,
    endTime,
    venue: optionalText(300),
    ...meetingDetails,
    /** Why the venue changed, kept with the change; asked only when it does. */
    venueChangeReason: optionalText(2_000),
    status: z.enum(MEETING_STATUSES, { error: 'Select the status of the meeting' }),
    statusReason: optionalText(2_000),
    notes: optionalText(5_000),
  })
  .superRefine(timesInOrder)
  .superRefine((value, ctx) => {
    const message = STATUS_REASON_NEEDED[value.status]
    if (message && !value.statusReason) ctx.addIssue({ code: 'custom', path: ['statusReason'], message })
  }, always)
  // A reason is kept only with the status it explains: a meeting back on has none.
  .transform((value) => ({ ...value, statusReason: STATUS_REASON_NEEDED[value.status] ? value.statusReason : '' }))
export type MeetingForm = z.infer<typeof meetingSchema>

/** Publishing an agenda: the reason, which the service requires only when it is late. */
export const publishAgendaSchema = z.object({ lateReason: optionalText(2_000) })

/** A correction of the published agenda pack: why, in words the public reads beside it. */
export const republishAgendaSchema = z.object({
  reason: requiredText('Enter the reason for the correction', 2_000),
})

/** The agenda pack's address: `?draft=yes` asks staff for a draft made now, after publication too. */
export const agendaPackQuerySchema = z.object({ draft: z.literal('yes').optional().catch(undefined) })

/** The exemption questions, for the forms of agenda items, reports and appendices. */
export const exemptShape = exemptionFields('Select yes if it contains exempt information')

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

/** A number as the council writes it ('4a', 'CYP 1/10'), or null when left blank. */
export const itemLabel = (tooLong: string) =>
  z
    .string()
    .trim()
    .max(20, tooLong)
    .optional()
    .transform((value) => value || null)

export const AGENDA_ITEM_STATUSES = ['listed', 'withdrawn', 'deferred'] as const satisfies AgendaItemStatus[]

/** The GOV.UK tag of an item that is no longer to be taken; a listed item has none. */
export const AGENDA_ITEM_STATUS_TAGS: Record<AgendaItemStatus, { text: string; classes: string } | null> = {
  listed: null,
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
  deferred: { text: 'Deferred', classes: 'govuk-tag--yellow' },
}

const ITEM_STATUS_REASON_NEEDED: Record<AgendaItemStatus, string | null> = {
  listed: null,
  withdrawn: 'Enter the reason the item was withdrawn',
  deferred: 'Enter the reason the item was deferred',
}

export const URGENT_REASON_MISSING = 'Enter the chair’s reason for taking the item as a matter of urgency'

export const agendaItemSchema = z
  .object({
    number: itemLabel('Item number must be 20 characters or fewer'),
    title: requiredText('Enter the title of the item', 500),
    purpose: optionalText(5_000),
    pageFrom: pageNumber('First'),
    pageTo: pageNumber('Last'),
    toFollow: checkbox,
    urgent: checkbox,
    urgentReason: optionalText(2_000),
    // Forms without the question (adding an item from the work programme) leave the item listed.
    status: z
      .enum(AGENDA_ITEM_STATUSES, { error: 'Select whether the item is listed, withdrawn or deferred' })
      .default('listed'),
    statusReason: optionalText(2_000),
    publicParticipation: checkbox,
    noRequestsToSpeak: checkbox,
    ...exemptShape,
  })
  .superRefine((value, ctx) => {
    pageRangeChecked(value, ctx)
    paragraphNeeded(value, ctx)
    if (value.urgent && !value.urgentReason) {
      ctx.addIssue({ code: 'custom', path: ['urgentReason'], message: URGENT_REASON_MISSING })
    }
    const reasonNeeded = value.status && ITEM_STATUS_REASON_NEEDED[value.status]
    if (reasonNeeded && !value.statusReason) {
      ctx.addIssue({ code: 'custom', path: ['statusReason'], message: reasonNeeded })
    }
  }, always)
  // A reason is kept only with what it explains: an item no longer urgent, or listed again, has none.
  .transform((value) => ({
    ...exemptionOfAnswers(value),
    urgentReason: value.urgent ? value.urgentReason : '',
    statusReason: value.status === 'listed' ? '' : value.statusReason,
    // Only the public participation item says that no one asked to speak: its box is hidden otherwise.
    noRequestsToSpeak: value.publicParticipation && value.noRequestsToSpeak,
  }))
export type AgendaItemForm = z.infer<typeof agendaItemSchema>

/** Moving an agenda item one place up or down. */
export const moveItemSchema = z.object({ direction: z.enum(['up', 'down']) })

export const NO_SUPPLEMENT_ITEMS = 'Select the items this supplementary agenda publishes'

/** A supplementary agenda: its title (the usual one when blank), what it adds, and its items. */
export const supplementSchema = z.object({
  title: optionalText(200),
  note: optionalText(2_000),
  itemIds: tickedIds(NO_SUPPLEMENT_ITEMS).refine((ids) => ids.length > 0, NO_SUPPLEMENT_ITEMS),
})
