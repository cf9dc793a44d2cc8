import type { AttendanceCapacity, AttendanceStatus } from '../tables.ts'

interface Row {
  capacity: AttendanceCapacity
  status: AttendanceStatus
  chaired: boolean
}

/**
 * The attendance as minutes print it: who was present in the room (the chair first, then members,
 * co-opted members and anyone else), substitutes (in the room or remotely), who was present
 * remotely (apart, as they are not counted in the quorum and cannot vote), apologies, absent, who
 * is still expected, and who else was in attendance. Rows keep their recorded order within each group.
 */
export function groupAttendance<T extends Row>(rows: T[]) {
  const present = rows.filter((row) => row.status === 'present' && row.capacity !== 'substitute')
  const presentAs = (capacity: AttendanceCapacity) => present.filter((row) => !row.chaired && row.capacity === capacity)
  const tookPart = (row: T) => row.status === 'present' || row.status === 'present remotely'
  return {
    chair: rows.find((row) => row.chaired && row.status === 'present') ?? null,
    members: presentAs('member'),
    coOptedMembers: presentAs('co-opted member'),
    otherPresent: present.filter((row) => !row.chaired && !['member', 'co-opted member'].includes(row.capacity)),
    substitutes: rows.filter((row) => row.capacity === 'substitute' && !row.chaired && tookPart(row)),
    presentRemotely: rows.filter((row) => row.status === 'present remotely' && row.capacity !== 'substitute'),
    apologies: rows.filter((row) => row.status === 'apologies'),
    absent: rows.filter((row) => row.status === 'absent'),
    expected: rows.filter((row) => row.status === 'expected'),
    inAttendance: rows.filter((row) => row.status === 'in attendance'),
  }
}

export type AttendanceGroups<T extends Row> = ReturnType<typeof groupAttendance<T>>

/**
 * The body's members on the day of the meeting, as attendance to record: memberships that had
 * started and not ended by then. Co-opted members attend as co-opted members, everyone else as a member.
 */
export function membersOnDate<
  T extends { personId: string; role: string; startsOn: string | null; endsOn: string | null },
>(memberships: T[], date: string) {
  const seen = new Set<string>()
  const members: { personId: string; capacity: AttendanceCapacity }[] = []
  for (const membership of memberships) {
    if (membership.startsOn && membership.startsOn > date) continue
    if (membership.endsOn && membership.endsOn < date) continue
    if (seen.has(membership.personId)) continue
    seen.add(membership.personId)
    members.push({
      personId: membership.personId,
      capacity: membership.role === 'co-opted member' ? 'co-opted member' : 'member',
    })
  }
  return members
}

/** "Councillor Flanagan", "Ms Jo Snape": the person's name as the minutes print it, or the name as recorded. */
export function attendeeName(person: { name: string; honorific: string | null } | undefined, rawName: string): string {
  if (!person) return rawName || 'Unnamed'
  return person.honorific ? `${person.honorific} ${person.name}` : person.name
}
