import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import { type DemoLookup, demoDate, demoLookup, demoSlug, demoText, demoTime } from '#src/platform/demo/records.ts'
import type { MinutesStatus } from '../tables.ts'
import { ATTENDANCE_STATUSES, CAPACITIES } from './schema.ts'

const MINUTES_STATUSES = ['draft', 'published', 'approved'] as const satisfies MinutesStatus[]

/** Who was there, in the order the minutes list them; `person` is null for a name no record matches. */
const attendance = z.strictObject({
  person: demoSlug.nullable(),
  rawName: demoText,
  capacity: z.enum(CAPACITIES),
  status: z.enum(ATTENDANCE_STATUSES),
  roleAtMeeting: z.string().default(''),
  chaired: z.boolean().default(false),
  /** The item at which they arrived late or left early, as the papers number it. */
  arrivedAtItem: z.string().max(20).default(''),
  leftAtItem: z.string().max(20).default(''),
})

/** The minutes of the meeting with slug `meeting`; `approvedAt` is the later meeting's item that approved them. */
export const demoMeetingMinutesSchema = z.strictObject({
  meeting: demoSlug,
  status: z.enum(MINUTES_STATUSES),
  noDeclarations: z.boolean(),
  endedAtTime: demoTime.nullable(),
  publishedAt: z.iso.datetime().nullable(),
  approvedAt: z.strictObject({ meeting: demoSlug, item: z.int().min(1), on: demoDate }).optional(),
  attendance: z.array(attendance),
})

/** What the meeting agreed at one agenda item, in order: "The Committee agreed: 1. …, 2. …". */
const resolutions = z.strictObject({ meeting: demoSlug, item: z.int().min(1), texts: z.array(demoText).min(1) })

/** The demo's minutes and resolutions (ADR 9). */
export const demoMinutesSchema = z.strictObject({
  minutes: z.array(demoMeetingMinutesSchema),
  resolutions: z.array(resolutions),
})

export type DemoMinutes = z.output<typeof demoMinutesSchema>

/**
 * Inserts the demo's resolutions, then its minutes with their attendance (ADR 9). Returns a lookup
 * from a meeting's slug, an item's number and a resolution's number to the resolution's id.
 */
export async function loadDemoMinutes(
  trx: Trx,
  records: DemoMinutes,
  refs: { meetingId: DemoLookup; agendaItemId: (meeting: string, item: number) => string; personId: DemoLookup },
) {
  const resolutions = records.resolutions.flatMap(({ meeting, item, texts }) =>
    texts.map((text, index) => ({
      key: `${meeting} item ${item} resolution ${index + 1}`,
      row: { agendaItemId: refs.agendaItemId(meeting, item), number: index + 1, text },
    })),
  )
  const inserted = resolutions.length
    ? await trx
        .insertInto('resolutions')
        .values(resolutions.map(({ row }) => row))
        .returning(['id', 'agendaItemId', 'number'])
        .execute()
    : []
  const idOf = new Map(inserted.map((row) => [`${row.agendaItemId} ${row.number}`, row.id]))
  const resolutionId = demoLookup(
    'the resolution',
    resolutions.map(({ key, row }) => [key, idOf.get(`${row.agendaItemId} ${row.number}`)!] as const),
  )
  if (records.minutes.length > 0) {
    await trx
      .insertInto('minutes')
      .values(
        records.minutes.map(({ meeting, approvedAt, attendance: _attendance, ...minutes }) => ({
          ...minutes,
          meetingId: refs.meetingId(meeting),
          approvedAtMeetingId: approvedAt ? refs.meetingId(approvedAt.meeting) : null,
          approvedAtItemId: approvedAt ? refs.agendaItemId(approvedAt.meeting, approvedAt.item) : null,
          approvedOn: approvedAt?.on ?? null,
          approvalAmendment: '',
        })),
      )
      .execute()
  }
  const attendance = records.minutes.flatMap(({ meeting, attendance: rows }) =>
    rows.map(({ person, ...row }, position) => ({
      ...row,
      meetingId: refs.meetingId(meeting),
      personId: person === null ? null : refs.personId(person),
      position,
    })),
  )
  if (attendance.length > 0) await trx.insertInto('attendance').values(attendance).execute()
  return {
    resolutionId: (meeting: string, item: number, number: number) =>
      resolutionId(`${meeting} item ${item} resolution ${number}`),
  }
}
