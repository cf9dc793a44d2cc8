import type { Context } from '#src/platform/auth/user.ts'
import { readsUntilChanged } from '#src/platform/request-reads.ts'
import type { MinutesRepository } from './repository.ts'

/**
 * The reads a page of a meeting repeats (the meeting page asks for the minutes from its agenda, its
 * item minutes and its votes), made once a request that changes nothing and, with `acrossRequests`,
 * kept until the data changes (platform/request-reads.ts): what a viewer may see of them is decided after.
 */
export function minutesReads(repo: MinutesRepository, options: { acrossRequests: boolean }) {
  const recordOf = readsUntilChanged('minutes record', (_ctx, meetingId: string) => repo.recordOf(meetingId), {
    ...options,
    keep: 100,
  })
  return {
    meetingBySlug: readsUntilChanged('minutes’ meeting', (_ctx, slug: string) => repo.findMeetingBySlug(slug), {
      ...options,
      keep: 100,
    }),
    meetingById: readsUntilChanged('minutes’ meeting by id', (_ctx, id: string) => repo.findMeetingById(id), {
      ...options,
      keep: 100,
    }),
    /** The minutes with their lists (repository's recordOf): one query serves every part of the page. */
    recordOf,
    minutesOf: async (ctx: Context, meetingId: string) => (await recordOf(ctx, meetingId)).minutes,
    attendanceOf: async (ctx: Context, meetingId: string) => (await recordOf(ctx, meetingId)).attendance,
    itemsOf: async (ctx: Context, meetingId: string) => (await recordOf(ctx, meetingId)).items,
  }
}
export type MinutesReads = ReturnType<typeof minutesReads>
