import type { Context } from '#src/platform/auth/user.ts'
import type { BodiesService, PersonPageSection } from '#src/modules/bodies/index.ts'
import { mayReadExempt } from '#src/platform/exemption/readers.ts'
import { isWithheld } from '#src/platform/exemption/redaction.ts'
import type { MeetingsService } from '../index.ts'
import type { AttendanceStatus } from '../tables.ts'
import type { MinutesRepository } from './repository.ts'
import { mayReadMinutes } from './visibility.ts'

/** Statuses that count as attending: in the room or remotely, as a member or as a substitute. */
const ATTENDING: readonly AttendanceStatus[] = ['present', 'present remotely']

/**
 * Someone's attendance record, body by body in the order first met: the meetings they attended out
 * of the meetings they were expected at. Expected means listed in a meeting's attendance as anything
 * but "in attendance" (an officer or guest was not expected to come) or "expected" (the meeting has
 * not been recorded yet). Apologies and absence count against; a substitute who came counts for.
 */
export function attendanceRecord<T extends { bodyId: string; status: AttendanceStatus }>(rows: T[]) {
  const byBody = new Map<string, { bodyId: string; attended: number; expected: number }>()
  for (const row of rows) {
    if (row.status === 'in attendance' || row.status === 'expected') continue
    const counts = byBody.get(row.bodyId) ?? { bodyId: row.bodyId, attended: 0, expected: 0 }
    counts.expected += 1
    if (ATTENDING.includes(row.status)) counts.attended += 1
    byBody.set(row.bodyId, counts)
  }
  return [...byBody.values()]
}

/** How a person's vote reads on their page. */
const VOTED: Record<string, string> = { for: 'For', against: 'Against', abstain: 'Abstained' }

/**
 * A person's record from the minutes this viewer may read: attendance per body, declarations of
 * interest, and their votes in recorded votes (none under an exempt item the viewer may not read).
 */
export function createPersonRecord(deps: {
  repository: MinutesRepository
  bodies: BodiesService
  meetings: Pick<MeetingsService, 'recordedVotesOf'>
}) {
  const { repository: repo, bodies, meetings } = deps
  return async function personRecord(ctx: Context, personId: string) {
    const [attendance, declarations, votes, allBodies, exemptReadable] = await Promise.all([
      repo.attendanceOfPerson(personId),
      repo.declarationsOfPerson(personId),
      meetings.recordedVotesOf(ctx, personId),
      bodies.listBodies(ctx),
      bodies.exemptReadableBodyIds(ctx),
    ])
    const bodyOf = (id: string) => allBodies.find((body) => body.id === id)
    const readable = <T extends { minutesStatus: Parameters<typeof mayReadMinutes>[1] }>(rows: T[]) =>
      rows.filter((row) => mayReadMinutes(ctx.user, row.minutesStatus))
    return {
      attendance: attendanceRecord(readable(attendance)).map((counts) => ({ ...counts, body: bodyOf(counts.bodyId) })),
      declarations: readable(declarations).map((row) => ({
        meeting: { slug: row.meetingSlug, date: row.meetingDate },
        body: bodyOf(row.bodyId),
        items: row.items,
        category: row.category === 'other' ? row.categoryLabel : row.category,
        nature: row.nature,
      })),
      votes: readable(votes)
        .filter((row) => !isWithheld([row], mayReadExempt(exemptReadable, row.bodyId)))
        .map((row) => ({
          meeting: { slug: row.meetingSlug, date: row.meetingDate },
          body: bodyOf(row.bodyId),
          item: row.itemTitle === null ? null : { number: row.itemNumber, title: row.itemTitle },
          label: row.label,
          vote: VOTED[row.personVote],
          outcome: row.outcome === 'carried' ? 'Carried' : 'Lost',
        })),
    }
  }
}

/** The attendance record, declarations and recorded votes on a person's page; nothing when the minutes hold none. */
export function personRecordSection(service: {
  personRecord: ReturnType<typeof createPersonRecord>
}): PersonPageSection {
  return async (ctx, person) => {
    const record = await service.personRecord(ctx, person.id)
    if (record.attendance.length === 0 && record.declarations.length === 0 && record.votes.length === 0) return null
    return { template: 'modules/meetings/minutes/views/person-record.njk', data: record }
  }
}
