import {
  mapAttendee,
  mapCommittee,
  mapCouncillor,
  mapDocument,
  mapItem,
  mapMeeting,
  type Mapped,
  sourceOf,
} from './map-records.ts'
import type { FileError, ImportPlan, NotMapped, PlannedMembership, PlannedPerson } from './plan.ts'
import type { MgMeeting, MgMeetingSummary, MgResponse, UnknownElement } from './responses.ts'
import { bodyKind, isoDate, membershipRole, splitHonorific } from './vocabulary.ts'

export interface PlanInput {
  responses: { file: string; response: MgResponse }[]
  unknown: UnknownElement[]
  errors: FileError[]
  /** Where the responses came from, for the plan's words; a folder unless said. */
  origin?: 'folder' | 'web service'
}

export interface PlanOptions {
  /** Only these bodies (by name, any case) and their meetings; all when empty. */
  bodies: string[]
  from: string | null
  to: string | null
  today: string
}

/**
 * The plan of what a folder of responses would create. The files are tied together by the ids inside them
 * (a meeting's committee id, an attendee's member id), never by their names, so any mix of them will do.
 */
export function buildPlan(input: PlanInput, options: PlanOptions): ImportPlan {
  const plan: ImportPlan = {
    bodies: [],
    people: [],
    memberships: [],
    meetings: [],
    items: [],
    attendance: [],
    documents: [],
    notMapped: input.unknown.map((unknown) => ({
      file: unknown.file,
      record: unknown.record,
      id: unknown.id,
      reason: `unknown element <${unknown.element}> on line ${unknown.line}`,
    })),
    errors: [...input.errors],
  }
  const keep = <T>(mapped: Mapped<T>, into: T[]): T | null => {
    plan.notMapped.push(...mapped.notMapped)
    if (mapped.record) into.push(mapped.record)
    return mapped.record
  }
  const of = <K extends MgResponse['kind']>(kind: K) =>
    input.responses.flatMap(({ response }) =>
      response.kind === kind ? [response as Extract<MgResponse, { kind: K }>] : [],
    )

  for (const response of of('committees'))
    for (const committee of response.committees) keep(mapCommittee(committee), plan.bodies)

  // A meeting's own response carries its committee's title: a body the committees list did not give.
  const details = new Map<string, MgMeeting>(of('meeting').map((response) => [response.meeting.id, response.meeting]))
  for (const meeting of details.values())
    if (meeting.committeeTitle && !plan.bodies.some((body) => body.source.id === meeting.committeeId))
      plan.bodies.push({
        source: { ...sourceOf(meeting), id: meeting.committeeId },
        name: meeting.committeeTitle,
        kind: bodyKind(meeting.committeeTitle, '') ?? 'committee',
      })

  const web = input.origin === 'web service'
  const wanted = options.bodies.map((name) => name.toLowerCase())
  for (const name of options.bodies)
    if (!plan.bodies.some((body) => body.name.toLowerCase() === name.toLowerCase()))
      plan.errors.push({
        file: '--body',
        message: `no committee named "${name}" is ${web ? "among the web service's committees" : 'in the folder'}`,
      })
  if (wanted.length) plan.bodies = plan.bodies.filter((body) => wanted.includes(body.name.toLowerCase()))
  const bodyIds = new Set(plan.bodies.map((body) => body.source.id))

  for (const response of of('councillors'))
    for (const councillor of response.councillors)
      if (!plan.people.some((person) => person.source.id === councillor.id))
        keep(mapCouncillor(councillor), plan.people)

  const summaries = new Map<string, MgMeetingSummary>()
  for (const response of of('meetings')) for (const meeting of response.meetings) summaries.set(meeting.id, meeting)
  const memberships = new Map<string, PlannedMembership & { date: string }>()

  const meetings: (MgMeeting | MgMeetingSummary)[] = [
    ...details.values(),
    ...[...summaries.values()].filter((summary) => !details.has(summary.id)),
  ]
  for (const meeting of meetings) {
    const date = isoDate(meeting.date)
    if (date && ((options.from && date < options.from) || (options.to && date > options.to))) continue
    if (!bodyIds.has(meeting.committeeId)) {
      if (!wanted.length)
        plan.notMapped.push({
          file: meeting.file,
          record: 'meeting',
          id: meeting.id,
          reason: `its committee ${meeting.committeeId} is in no response ${web ? 'of the web service' : 'in the folder'}`,
        })
      continue
    }
    const planned = keep(mapMeeting(meeting, options.today), plan.meetings)
    if (!planned) continue
    if (!('items' in meeting)) {
      plan.notMapped.push({
        file: meeting.file,
        record: 'meeting',
        id: meeting.id,
        reason: `its own response (GetMeeting) ${web ? 'could not be had' : 'is not in the folder'}: planned without items or attendance`,
      })
      continue
    }
    meeting.items.forEach((item, index) => {
      const plannedItem = keep(mapItem(item, meeting.id, index + 1), plan.items)
      if (plannedItem) for (const document of item.documents) keep(mapDocument(document, item.id), plan.documents)
    })
    addAttendees(plan, meeting, planned.date, memberships, keep)
  }
  plan.memberships = [...memberships.values()].map(({ date: _date, ...membership }) => membership)
  return plan
}

/**
 * Attendance, and from it memberships: the service gives each attendee's role on the committee. A member
 * the folder's councillors do not include is planned as a person when the role shows they sit on it.
 */
function addAttendees(
  plan: ImportPlan,
  meeting: MgMeeting,
  date: string,
  memberships: Map<string, PlannedMembership & { date: string }>,
  keep: <T>(mapped: Mapped<T>, into: T[]) => T | null,
) {
  for (const attendee of meeting.attendees) {
    const role = membershipRole(attendee.role)
    const known = plan.people.some((person) => person.source.id === attendee.id)
    if (role && !known && attendee.id && attendee.id !== '0' && attendee.name) {
      const { honorific, name } = splitHonorific(attendee.name)
      const person: PlannedPerson = {
        source: sourceOf(attendee),
        name,
        honorific,
        kind: role === 'co-opted member' ? 'co-opted member' : 'councillor',
        party: null,
        ward: null,
        termStartsOn: null,
        termEndsOn: null,
      }
      plan.people.push(person)
    }
  }
  const personIds = new Set(plan.people.map((person) => person.source.id))
  meeting.attendees.forEach((attendee, index) => {
    const planned = keep(mapAttendee(attendee, meeting.id, index + 1, personIds), plan.attendance)
    const role = membershipRole(attendee.role)
    if (!planned?.personId || !role || planned.capacity === 'substitute') return
    const key = `${meeting.committeeId}/${planned.personId}`
    const earlier = memberships.get(key)
    // The latest meeting's role is the member's current one.
    if (!earlier || earlier.date <= date)
      memberships.set(key, {
        source: { ...sourceOf(attendee), id: key },
        bodyId: meeting.committeeId,
        personId: planned.personId,
        role,
        date,
      })
  })
  for (const attendee of meeting.attendees)
    if (!attendee.name)
      plan.notMapped.push({
        file: attendee.file,
        record: 'attendee',
        id: attendee.id,
        reason: 'it has no name',
      } satisfies NotMapped)
}
