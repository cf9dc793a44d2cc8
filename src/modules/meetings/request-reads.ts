import type { Context } from '#src/platform/auth/user.ts'
import { readOnce } from '#src/platform/request-reads.ts'
import type { MeetingsRepository } from './repository.ts'

/**
 * A meeting's agenda items with their reports' summaries, read once a request that changes nothing
 * (platform/request-reads.ts): the meeting page's agenda and its votes (to withhold those under
 * exempt items) both want them.
 */
export function agendaItemsRead(repo: Pick<MeetingsRepository, 'itemsWithReportsOfMeeting'>) {
  return (ctx: Context, meetingId: string) =>
    readOnce(ctx, `agenda items:${meetingId}`, () => repo.itemsWithReportsOfMeeting(meetingId))
}

/**
 * A body's meetings with the counts of the public's part in each (repository's meetingsOfBody), read
 * once a request that changes nothing: the body page, its sections and its participation count want them.
 */
export function bodyMeetingsRead(repo: Pick<MeetingsRepository, 'meetingsOfBody'>) {
  return (ctx: Context, bodyId: string) =>
    readOnce(ctx, `meetings of body:${bodyId}`, () => repo.meetingsOfBody(bodyId))
}
