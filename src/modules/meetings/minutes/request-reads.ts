import type { Context } from '#src/platform/auth/user.ts'
import { readOnce } from '#src/platform/request-reads.ts'
import type { MinutesRepository } from './repository.ts'

/**
 * The reads a page of a meeting repeats (the meeting page asks for the minutes from its agenda, its
 * item minutes and its votes), made once a request that changes nothing (platform/request-reads.ts).
 */
export function minutesReads(repo: MinutesRepository) {
  return {
    meetingBySlug: (ctx: Context, slug: string) =>
      readOnce(ctx, `minutes' meeting:${slug}`, () => repo.findMeetingBySlug(slug)),
    minutesOf: (ctx: Context, meetingId: string) =>
      readOnce(ctx, `minutes:${meetingId}`, () => repo.findMinutes(meetingId)),
    attendanceOf: (ctx: Context, meetingId: string) =>
      readOnce(ctx, `attendance:${meetingId}`, () => repo.attendanceOf(meetingId)),
    itemsOf: (ctx: Context, meetingId: string) =>
      readOnce(ctx, `minuted items:${meetingId}`, () => repo.itemsOfMeetings([meetingId])),
  }
}
export type MinutesReads = ReturnType<typeof minutesReads>
