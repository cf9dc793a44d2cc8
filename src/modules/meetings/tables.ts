import type { ColumnType } from 'kysely'
import type {
  CreatedAt,
  ExemptColumns,
  Instant,
  IsoDate,
  Json,
  SearchVector,
  Uuid,
} from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled' | 'postponed'
/** An extraordinary meeting is what some constitutions call a special one. */
export type MeetingType = 'ordinary' | 'extraordinary' | 'call-in' | 'budget'
export type MinutesStatus = 'draft' | 'published' | 'approved'
export type AttendanceCapacity = 'member' | 'co-opted member' | 'substitute' | 'cabinet member' | 'officer' | 'other'
/** Present remotely: not counted in the quorum and cannot vote. Expected: before the meeting. */
export type AttendanceStatus = 'present' | 'present remotely' | 'apologies' | 'absent' | 'expected' | 'in attendance'
/** The categories of the current members' code; "other" carries the council's own label. */
export type DeclarationCategory =
  'disclosable pecuniary interest' | 'other registrable interest' | 'non-registrable interest' | 'other'
/** Listed unless withdrawn from the agenda or deferred to a later meeting; either keeps its place. */
export type AgendaItemStatus = 'listed' | 'withdrawn' | 'deferred'
export type WithinBudget = 'yes' | 'no' | 'not applicable'

export interface MeetingsTable {
  id: Uuid
  slug: string
  bodyId: string
  date: IsoDate
  /** 'HH:MM', 24-hour, Europe/London. */
  startTime: string | null
  /** When the meeting is planned to finish, 'HH:MM' like startTime; null when not given. */
  endTime: string | null
  venue: string
  type: ColumnType<MeetingType, MeetingType | undefined, MeetingType>
  /** Who to contact about the meeting: the democratic services officer's name, email or phone. */
  contact: ColumnType<string, string | undefined, string>
  /** Where the meeting is broadcast or recorded; null when it is not. */
  webcastUrl: string | null
  status: MeetingStatus
  /** Why the meeting was cancelled or postponed; '' otherwise. */
  statusReason: ColumnType<string, string | undefined, string>
  notes: string
  /** When the agenda was published; null while it is a draft, seen by staff only. */
  agendaPublishedOn: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>
  /** The reason given for publishing the agenda with less than the council's notice; '' when on time. */
  agendaLateReason: ColumnType<string, string | undefined, string>
  createdAt: CreatedAt
  version: Version
}

export interface AgendaItemsTable extends ExemptColumns {
  id: Uuid
  meetingId: string
  /** The item's number as the council writes it ('1', '4a', 'A1', '12.'); null when it has none. */
  number: string | null
  /** Where the item comes on the agenda, from 1: items are ordered by it, and its address uses it. */
  position: number
  /** The minute's own number when the council numbers its minutes apart from the agenda ('107', 'CYP 1/10'). */
  minuteNumber: string | null
  /** Taken as a matter of urgency after the agenda was published; `urgentReason` is the chair's (s100B(4)(b)). */
  urgent: ColumnType<boolean, boolean | undefined, boolean>
  urgentReason: ColumnType<string, string | undefined, string>
  status: ColumnType<AgendaItemStatus, AgendaItemStatus | undefined, AgendaItemStatus>
  /** Why the item was withdrawn or deferred; '' while it is listed. */
  statusReason: ColumnType<string, string | undefined, string>
  /** The item's report is to follow: shown as such until the report is written. */
  toFollow: ColumnType<boolean, boolean | undefined, boolean>
  /** Added once the agenda was published, so for a supplementary agenda to publish. */
  addedAfterPublication: ColumnType<boolean, boolean | undefined, boolean>
  /** The supplementary agenda that published it; null when the agenda did, or none has yet. */
  supplementId: ColumnType<string | null, string | null | undefined, string | null>
  /** The item at which the public may speak or put questions (the "public speaking" item). */
  publicParticipation: ColumnType<boolean, boolean | undefined, boolean>
  /** On the public participation item only: the record that no member of the public asked to speak. */
  noRequestsToSpeak: ColumnType<boolean, boolean | undefined, boolean>
  title: string
  purpose: string
  pageFrom: number | null
  pageTo: number | null
  minute: string
  search: SearchVector
}

/** A public meeting's venue as it was before a change, kept so that the public can see it moved. */
export interface MeetingVenueChangesTable {
  id: Uuid
  meetingId: string
  fromVenue: string
  toVenue: string
  changedOn: IsoDate
  /** Why it moved; '' when not given. */
  reason: ColumnType<string, string | undefined, string>
  /** Orders the changes of one day. */
  createdAt: CreatedAt
}

