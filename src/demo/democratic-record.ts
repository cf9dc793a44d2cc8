import type { Trx } from '#src/database.ts'
import { DEMO_BODIES, DEMO_MEMBERSHIPS, DEMO_PEOPLE_RECORDS } from './bodies-and-people.ts'
import { MEETING_2018_04_12 } from './meeting-2018-04-12.ts'
import { MEETING_2023_09_21 } from './meeting-2023-09-21.ts'
import { MEETING_2023_11_09 } from './meeting-2023-11-09.ts'
import { MEETING_2024_01_25, MEETING_2024_03_27 } from './meeting-2024-01-25.ts'
import { meetingSlug, type DemoExemption, type DemoMeeting, type DemoReport } from './record-shapes.ts'

/** People the demo accounts stand for, by slug. */
export const DEMO_PEOPLE = {
  member: 'flanagan',
  officer: 'chris-coyle',
  scrutinyOfficer: 'sharon-davis',
} as const

export const DEMO_MEETINGS: DemoMeeting[] = [
  MEETING_2018_04_12,
  MEETING_2023_09_21,
  MEETING_2023_11_09,
  MEETING_2024_01_25,
  MEETING_2024_03_27,
]

type Ids = Map<string, string>

function idOf(ids: Ids, key: string): string {
  const id = ids.get(key)
  if (!id) throw new Error(`Demo data refers to "${key}", which is not in the dataset`)
  return id
}

function exemptColumns(exempt: DemoExemption | undefined) {
  return {
    exemptParagraph: exempt?.paragraph ?? null,
    exemptReason: exempt?.reason ?? null,
    exemptReviewOn: exempt?.reviewOn ?? null,
  }
}

const itemKey = (meeting: string, number: number) => `${meeting}#${number}`

/**
 * Inserts the committee's democratic record, facts from the council's published papers: bodies,
 * people, memberships, meetings, agenda items, reports and appendices, minutes with attendance and
 * resolutions. Expects an empty database; writes only through `trx`.
 */
export async function insertDemoRecord(trx: Trx): Promise<void> {
  const bodies = slugToId(await trx.insertInto('bodies').values(DEMO_BODIES).returning(['id', 'slug']).execute())
  const people = slugToId(
    await trx
      .insertInto('people')
      .values(DEMO_PEOPLE_RECORDS.map((person) => ({ ...person, email: person.email ?? null })))
      .returning(['id', 'slug'])
      .execute(),
  )
  await trx
    .insertInto('memberships')
    .values(
      DEMO_MEMBERSHIPS.map((membership) => ({
        bodyId: idOf(bodies, membership.body),
        personId: idOf(people, membership.person),
        role: membership.role,
        startsOn: membership.startsOn ?? null,
        endsOn: membership.endsOn ?? null,
      })),
    )
    .execute()

  const meetings: Ids = new Map()
  const items: Ids = new Map()
  for (const meeting of DEMO_MEETINGS) {
    const slug = meetingSlug(meeting)
    const { id } = await trx
      .insertInto('meetings')
      .values({
        slug,
        bodyId: idOf(bodies, meeting.body),
        date: meeting.date,
        startTime: meeting.startTime,
        venue: meeting.venue,
        status: meeting.status,
        notes: meeting.notes ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    meetings.set(slug, id)
    for (const item of meeting.items) {
      const inserted = await trx
        .insertInto('agendaItems')
        .values({
          meetingId: id,
          number: item.number,
          title: item.title,
          purpose: item.purpose,
          pageFrom: item.pages?.[0] ?? null,
          pageTo: item.pages?.[1] ?? null,
          minute: item.minute ?? '',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      items.set(itemKey(slug, item.number), inserted.id)
      if (item.resolutions?.length) {
        await trx
          .insertInto('resolutions')
          .values(item.resolutions.map((text, index) => ({ agendaItemId: inserted.id, number: index + 1, text })))
          .execute()
      }
      if (item.report) await insertReport(trx, inserted.id, item.report)
    }
  }

  // Minutes last: approval points at a later meeting's agenda item.
  for (const meeting of DEMO_MEETINGS) {
    if (!meeting.minutes) continue
    const meetingId = idOf(meetings, meetingSlug(meeting))
    const { approvedAt, attendance } = meeting.minutes
    await trx
      .insertInto('minutes')
      .values({
        meetingId,
        status: meeting.minutes.status,
        noDeclarations: meeting.minutes.noDeclarations,
        endedAtTime: meeting.minutes.endedAtTime,
        publishedAt: meeting.minutes.publishedAt,
        approvedAtMeetingId: approvedAt ? idOf(meetings, approvedAt.meeting) : null,
        approvedAtItemId: approvedAt ? idOf(items, itemKey(approvedAt.meeting, approvedAt.item)) : null,
        approvedOn: approvedAt?.on ?? null,
        approvalAmendment: '',
      })
      .execute()
    await trx
      .insertInto('attendance')
      .values(
        attendance.map((row, position) => ({
          meetingId,
          personId: row.person ? idOf(people, row.person) : null,
          rawName: row.rawName,
          capacity: row.capacity,
          status: row.status,
          roleAtMeeting: row.roleAtMeeting ?? '',
          chaired: row.chaired ?? false,
          position,
        })),
      )
      .execute()
  }
}

function slugToId(rows: { id: string; slug: string }[]): Ids {
  return new Map(rows.map((row) => [row.slug, row.id]))
}

async function insertReport(trx: Trx, agendaItemId: string, report: DemoReport) {
  const { appendices, recommendations, ...fields } = report
  const { id: reportId } = await trx
    .insertInto('reports')
    .values({ ...fields, agendaItemId, recommendations: JSON.stringify(recommendations) })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (!appendices.length) return
  await trx
    .insertInto('appendices')
    .values(
      appendices.map((appendix, position) => ({
        reportId,
        position,
        label: appendix.label,
        title: appendix.title,
        body: appendix.body,
        ...exemptColumns(appendix.exempt),
      })),
    )
    .execute()
}
