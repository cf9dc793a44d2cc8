import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import {
  type DemoLookup,
  demoDate,
  demoExemption,
  demoLookup,
  demoSlug,
  demoText,
  demoTime,
  exemptColumns,
} from '#src/platform/demo/records.ts'
import { meetingSlug } from './meeting-slug.ts'
import { WITHIN_BUDGET } from './reports/schema.ts'
import { MEETING_STATUSES, MEETING_TYPES } from './schema.ts'

/** A report in the council's standard template, with its appendices, for item `item` of the meeting `meeting`. */
const report = z.strictObject({
  meeting: demoSlug,
  item: z.int().min(1),
  title: demoText,
  reportTo: z.string(),
  relevantOfficer: z.string(),
  meetingDate: demoDate.nullable(),
  purpose: z.string(),
  recommendations: z.array(demoText),
  reasons: z.string(),
  contraryToPlan: z.boolean().nullable(),
  withinBudget: z.enum(WITHIN_BUDGET).nullable(),
  alternativeOptions: z.string(),
  councilPriorities: z.string(),
  background: z.string(),
  financial: z.string(),
  legal: z.string(),
  humanResources: z.string(),
  risk: z.string(),
  equalities: z.string(),
  sustainability: z.string(),
  consultation: z.string(),
  backgroundPapers: z.string(),
  appendices: z.array(
    z.strictObject({ label: demoText, title: demoText, body: z.string(), exempt: demoExemption.optional() }),
  ),
})

/**
 * An agenda item, in the order of the agenda: `number` is the one the papers give it (other records
 * name the item by it), `pages` its first and last page in the agenda pack; `minute` what the minutes say of it.
 * `publicParticipation` marks the item at which the public may speak; `noRequestsToSpeak` that the
 * minutes record no one asked to (the database refuses it on any other item).
 */
export const demoAgendaItemSchema = z.strictObject({
  number: z.int().min(1),
  title: demoText,
  purpose: z.string(),
  pages: z.tuple([z.int().min(1), z.int().min(1)]).optional(),
  minute: z.string().default(''),
  publicParticipation: z.boolean().default(false),
  noRequestsToSpeak: z.boolean().default(false),
})

/** A meeting of the body with slug `body`, and its agenda. Its address comes from its date and body. */
export const demoMeetingSchema = z.strictObject({
  body: demoSlug,
  date: demoDate,
  startTime: demoTime.nullable(),
  venue: z.string(),
  type: z.enum(MEETING_TYPES).default('ordinary'),
  /** Who the agenda names for queries about it. */
  contact: z.string().default(''),
  status: z.enum(MEETING_STATUSES),
  /** Why it was cancelled or postponed. */
  statusReason: z.string().default(''),
  notes: z.string().default(''),
  /** When its agenda was published; null while it is a draft, which only staff see. */
  agendaPublishedOn: demoDate.nullable(),
  items: z.array(demoAgendaItemSchema),
})

/** The demo's meetings, with their agendas, and the reports to their items (ADR 9). */
export const demoMeetingsSchema = z.strictObject({ meetings: z.array(demoMeetingSchema), reports: z.array(report) })

export type DemoMeetings = z.output<typeof demoMeetingsSchema>

/**
 * Inserts the demo's meetings with their agenda items, then the reports and their appendices. Returns
 * lookups from a meeting's slug to its id, and from a meeting's slug and an item's number to the item's id.
 */
export async function loadDemoMeetings(trx: Trx, records: DemoMeetings, refs: { bodyId: DemoLookup }) {
  const slugs = records.meetings.map((meeting) => meetingSlug(meeting.date, meeting.body))
  const meetings = await trx
    .insertInto('meetings')
    .values(
      records.meetings.map(({ items: _, body, ...meeting }, at) => ({
        ...meeting,
        slug: slugs[at],
        bodyId: refs.bodyId(body),
      })),
    )
    .returning(['id', 'slug'])
    .execute()
  const meetingId = demoLookup(
    'the meeting',
    meetings.map((row) => [row.slug, row.id] as const),
  )
  const items = records.meetings.flatMap((meeting, at) =>
    meeting.items.map(({ pages, number, ...item }, index) => ({
      ...item,
      number: String(number),
      position: index + 1,
      meetingId: meetingId(slugs[at]),
      pageFrom: pages?.[0] ?? null,
      pageTo: pages?.[1] ?? null,
    })),
  )
  const slugOf = new Map(meetings.map((row) => [row.id, row.slug]))
  const inserted = items.length
    ? await trx.insertInto('agendaItems').values(items).returning(['id', 'meetingId', 'number']).execute()
    : []
  const itemId = demoLookup(
    'the agenda item',
    inserted.map((row) => [`${slugOf.get(row.meetingId)} item ${row.number}`, row.id] as const),
  )
  const agendaItemId = (meeting: string, number: number) => itemId(`${meeting} item ${number}`)
  await insertReports(trx, records.reports, agendaItemId)
  return { meetingId, agendaItemId }
}

async function insertReports(
  trx: Trx,
  reports: DemoMeetings['reports'],
  agendaItemId: (meeting: string, number: number) => string,
) {
  if (reports.length === 0) return
  const itemIds = reports.map((report) => agendaItemId(report.meeting, report.item))
  const inserted = await trx
    .insertInto('reports')
    .values(
      reports.map(({ meeting: _meeting, item: _item, appendices: _appendices, recommendations, ...report }, at) => ({
        ...report,
        agendaItemId: itemIds[at],
        recommendations: JSON.stringify(recommendations),
      })),
    )
    .returning(['id', 'agendaItemId'])
    .execute()
  const reportId = new Map(inserted.map((row) => [row.agendaItemId, row.id]))
  const appendices = reports.flatMap((report, at) =>
    report.appendices.map(({ exempt, ...appendix }, position) => ({
      ...appendix,
      reportId: reportId.get(itemIds[at])!,
      position,
      ...exemptColumns(exempt),
    })),
  )
  if (appendices.length > 0) await trx.insertInto('appendices').values(appendices).execute()
}
