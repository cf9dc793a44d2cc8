import type { Context } from '#src/platform/auth/user.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import { attendeeName } from './attendance-groups.ts'
import type { MinutesReads } from './request-reads.ts'

/**
 * The people in a meeting's attendance with a person record, named as the minutes print them, in
 * the attendance's order; `there` is false for those who sent apologies or were absent.
 */
export function attendeesOf(deps: {
  attendanceOf: MinutesReads['attendanceOf']
  bodies: Pick<BodiesService, 'getPeopleByIds'>
}) {
  return async function (ctx: Context, meetingId: string) {
    const rows = (await deps.attendanceOf(ctx, meetingId)).filter((row) => row.personId !== null)
    const people = await deps.bodies.getPeopleByIds(ctx, [...new Set(rows.map((row) => row.personId!))])
    return rows.flatMap((row) => {
      const person = people.find((candidate) => candidate.id === row.personId)
      if (!person) return []
      const there = row.status !== 'apologies' && row.status !== 'absent'
      return [{ personId: person.id, name: attendeeName(person, row.rawName), slug: person.slug, there }]
    })
  }
}
