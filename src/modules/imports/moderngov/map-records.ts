import { minutesText } from './minutes-text.ts'
import type {
  NotMapped,
  PlannedAttendance,
  PlannedBody,
  PlannedDocument,
  PlannedItem,
  PlannedMeeting,
  PlannedPerson,
  Source,
} from './plan.ts'
import type {
  MgAttendee,
  MgCommittee,
  MgCouncillor,
  MgDocument,
  MgItem,
  MgMeeting,
  MgMeetingSummary,
  SourceRef,
} from './responses.ts'
import {
  attendanceCapacity,
  attendanceStatus,
  bodyKind,
  clockTime,
  exemptParagraph,
  isoDate,
  meetingStatus,
  splitHonorific,
} from './vocabulary.ts'

/** A record mapped, with what of it could not be (kept or dropped, the reason is said). */
export type Mapped<T> = { record: T | null; notMapped: NotMapped[] }

export function sourceOf(ref: SourceRef): Source {
  return { system: 'moderngov', id: ref.id, file: ref.file }
}

function note(ref: SourceRef, reason: string): NotMapped {
  return { file: ref.file, record: ref.record, id: ref.id, reason }
}

export function mapCommittee(committee: MgCommittee): Mapped<PlannedBody> {
  if (!committee.title) return { record: null, notMapped: [note(committee, 'it has no title')] }
  if (committee.deleted) return { record: null, notMapped: [note(committee, 'Modern.gov marks it deleted')] }
  const kind = bodyKind(committee.title, committee.category)
  const notMapped = kind
    ? []
    : [note(committee, 'its kind cannot be told from its title or category: planned as a committee')]
  if (committee.expired)
    notMapped.push(note(committee, 'Modern.gov marks it expired, without a date: planned without a dissolution date'))
  return { record: { source: sourceOf(committee), name: committee.title, kind: kind ?? 'committee' }, notMapped }
}

export function mapCouncillor(councillor: MgCouncillor): Mapped<PlannedPerson> {
  if (!councillor.name) return { record: null, notMapped: [note(councillor, 'it has no name')] }
  const { honorific, name } = splitHonorific(councillor.name)
  const notMapped: NotMapped[] = []
  const termStartsOn = councillor.termStart ? isoDate(councillor.termStart) : null
  if (councillor.termStart && !termStartsOn)
    notMapped.push(note(councillor, `term start "${councillor.termStart}" is not a date`))
  // The service writes "unspecified" for a term with no end; only a date is kept.
  const termEndsOn = councillor.termEnd ? isoDate(councillor.termEnd) : null
  return {
    record: {
      source: sourceOf(councillor),
      name,
      honorific,
      kind: 'councillor',
      party: councillor.party || null,
      ward: councillor.ward || null,
      termStartsOn,
      termEndsOn,
    },
    notMapped,
  }
}

/** A meeting from GetMeeting, or from a GetMeetings list when its own response is not in the folder. */
export function mapMeeting(meeting: MgMeetingSummary | MgMeeting, today: string): Mapped<PlannedMeeting> {
  const date = isoDate(meeting.date)
  if (!date) return { record: null, notMapped: [note(meeting, `its date "${meeting.date}" is not a date`)] }
  const notMapped: NotMapped[] = []
  const time = (text: string, what: string) => {
    const value = text ? clockTime(text) : null
    if (text && !value) notMapped.push(note(meeting, `its ${what} "${text}" is not a time`))
    return value
  }
  const full = 'items' in meeting ? meeting : null
  return {
    record: {
      source: sourceOf(meeting),
      bodyId: meeting.committeeId,
      date,
      // GetMeetings may give the time inside the date ("14/03/2024 18:00").
      startTime: time(meeting.time || meeting.date.slice(10).trim(), 'start time'),
      endTime: time(full?.endTime ?? '', 'finish time'),
      venue: meeting.location,
      status: meetingStatus(meeting.status, date, today),
      webcastUrl: full?.webcastUrl || null,
    },
    notMapped,
  }
}

export function mapItem(item: MgItem, meetingId: string, position: number): Mapped<PlannedItem> {
  if (!item.title) return { record: null, notMapped: [note(item, 'it has no title')] }
  const notMapped: NotMapped[] = []
  const paragraph = item.restricted ? exemptParagraph(item.text) : null
  if (item.restricted && paragraph === null)
    notMapped.push(
      note(item, 'restricted without the paragraph of Schedule 12A: planned as exempt, paragraph to be chosen'),
    )
  const number = item.displayNumber || [item.number, item.subNumber].join('') || null
  return {
    record: {
      source: sourceOf(item),
      meetingId,
      number,
      position,
      minuteNumber: item.minuteNumber || null,
      title: item.title,
      purpose: item.text,
      exempt: item.restricted,
      exemptParagraph: paragraph,
      // Minutes not yet published on the council's site stay unpublished here.
      minute: item.minutesPublished ? minutesText(item.minutesHtml) : '',
    },
    notMapped,
  }
}

/** An attendee: the person is a councillor's id when the folder has them, else a name only. */
export function mapAttendee(
  attendee: MgAttendee,
  meetingId: string,
  position: number,
  personIds: ReadonlySet<string>,
): Mapped<PlannedAttendance> {
  const status = attendanceStatus(attendee.attendance)
  if (!status)
    return {
      record: null,
      notMapped: [note(attendee, `attendance "${attendee.attendance}" is not one the record keeps`)],
    }
  return {
    record: {
      source: sourceOf(attendee),
      meetingId,
      personId: personIds.has(attendee.id) ? attendee.id : null,
      rawName: attendee.name,
      capacity: attendanceCapacity(attendee.role, attendee.attendance),
      status,
      roleAtMeeting: attendee.role,
      chaired: /^chair/i.test(attendee.role) && (status === 'present' || status === 'present remotely'),
      position,
    },
    notMapped: [],
  }
}

export function mapDocument(document: MgDocument, itemId: string): Mapped<PlannedDocument> {
  if (!document.url) return { record: null, notMapped: [note(document, 'it has no address to fetch it from')] }
  const publishedOn = document.publicationDate ? isoDate(document.publicationDate) : null
  return {
    record: {
      source: sourceOf(document),
      itemId,
      title: document.title || document.url,
      publishedOn,
      restricted: document.restricted,
      sourceAddress: document.url,
      file: null,
      missing: null,
    },
    notMapped: [],
  }
}
