import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import { type DemoLookup, demoDate, demoMonth, demoSlug, demoText } from '#src/platform/demo/records.ts'
import { KINDS, ORIGINS, STATUSES } from './schema.ts'

/**
 * One topic, scheduled to a meeting (by slug, with the number of the agenda item made from it), to a
 * month (with the day when known), or to neither: to be confirmed.
 */
const item = z
  .strictObject({
    title: demoText,
    description: z.string().default(''),
    meeting: demoSlug.optional(),
    agendaItem: z.int().min(1).optional(),
    month: demoMonth.optional(),
    on: demoDate.optional(),
    timingNote: z.string().default(''),
    kind: z.enum(KINDS),
    origin: z.enum(ORIGINS),
    originNote: z.string().default(''),
    status: z.enum(STATUSES),
    leadOfficer: z.string().default(''),
  })
  .refine((topic) => !(topic.meeting && topic.month), 'A topic is scheduled to a meeting or to a month, not both')
  .refine((topic) => !topic.agendaItem || topic.meeting, 'An agenda item needs its meeting')
  .refine((topic) => !topic.on || topic.on.startsWith(`${topic.month}-`), 'The day must be in the month')

/** The demo's work programme of the body with slug `body`, in the order the programme lists it (ADR 9). */
export const demoWorkProgrammeSchema = z.strictObject({ body: demoSlug, items: z.array(item) })

export type DemoWorkProgramme = z.output<typeof demoWorkProgrammeSchema>

export async function loadDemoWorkProgramme(
  trx: Trx,
  records: DemoWorkProgramme,
  refs: { bodyId: DemoLookup; meetingId: DemoLookup; agendaItemId: (meeting: string, item: number) => string },
): Promise<void> {
  if (records.items.length === 0) return
  const bodyId = refs.bodyId(records.body)
  await trx
    .insertInto('workProgrammeItems')
    .values(
      records.items.map(({ meeting, agendaItem, month, on, ...topic }, index) => ({
        ...topic,
        bodyId,
        meetingId: meeting ? refs.meetingId(meeting) : null,
        agendaItemId: meeting && agendaItem ? refs.agendaItemId(meeting, agendaItem) : null,
        scheduledMonth: month ?? null,
        scheduledOn: on ?? null,
        position: index + 1,
      })),
    )
    .execute()
}