/** A supplementary agenda: items added after the agenda was published, published together. */
export interface AgendaSupplementsTable {
  id: Uuid
  meetingId: string
  /** From 1 for each meeting, in the order they were published. */
  number: number
  publishedOn: IsoDate
  title: string
  /** What it adds, in the officer's words; '' when not given. */
  note: ColumnType<string, string | undefined, string>
  createdAt: CreatedAt
}

export type AnsweredAt = 'meeting' | 'written'

/** A question the public asked at a meeting, with its answer; '' in a text column means not given. */
export interface PublicQuestionsTable {
  id: Uuid
  meetingId: string
  /** The agenda item it belongs to; null when it belongs to the meeting. */
  agendaItemId: string | null
  /** From 1 for each meeting: questions are ordered by it, and its address uses it. */
  position: number
  askerName: string
  /** The asker consented to be named: the public sees "A member of the public" otherwise. */
  askerNamed: boolean
  toWhom: string
  receivedOn: IsoDate
  question: string
  answer: string
  answeredAt: AnsweredAt | null
  supplementary: string
  supplementaryAnswer: string
  notReached: boolean
  createdAt: CreatedAt
  version: Version
}

export type SpeakerKind = 'deputation' | 'public speaker'
export type SpeakerStance = 'for' | 'against' | 'neither'

/** A deputation or member of the public who spoke at a meeting; '' in a text column means not given. */
export interface PublicSpeakersTable {
  id: Uuid
  meetingId: string
  /** The agenda item they spoke on; null when they spoke to the meeting as a whole. */
  agendaItemId: string | null
  /** From 1 for each meeting: speakers are ordered by it, and its address uses it. */
  position: number
  kind: SpeakerKind
  speakerName: string
  /** The speaker consented to be named: the public sees "A member of the public" otherwise. */
  speakerNamed: boolean
  /** The organisation or group a deputation spoke for. */
  onBehalfOf: string
  /** For or against what the item proposes; null when not said. */
  stance: SpeakerStance | null
  /** How long they spoke, in whole minutes; null when not recorded. */
  minutesSpoken: number | null
  summary: string
  createdAt: CreatedAt
  version: Version
}

export type MotionOutcome = 'carried' | 'lost' | 'withdrawn' | 'deferred'
export type AmendmentOutcome = 'carried' | 'lost' | 'withdrawn' | 'accepted'
export type VoteCast = 'for' | 'against' | 'abstain'

/** A motion moved at a meeting; an outcome of null means not yet decided. */
export interface MotionsTable {
  id: Uuid
  meetingId: string
  /** The agenda item it was moved under; null when it belongs to the meeting. */
  agendaItemId: string | null
  /** From 1 for each meeting: motions are ordered by it, and its address uses it. */
  position: number
  moverId: string | null
  seconderId: string | null
  /** The motion as moved. */
  text: string
  /** The substantive motion after amendments were carried or accepted; '' when unchanged. */
  substantiveText: string
  outcome: MotionOutcome | null
  createdAt: CreatedAt
  version: Version
}

/** An amendment to a motion, in the order it was moved. */
export interface MotionAmendmentsTable {
  id: Uuid
  motionId: string
  position: number
  moverId: string | null
  seconderId: string | null
  text: string
  outcome: AmendmentOutcome | null
  createdAt: CreatedAt
  version: Version
}

/** A vote on exactly one of: a motion, an amendment, or a recommendation under an agenda item. */
export interface VotesTable {
  id: Uuid
  meetingId: string
  /** From 1 for each meeting, for its address. */
  position: number
  motionId: string | null
  amendmentId: string | null
  agendaItemId: string | null
  /** What was put to the vote when it is an item's recommendation ("Recommendation 2"); '' otherwise. */
  description: string
  votesFor: number
  votesAgainst: number
  abstentions: number
  /** Each member's vote was recorded by name (vote_records). */
  recorded: boolean
  /** The chair's casting vote, only on a tie. */
  castingVote: 'for' | 'against' | null
  createdAt: CreatedAt
  version: Version
}

/** A member's vote in a recorded vote. */
export interface VoteRecordsTable {
  voteId: string
  personId: string
  vote: VoteCast
}

export interface DocumentsTable {
  id: Uuid
  filename: string
  mediaType: string
  sizeBytes: number
  sha256: string
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>
  uploadedBy: string | null
  uploadedAt: CreatedAt
}

/** A document linked to an agenda item (as imported); `documentId` null while its file could not be had. */
export interface ItemDocumentsTable extends ExemptColumns {
  id: Uuid
  agendaItemId: string
  position: number
  title: string
  publishedOn: IsoDate | null
  documentId: string | null
  sourceAddress: string
  /** The words inside the file, for search; '' when none could be read. */
  text: string
  search: SearchVector
}

