import type { Context } from '#src/platform/auth/user.ts'
import type { MeetingsService } from '../index.ts'
import { withVotes } from '../votes/attach.ts'
import { byItem } from '../by-item.ts'
import type { VoteView } from '../votes/view.ts'

/**
 * The meeting's motions for a record of its minutes, all together, at the meeting's level and under
 * each item: part of the minutes, so none when the viewer may not read them (`minutes` null), and
 * none under an item withheld from the viewer, as its minute is. Each carries the vote taken on it,
 * from the record's votes, which follow the same rules.
 */
export function motionsInMinutes(meetings: Pick<MeetingsService, 'motionsOf'>) {
  return async function (
    ctx: Context,
    record: {
      meeting: { id: string }
      minutes: object | null
      items: { id: string; withheld: boolean }[]
      votes: VoteView[]
    },
  ) {
    if (!record.minutes) return { motions: [], meetingMotions: [], itemMotions: {} }
    const readable = (itemId: string | null) =>
      itemId === null || record.items.some((item) => item.id === itemId && !item.withheld)
    const motions = withVotes(
      (await meetings.motionsOf(ctx, record.meeting.id)).filter((motion) => readable(motion.agendaItemId)),
      record.votes,
    )
    const { ofMeeting, ofItem } = byItem(motions, record.items)
    return { motions, meetingMotions: ofMeeting, itemMotions: ofItem }
  }
}
