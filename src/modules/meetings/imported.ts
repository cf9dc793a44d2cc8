import type { Trx } from '#src/database.ts'
import { meetingSlug } from './meeting-slug.ts'
import type { AgendaItemsTable, AttendanceTable, MeetingsTable } from './tables.ts'

export type ImportedMeeting = Pick<
  MeetingsTable,
  'bodyId' | 'date' | 'startTime' | 'endTime' | 'venue' | 'status' | 'webcastUrl'
>
export type ImportedAttendance = Pick<
  AttendanceTable,
  'personId' | 'rawName' | 'capacity' | 'status' | 'roleAtMeeting' | 'chaired' | 'position'
>
export type ImportedItem = Pick<
  AgendaItemsTable,
  'number' | 'position' | 'minuteNumber' | 'title' | 'purpose' | 'minute' | 'exemptParagraph' | 'exemptReason'
>

/**
 * Writes a meeting another system's record gives, inside the import's transaction (which audits it), as
 * the demo's loader does (ADR 9). Its agenda counts as published: the other system published it.
 */
export async function insertImportedMeeting(trx: Trx, meeting: ImportedMeeting, bodySlug: string) {
  const base = meetingSlug(meeting.date, bodySlug)
  const taken = (await trx.selectFrom('meetings').select('slug').where('slug', 'like', `${base}%`).execute()).map(
    (row) => row.slug,
  )
  return trx
    .insertInto('meetings')
    .values({
      ...meeting,
      slug: meetingSlug(meeting.date, bodySlug, taken),
      notes: '',
      agendaPublishedOn: meeting.date,
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow()
}

export async function insertImportedItem(trx: Trx, meetingId: string, item: ImportedItem) {
  return trx
    .insertInto('agendaItems')
    .values({ ...item, meetingId, pageFrom: null, pageTo: null, exemptReviewOn: null })
    .returning(['id'])
    .executeTakeFirstOrThrow()
}

/** Who the other system lists at the meeting; whom a substitute replaced and late arrivals it does not say. */
export async function insertImportedAttendance(trx: Trx, meetingId: string, attendance: ImportedAttendance) {
  return trx
    .insertInto('attendance')
    .values({ ...attendance, meetingId, substituteForId: null, arrivedAtItem: '', leftAtItem: '' })
    .returning(['id'])
    .executeTakeFirstOrThrow()
}
