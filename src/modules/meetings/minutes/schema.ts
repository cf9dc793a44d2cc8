import { z } from 'zod'
import { checkbox, isoDate, optionalText, requiredText, tickedIds } from '#src/platform/forms/fields.ts'
import { parseTimeOfDay } from '#src/platform/forms/time-of-day.ts'
import type { AttendanceStatus, DeclarationCategory } from '../tables.ts'
import { itemLabel } from '../schema.ts'

export const CAPACITIES = ['member', 'co-opted member', 'substitute', 'cabinet member', 'officer', 'other'] as const
export const ATTENDANCE_STATUSES = [
  'present',
  'present remotely',
  'apologies',
  'absent',
  'expected',
  'in attendance',
] as const satisfies AttendanceStatus[]
/** The statuses of someone who took part: they may arrive late, leave early and declare an interest. */
export const ATTENDED_STATUSES: readonly AttendanceStatus[] = ['present', 'present remotely', 'in attendance']
export const DECLARATION_CATEGORIES = [
  'disclosable pecuniary interest',
  'other registrable interest',
  'non-registrable interest',
  'other',
] as const satisfies DeclarationCategory[]
export const LEFT_ROOM_ANSWERS = ['yes', 'no', 'not recorded'] as const

const uuidOrBlank = z
  .union([z.literal(''), z.uuid()])
  .optional()
  .transform((value) => (value ? value : null))

export const attendanceSchema = z
  .object({
    personId: uuidOrBlank,
    rawName: optionalText(200),
    capacity: z.enum(CAPACITIES, { error: 'Select the capacity they attended in' }),
    substituteForId: uuidOrBlank,
    status: z.enum(ATTENDANCE_STATUSES, { error: 'Select their attendance' }),
    arrivedAtItem: optionalText(20),
    leftAtItem: optionalText(20),
    roleAtMeeting: optionalText(300),
    chaired: checkbox,
  })
  // Runs even when other answers are missing, so every error shows at once.
  .refine((value) => Boolean(value.personId || value.rawName), {
    path: ['personId'],
    message: 'Select a person or enter their name',
    when: () => true,
  })
  .refine((value) => value.capacity !== 'substitute' || Boolean(value.substituteForId), {
    path: ['substituteForId'],
    message: 'Select the member they substituted for',
    when: () => true,
  })
  .refine((value) => !value.arrivedAtItem || ATTENDED_STATUSES.includes(value.status), {
    path: ['arrivedAtItem'],
    message: 'Only enter when they arrived if they were present or in attendance',
  })
  .refine((value) => !value.leftAtItem || ATTENDED_STATUSES.includes(value.status), {
    path: ['leftAtItem'],
    message: 'Only enter when they left if they were present or in attendance',
  })
  // The member is asked only under "Substitute": an answer left behind after changing the capacity is not one.
  .transform((value) => ({ ...value, substituteForId: value.capacity === 'substitute' ? value.substituteForId : null }))
export type AttendanceForm = z.infer<typeof attendanceSchema>
export const ATTENDANCE_FIELDS = [
  'personId',
  'rawName',
  'capacity',
  'substituteForId',
  'status',
  'arrivedAtItem',
  'leftAtItem',
  'roleAtMeeting',
  'chaired',
]

export const declarationSchema = z
  .object({
    personId: z.uuid({ error: 'Select who declared the interest' }),
    itemIds: tickedIds('Select agenda items from the list'),
    category: z.enum(DECLARATION_CATEGORIES, { error: 'Select the category of interest' }),
    categoryLabel: optionalText(100),
    nature: requiredText('Enter the nature of the interest', 2_000),
    leftRoom: z
      .enum(LEFT_ROOM_ANSWERS, { error: 'Select whether they left the room, or that the minutes do not say' })
      .transform((answer) => (answer === 'not recorded' ? null : answer === 'yes')),
    dispensation: optionalText(1_000),
  })
  .refine((value) => value.category !== 'other' || Boolean(value.categoryLabel?.trim()), {
    path: ['categoryLabel'],
    message: 'Enter the council’s name for the interest',
    when: () => true,
  })
  // The label is asked only under "Other": one left behind after changing the category is not an answer.
  .transform((value) => ({ ...value, categoryLabel: value.category === 'other' ? value.categoryLabel : '' }))
export type DeclarationForm = z.infer<typeof declarationSchema>
export const DECLARATION_FIELDS = [
  'personId',
  'itemIds',
  'category',
  'categoryLabel',
  'nature',
  'leftRoom',
  'dispensation',
]

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
