import type { Context } from '#src/platform/auth/user.ts'
import type { MeetingsService } from '../index.ts'

/**
 * The meeting's motions for a record of its minutes, all together, at the meeting's level and under
 * each item: part of the minutes, so none when the viewer may not read them (`minutes` null), and
 * none under an item withheld from the viewer, as its minute is.
 */
export function motionsInMinutes(meetings: Pick<MeetingsService, 'motionsOf'>) {
  return async function (
    ctx: Context,
    record: { meeting: { id: string }; minutes: object | null; items: { id: string; withheld: boolean }[] },
  ) {
    if (!record.minutes) return { motions: [], meetingMotions: [], itemMotions: {} }
    const readable = (itemId: string | null) =>
      itemId === null || record.items.some((item) => item.id === itemId && !item.withheld)
    const motions = (await meetings.motionsOf(ctx, record.meeting.id)).filter((motion) => readable(motion.agendaItemId))
    return {
      motions,
      meetingMotions: motions.filter((motion) => motion.agendaItemId === null),
      itemMotions: Object.fromEntries(
        record.items.map((item) => [item.id, motions.filter((motion) => motion.agendaItemId === item.id)]),
      ),
    }
  }
}
