import type { Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import { meetingSlug } from './meeting-slug.ts'
import { isVenueChange } from './venue-change.ts'
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

/*
 * A later import reads the imported fields of a record as they are here, to tell an edit made here from
 * a change made in the other system, and writes a change only to a record not edited here since. A
 * meeting keeps its slug, so its address does not change; its version goes up, so an edit form opened
 * before is told.
 */

const meetingFields = ['bodyId', 'date', 'startTime', 'endTime', 'venue', 'status', 'webcastUrl'] as const

export function findImportedMeeting(trx: Trx, id: string): Promise<ImportedMeeting | undefined> {
  return trx.selectFrom('meetings').select(meetingFields).where('id', '=', id).executeTakeFirst()
}

/**
 * The meeting as the other system now gives it. A meeting yet to take place whose announced venue moves
 * keeps the change, as an edit here does, so the public is told where it now is; a past meeting's venue
 * is a correction.
 */
export async function updateImportedMeeting(
  trx: Trx,
  id: string,
  meeting: ImportedMeeting,
  before: ImportedMeeting,
  today: string,
) {
  const after = await trx
    .updateTable('meetings')
    .set({ ...meeting, version: nextVersion() })
    .where('id', '=', id)
    .returning(['id', ...meetingFields])
    .executeTakeFirstOrThrow()
  if (after.date >= today && isVenueChange(before.venue, after.venue))
    await trx
      .insertInto('meetingVenueChanges')
      .values({
        meetingId: id,
        fromVenue: before.venue,
        toVenue: after.venue,
        changedOn: today,
        reason: 'Changed in the system it was imported from',
      })
      .execute()
  return after
}

const itemFields = [
  'number',
  'position',
  'minuteNumber',
  'title',
  'purpose',
  'minute',
  'exemptParagraph',
  'exemptReason',
] as const

export function findImportedItem(trx: Trx, id: string): Promise<ImportedItem | undefined> {
  return trx.selectFrom('agendaItems').select(itemFields).where('id', '=', id).executeTakeFirst()
}

/** The item's fields; its place is the caller's, who knows which places the meeting's other items take. */
export function updateImportedItem(trx: Trx, id: string, item: ImportedItem) {
  return trx
    .updateTable('agendaItems')
    .set(item)
    .where('id', '=', id)
    .returning(['id', ...itemFields])
    .executeTakeFirstOrThrow()
}

const attendanceFields = ['personId', 'rawName', 'capacity', 'status', 'roleAtMeeting', 'chaired', 'position'] as const

export function findImportedAttendance(trx: Trx, id: string): Promise<ImportedAttendance | undefined> {
  return trx.selectFrom('attendance').select(attendanceFields).where('id', '=', id).executeTakeFirst()
}

export function updateImportedAttendance(trx: Trx, id: string, attendance: ImportedAttendance) {
  return trx
    .updateTable('attendance')
    .set(attendance)
    .where('id', '=', id)
    .returning(['id', ...attendanceFields])
    .executeTakeFirstOrThrow()
}

/**
 * Minutes the other system has published, as published here, so that the imported item minutes show on
 * the meeting's public page and in search. Minutes already here (a draft begun here, say) are left as
 * they are; undefined then. Their approval the other system does not say, so it is not recorded.
 */
export function insertImportedMinutes(trx: Trx, meetingId: string, publishedAt: Date) {
  return trx
    .insertInto('minutes')
    .values({ meetingId, status: 'published', noDeclarations: false, publishedAt, approvalAmendment: '' })
    .onConflict((oc) => oc.column('meetingId').doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** The meetings whose minutes were approved here as a correct record, which an import may not change. */
export async function meetingsWithApprovedMinutes(trx: Trx): Promise<Set<string>> {
  const rows = await trx.selectFrom('minutes').select('meetingId').where('status', '=', 'approved').execute()
  return new Set(rows.map((row) => row.meetingId))
}
