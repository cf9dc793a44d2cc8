import type { Context } from '#src/platform/auth/user.ts'
import { readOnce } from '#src/platform/request-reads.ts'
import type { MeetingsRepository } from './repository.ts'

/**
 * A meeting's agenda items, read once a request that changes nothing (platform/request-reads.ts):
 * the meeting page's agenda and its votes (to withhold those under exempt items) both want them.
 */
export function agendaItemsRead(repo: Pick<MeetingsRepository, 'itemsOfMeeting'>) {
  return (ctx: Context, meetingId: string) =>
    readOnce(ctx, `agenda items:${meetingId}`, () => repo.itemsOfMeeting(meetingId))
}
