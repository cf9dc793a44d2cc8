import { itemReference } from '#src/platform/views/filters.ts'

/** What a meeting records of the public taking part in it. */
export interface ParticipationRecord {
  speakers: number
  questions: number
  /** The item that records that no one asked to speak; null when none does. */
  noRequestsItem: { number: string | null; title: string } | null
}

export const NO_REQUESTS_WITH_SPEAKERS =
  'You cannot record that no one asked to speak, because public speakers or questions are recorded for this meeting'

/**
 * Why recording that no member of the public asked to speak is refused, or null when it is not:
 * it would contradict speakers or questions already recorded for the meeting.
 */
export function noRequestsRefusal(record: ParticipationRecord): string | null {
  return record.speakers > 0 || record.questions > 0 ? NO_REQUESTS_WITH_SPEAKERS : null
}

/**
 * Why recording a speaker or a question is refused, or null when it is not: an item of the meeting
 * records that no one asked to speak, which the officer changes first if that was wrong.
 */
export function participantRefusal(record: ParticipationRecord): string | null {
  const item = record.noRequestsItem
  if (!item) return null
  const reference = itemReference(item)
  return `${reference[0].toUpperCase()}${reference.slice(1)} records that no members of the public asked to speak: change that item first`
}
