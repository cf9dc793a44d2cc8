import type { MeetingStatus } from '../tables.ts'

export interface MeetingFacts {
  bodyId: string
  date: string
  status: MeetingStatus
}

/**
 * Why a meeting cannot approve another meeting's minutes, or null when it can. Minutes are
 * confirmed as a correct record by a later meeting of the same body that has taken place.
 */
export function approvalProblem(minutesOf: MeetingFacts, approvingAt: MeetingFacts, today: string): string | null {
  if (approvingAt.bodyId !== minutesOf.bodyId) return 'The minutes can only be approved at a meeting of the same body'
  if (approvingAt.date <= minutesOf.date) return 'The minutes can only be approved at a later meeting'
  if (approvingAt.status === 'cancelled' || approvingAt.status === 'postponed') {
    return `The meeting was ${approvingAt.status}, so it cannot have approved the minutes`
  }
  if (approvingAt.date > today) return 'The meeting has not taken place yet'
  return null
}

/** The meetings that could approve the minutes, soonest first. */
export function possibleApprovingMeetings<T extends MeetingFacts>(
  minutesOf: MeetingFacts,
  meetings: T[],
  today: string,
): T[] {
  return meetings
    .filter((meeting) => approvalProblem(minutesOf, meeting, today) === null)
    .sort((a, b) => a.date.localeCompare(b.date))
}

/**
 * The agenda item most likely to have approved the minutes: "Minutes of the last meeting…" at the
 * soonest meeting that could have approved them.
 */
export function likelyApprovalItem<T extends { title: string }>(choices: { items: T[] }[]): T | undefined {
  return choices[0]?.items.find((item) => /^minutes\b/i.test(item.title.trim()))
}
