import { z } from 'zod'
import { checkbox, isoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import { parseTimeOfDay } from '#src/platform/forms/time-of-day.ts'
import { itemLabel } from '../schema.ts'

export const CAPACITIES = ['member', 'co-opted member', 'substitute', 'cabinet member', 'officer', 'other'] as const
export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent', 'in attendance'] as const
export const DECLARATION_TYPES = ['personal', 'prejudicial', 'disclosable pecuniary'] as const

const uuidOrBlank = z
  .union([z.literal(''), z.uuid()])
  .optional()
  .transform((value) => (value ? value : null))

export const attendanceSchema = z
  .object({
    personId: uuidOrBlank,
    rawName: optionalText(200),
    capacity: z.enum(CAPACITIES, { error: 'Select the capacity they attended in' }),
    status: z.enum(ATTENDANCE_STATUSES, {
      error: 'Select whether they were present, sent apologies, were absent or were in attendance',
    }),
    roleAtMeeting: optionalText(300),
    chaired: checkbox,
  })
  // Runs even when other answers are missing, so every error shows at once.
  .refine((value) => Boolean(value.personId || value.rawName), {
    path: ['personId'],
    message: 'Select a person or enter their name',
    when: () => true,
  })
export type AttendanceForm = z.infer<typeof attendanceSchema>
export const ATTENDANCE_FIELDS = ['personId', 'rawName', 'capacity', 'status', 'roleAtMeeting', 'chaired']

export const declarationSchema = z.object({
  personId: z.uuid({ error: 'Select who declared the interest' }),
  agendaItemId: z.uuid({ error: 'Select the agenda item the interest relates to' }),
  type: z.enum(DECLARATION_TYPES, { error: 'Select the type of interest' }),
  nature: requiredText('Enter the nature of the interest', 2_000),
})
export type DeclarationForm = z.infer<typeof declarationSchema>

export const noDeclarationsSchema = z.object({
  none: z.enum(['yes', 'no'], { error: 'Select whether there were any declarations of interest' }),
})

/** The minute of an item, and its own number when the council numbers minutes apart from the agenda. */
export const itemMinuteSchema = z.object({
  minuteNumber: itemLabel('Minute number must be 20 characters or fewer'),
  minute: optionalText(50_000),
})
export type ItemMinuteForm = z.infer<typeof itemMinuteSchema>

export const resolutionSchema = z.object({
  text: requiredText('Enter what the committee agreed', 5_000),
  position: z
    .union([z.literal(''), z.coerce.number().int().min(1)])
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value)),
})
export type ResolutionForm = z.infer<typeof resolutionSchema>

export const endedAtSchema = z.object({
  endedAt: z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value?.trim()) return null
      const time = parseTimeOfDay(value)
      if (!time) context.addIssue({ code: 'custom', message: 'Enter the time the meeting ended, like 7:56pm or 19:56' })
      return time
    }),
})

export const approvalSchema = z.object({
  agendaItemId: z.uuid({ error: 'Select the meeting and agenda item at which the minutes were approved' }),
  amendment: optionalText(5_000),
})
export type ApprovalForm = z.infer<typeof approvalSchema>

export const unpublishSchema = z.object({
  reason: requiredText('Enter why the minutes are going back to draft', 1_000),
})

/** The open data API's meeting filter. */
export const meetingsQuerySchema = z
  .object({
    body: z.uuid({ error: 'body must be the id of a body' }).optional().describe('Only this body’s meetings'),
    from: isoDate('from must be a date in the format YYYY-MM-DD')
      .optional()
      .meta({ format: 'date', description: 'On or after this date (YYYY-MM-DD)' }),
    to: isoDate('to must be a date in the format YYYY-MM-DD')
      .optional()
      .meta({ format: 'date', description: 'On or before this date (YYYY-MM-DD)' }),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'to must be the same as or after from',
  })
