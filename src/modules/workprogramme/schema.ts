import { z } from 'zod'
import { optionalText, requiredText } from '#src/platform/forms/fields.ts'
import { paperFormatField } from '#src/platform/papers/query.ts'
import { monthOrDateField } from './month-or-date.ts'
import type { WorkProgrammeKind, WorkProgrammeOrigin, WorkProgrammeStatus } from './tables.ts'

/** Run the cross-field checks even when other answers are wrong, so every error shows at once. */
const always = { when: () => true }

export const KINDS = [
  'committee item',
  'scrutiny review',
  'briefing or training',
  'informal meeting',
] as const satisfies WorkProgrammeKind[]
export const ORIGINS = [
  'member request',
  'recommendation',
  'forward plan item',
  'inspection finding',
] as const satisfies WorkProgrammeOrigin[]
export const STATUSES = ['planned', 'scheduled', 'done', 'dropped'] as const satisfies WorkProgrammeStatus[]

export const KIND_LABELS: Record<WorkProgrammeKind, string> = {
  'committee item': 'Committee item',
  'scrutiny review': 'Scrutiny review',
  'briefing or training': 'Briefing or training',
  'informal meeting': 'Informal meeting',
}

export const ORIGIN_LABELS: Record<WorkProgrammeOrigin, string> = {
  'member request': 'Member request',
  recommendation: 'Recommendation',
  'forward plan item': 'Forward plan item',
  'inspection finding': 'Inspection finding',
}

export const STATUS_TAGS: Record<WorkProgrammeStatus, { text: string; classes: string }> = {
  planned: { text: 'Planned', classes: 'govuk-tag--blue' },
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--purple' },
  done: { text: 'Done', classes: 'govuk-tag--green' },
  dropped: { text: 'Dropped', classes: 'govuk-tag--grey' },
}

export const FIELD_IDS = { when: 'when-day', schedule: 'schedule', kind: 'kind', origin: 'origin', status: 'status' }

export const workProgrammeSchema = z
  .object({
    title: requiredText('Enter the title of the item', 300),
    description: optionalText(5_000),
    kind: z.enum(KINDS, { error: 'Select what kind of item this is' }),
    schedule: z.enum(['meeting', 'month', 'tbc'], { error: 'Select when the item is planned for' }),
    meetingId: z.string().optional(),
    when: monthOrDateField({ invalid: 'Enter a real month and year, like 6 2024, and a real day if you know it' }),
    timingNote: optionalText(200),
    origin: z.enum(ORIGINS, { error: 'Select where the item came from' }),
    originNote: optionalText(500),
    status: z.enum(STATUSES, { error: 'Select the status of the item' }),
    leadOfficer: optionalText(300),
  })
  .superRefine((value, ctx) => {
    if (value.schedule === 'meeting' && !/^[0-9a-f-]{36}$/.test(value.meetingId ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['meetingId'], message: 'Select the meeting' })
    }
    if (value.schedule === 'month' && !value.when) {
      ctx.addIssue({ code: 'custom', path: ['when'], message: 'Enter the month and year' })
    }
  }, always)
  .transform(({ schedule, meetingId, when, ...rest }) => ({
    ...rest,
    meetingId: schedule === 'meeting' ? meetingId! : null,
    scheduledMonth: schedule === 'month' ? (when?.month ?? null) : null,
    scheduledOn: schedule === 'month' ? (when?.on ?? null) : null,
  }))
export type WorkProgrammeForm = z.infer<typeof workProgrammeSchema>

export const viewQuerySchema = z.object({
  view: z.enum(['grouped', 'table']).catch('grouped').default('grouped'),
  format: paperFormatField,
})

export const apiQuerySchema = z.object({
  body: z
    .uuid({ error: 'body must be the id of a body, from /api/v1/bodies' })
    .optional()
    .describe('Only this body’s work programme'),
})
