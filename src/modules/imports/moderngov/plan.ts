import type { BodiesTables } from '#src/modules/bodies/index.ts'
import type { MeetingsTables } from '#src/modules/meetings/index.ts'

/** Where a planned record comes from: the council's own id for it in Modern.gov, and the file or address giving it. */
export interface Source {
  system: 'moderngov'
  id: string
  file: string
}

/** Each planned record carries the columns of its table, by their names and types there, and its source. */
type Columns<Table, Name extends keyof Table> = Pick<Table, Name> & { source: Source }

export type PlannedBody = Columns<BodiesTables['bodies'], 'name' | 'kind'>

export type PlannedPerson = Columns<
  BodiesTables['people'],
  'name' | 'honorific' | 'party' | 'ward' | 'termStartsOn' | 'termEndsOn'
> & { kind: 'councillor' | 'co-opted member' }

/** Ids between planned records are the council's own (Modern.gov's), until the records are written. */
export type PlannedMembership = Columns<BodiesTables['memberships'], 'bodyId' | 'personId' | 'role'>

export type PlannedMeeting = Columns<
  MeetingsTables['meetings'],
  'bodyId' | 'date' | 'startTime' | 'endTime' | 'venue' | 'status' | 'webcastUrl'
>

/** `number` is the council's own, as it prints it ('4a', 'A1', '9.'); `exempt` stands even without a paragraph. */
export type PlannedItem = Columns<
  MeetingsTables['agendaItems'],
  'meetingId' | 'number' | 'position' | 'minuteNumber' | 'title' | 'purpose' | 'exemptParagraph' | 'minute'
> & { exempt: boolean }

export type PlannedAttendance = Columns<
  MeetingsTables['attendance'],
  'meetingId' | 'personId' | 'rawName' | 'capacity' | 'status' | 'roleAtMeeting' | 'chaired' | 'position'
>

/** A document's file as fetched (or read from the folder) and checked; the content is base64 so a plan is JSON. */
export interface FetchedFile {
  filename: string
  mediaType: string
  sizeBytes: number
  sha256: string
  contentBase64: string
  /** The words inside it, for search; '' when none could be read. */
  text: string
}

/** A document the council links to an item; `file` once fetched, or why it could not be had. */
export interface PlannedDocument {
  source: Source
  itemId: string
  title: string
  publishedOn: string | null
  restricted: boolean
  sourceAddress: string
  file: FetchedFile | null
  /** Why the file could not be had (not in the folder, a 404, not what its type says); null if fetched or not tried. */
  missing: string | null
}

export interface NotMapped {
  file: string
  record: string
  id: string
  reason: string
}

export interface FileError {
  file: string
  message: string
}

export interface ImportPlan {
  bodies: PlannedBody[]
  people: PlannedPerson[]
  memberships: PlannedMembership[]
  meetings: PlannedMeeting[]
  items: PlannedItem[]
  attendance: PlannedAttendance[]
  documents: PlannedDocument[]
  notMapped: NotMapped[]
  errors: FileError[]
}

/** What would be created, per record type, in the order the plan prints them. */
export function planCounts(plan: ImportPlan): [string, number][] {
  return [
    ['Bodies', plan.bodies.length],
    ['People', plan.people.length],
    ['Memberships', plan.memberships.length],
    ['Meetings', plan.meetings.length],
    ['Agenda items', plan.items.length],
    ['Item minutes', plan.items.filter((item) => item.minute !== '').length],
    ['Exempt items', plan.items.filter((item) => item.exempt).length],
    ['Attendance', plan.attendance.length],
    ['Document references', plan.documents.length],
  ]
}
