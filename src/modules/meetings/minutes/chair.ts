import type { AttendanceStatus } from '../tables.ts'

export interface ChairCandidate {
  /** The attendance row being changed; undefined when it is being added. */
  id?: string
  chaired: boolean
  status: AttendanceStatus
}

/**
 * Why a change to the attendance would break the one-chair rule, or null when it does not.
 * One person chairs a meeting, and only someone present can chair it.
 */
export function chairProblem(
  attendance: { id: string; name: string; chaired: boolean }[],
  change: ChairCandidate,
): string | null {
  if (!change.chaired) return null
  if (change.status !== 'present') return 'Only someone recorded as present can chair the meeting'
  const other = attendance.find((row) => row.chaired && row.id !== change.id)
  if (other) return `${other.name} is already recorded as chairing this meeting. Change their entry first`
  return null
}
