import type { Context } from '#src/platform/auth/user.ts'
import { readOnce } from '#src/platform/request-reads.ts'
import type { MinutesRepository } from './repository.ts'

/**
 * The reads a page of a meeting repeats (the meeting page asks for the minutes from its agenda, its
 * item minutes and its votes), made once a request that changes nothing (platform/request-reads.ts).
 */
export function minutesReads(repo: MinutesRepository) {
  const recordOf = (ctx: Context, meetingId: string) =>
    readOnce(ctx, `minutes record:${meetingId}`, () => repo.recordOf(meetingId))
  return {
    meetingBySlug: (ctx: Context, slug: string) =>
      readOnce(ctx, `minutes' meeting:${slug}`, () => repo.findMeetingBySlug(slug)),
    /** The minutes with their lists (repository's recordOf): one query serves every part of the page. */
    recordOf,
    minutesOf: async (ctx: Context, meetingId: string) => (await recordOf(ctx, meetingId)).minutes,
    attendanceOf: async (ctx: Context, meetingId: string) => (await recordOf(ctx, meetingId)).attendance,
    itemsOf: async (ctx: Context, meetingId: string) => (await recordOf(ctx, meetingId)).items,
  }
}
export type MinutesReads = ReturnType<typeof minutesReads>
