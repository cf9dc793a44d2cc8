import type { AttendanceStatus } from '../tables.ts'

export interface ChairCandidate {
  /** The attendance row being changed; undefined when it is being added. */
  id?: string
  chaired: boolean
  status: AttendanceStatus
}

/** The rules that relate one attendance entry to the others: one chair, and one substitute for each apology. */

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

/**
 * Why a substitute cannot be recorded as replacing the member `replacedId` (a person), or null when
 * they can: someone else in the meeting's attendance, who sent apologies and has no substitute yet.
 */
export function substituteProblem(
  attendance: {
    id: string
    personId: string | null
    name: string
    status: AttendanceStatus
    substituteForId: string | null
  }[],
  id: string | undefined,
  replacedId: string | null,
): string | null {
  if (!replacedId) return null
  const replaced = attendance.find((row) => row.personId === replacedId)
  if (!replaced || replaced.id === id) return 'Select a member in the attendance of this meeting'
  if (replaced.status !== 'apologies') return `${replaced.name} is not recorded as sending apologies`
  const other = attendance.find((row) => row.substituteForId === replacedId && row.id !== id)
  if (other) return `${other.name} is already recorded as substituting for ${replaced.name}`
  return null
}
