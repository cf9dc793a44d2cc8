import type { BodyKind, MembershipRole, PersonKind } from '#src/modules/bodies/tables.ts'
import type {
  AttendanceCapacity,
  AttendanceStatus,
  MeetingStatus,
  MinutesStatus,
  WithinBudget,
} from '#src/modules/meetings/tables.ts'

/**
 * The shapes of the demo dataset. Records point at each other by slug (and agenda items by
 * meeting slug + number); the loader turns slugs into ids as it inserts.
 */

export interface DemoBody {
  slug: string
  name: string
  kind: BodyKind
  remit: string
}

export interface DemoPerson {
  slug: string
  name: string
  honorific: string | null
  kind: PersonKind
  organisation: string | null
  jobTitle: string | null
  email?: string
}

export interface DemoMembership {
  body: string
  person: string
  role: MembershipRole
  startsOn?: string
  endsOn?: string
}

/** Schedule 12A, Part 1: the paragraph, why it applies, and when to look again. */
export interface DemoExemption {
  paragraph: number
  reason: string
  reviewOn: string
}

export interface DemoAppendix {
  label: string
  title: string
  body: string
  exempt?: DemoExemption
}

/** The council's standard report template. Considerations read 'None.' where the paper says so. */
export interface DemoReport {
  title: string
  reportTo: string
  relevantOfficer: string
  meetingDate: string
  purpose: string
  recommendations: string[]
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
  appendices: DemoAppendix[]
}

export interface DemoAgendaItem {
  number: number
  title: string
  purpose: string
  /** First and last page in the agenda pack. */
  pages?: [number, number]
  minute?: string
  /** "The Committee agreed: …", in order; a single unnumbered one is number 1. */
  resolutions?: string[]
  report?: DemoReport
}

export interface DemoAttendance {
  /** Slug of the person record; null when the name could not be matched. */
  person: string | null
  /** The name as printed in the minutes. */
  rawName: string
  capacity: AttendanceCapacity
  status: AttendanceStatus
  roleAtMeeting?: string
  chaired?: boolean
}

export interface DemoMinutes {
  status: MinutesStatus
  noDeclarations: boolean
  /** 'HH:MM', 24-hour. */
  endedAtTime: string | null
  publishedAt: string | null
  approvedAt?: { meeting: string; item: number; on: string }
  attendance: DemoAttendance[]
}

export interface DemoMeeting {
  body: string
  date: string
  startTime: string | null
  venue: string
  status: MeetingStatus
  notes?: string
  items: DemoAgendaItem[]
  minutes?: DemoMinutes
}

/** "2024-01-25" + "executive" → "2024-01-25-executive". */
export function meetingSlug(meeting: { date: string; body: string }): string {
  return `${meeting.date}-${meeting.body}`
}