/**
 * A report. The table also keeps its item's meeting, number, place and exemption for search: copies
 * the database writes (migration 0048), left out here so that nothing else writes or reads them.
 */
export interface ReportsTable extends ExemptColumns {
  id: Uuid
  agendaItemId: string
  title: string
  reportTo: string
  relevantOfficer: string
  meetingDate: IsoDate | null
  purpose: string
  recommendations: Json<string[]>
  reasons: string
  contraryToPlan: boolean | null
  withinBudget: WithinBudget | null
  alternativeOptions: string
  councilPriorities: string
  background: string
  financial: string
  legal: string
  humanResources: string
  risk: string
  equalities: string
  sustainability: string
  consultation: string
  backgroundPapers: string
  search: SearchVector
  updatedAt: CreatedAt
  version: Version
}

export interface AppendicesTable extends ExemptColumns {
  id: Uuid
  reportId: string
  position: number
  label: string
  title: string
  body: string
  documentId: string | null
}

export interface MinutesTable {
  meetingId: string
  status: MinutesStatus
  noDeclarations: boolean
  endedAtTime: string | null
  publishedAt: Instant
  approvedAtMeetingId: string | null
  approvedAtItemId: string | null
  approvedOn: IsoDate | null
  approvalAmendment: string
}

export interface AttendanceTable {
  id: Uuid
  meetingId: string
  personId: string | null
  /** The name as the papers give it, kept when no person record matches. */
  rawName: string
  capacity: AttendanceCapacity
  status: AttendanceStatus
  roleAtMeeting: string
  chaired: boolean
  position: number
  /** For a substitute, the member they replaced: a person with apologies in this meeting's attendance. */
  substituteForId: string | null
  /** The agenda item at which they arrived late, as the council numbers items; '' when on time. */
  arrivedAtItem: string
  /** The agenda item at which they left early; '' when they stayed. */
  leftAtItem: string
}

export interface DeclarationsTable {
  id: Uuid
  meetingId: string
  personId: string
  category: DeclarationCategory
  /** The council's own name for an "other" interest (such as "Personal"); '' otherwise. */
  categoryLabel: string
  nature: string
  /** Whether the member left the room; null when the minutes do not say. */
  leftRoom: boolean | null
  dispensation: string
}

/** The agenda items a declaration concerns; none means the whole meeting. */
export interface DeclarationItemsTable {
  declarationId: string
  agendaItemId: string
}

/** The published draft of minutes later approved with amendments, as the public could read it. */
export interface MinutesVersionsTable {
  id: Uuid
  meetingId: string
  publishedAt: Instant
  /** The date of the meeting that approved the amended minutes, which replaced this draft. */
  replacedOn: IsoDate
  /** The minutes as printed then (MinutesContent in minutes/service.ts), written only by the approval. */
  content: Json<Record<string, unknown>>
}

export interface ResolutionsTable {
  id: Uuid
  agendaItemId: string
  number: number
  text: string
}

export type PaperKind = 'agenda' | 'supplement' | 'minutes'

/** A paper as published: the exact PDF the public receives, never regenerated; a correction is a new version. */
export interface PublishedPapersTable {
  id: Uuid
  meetingId: string
  kind: PaperKind
  supplementId: string | null
  /** From 1 for each meeting, whatever the kind. */
  version: number
  title: string
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>
  sizeBytes: number
  sha256: string
  /** Why a correction was published; '' for the first. */
  reason: string
  publishedOn: IsoDate
  publishedAt: CreatedAt
  publishedBy: string
  /** Minutes taken back to draft withdraw their papers: kept, but no longer the public's. */
  withdrawnOn: IsoDate | null
  withdrawnReason: string | null
}

export interface MeetingsTables {
  meetings: MeetingsTable
  agendaItems: AgendaItemsTable
  meetingVenueChanges: MeetingVenueChangesTable
  agendaSupplements: AgendaSupplementsTable
  publicQuestions: PublicQuestionsTable
  motions: MotionsTable
  motionAmendments: MotionAmendmentsTable
  votes: VotesTable
  voteRecords: VoteRecordsTable
  publicSpeakers: PublicSpeakersTable
  documents: DocumentsTable
  itemDocuments: ItemDocumentsTable
  reports: ReportsTable
  appendices: AppendicesTable
  minutes: MinutesTable
  attendance: AttendanceTable
  declarations: DeclarationsTable
  declarationItems: DeclarationItemsTable
  minutesVersions: MinutesVersionsTable
  resolutions: ResolutionsTable
  publishedPapers: PublishedPapersTable
}
