import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Trx } from '#src/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { MeetingsRepository } from './repository.ts'

/** What the forms that record the public's part in a meeting (questions, speakers) check first. */
export function createMeetingRecordChecks(repo: MeetingsRepository) {
  /** The meeting, for those who may edit meetings. Throws NotFoundError. */
  async function meetingToEdit(ctx: Context, slug: string) {
    assertCan(ctx.user, 'meetings:edit')
    const meeting = await repo.findMeetingBySlug(slug)
    if (!meeting) throw new NotFoundError('Meeting')
    return meeting
  }

  /** The item must be on this meeting's agenda: an id from elsewhere is refused next to the field. */
  async function itemOfMeeting(trx: Trx, meetingId: string, itemId: string | null) {
    if (itemId === null) return
    const item = await repo.findItemById(itemId, trx)
    if (item?.meetingId !== meetingId) throw new RuleError('Choose an item on this agenda', 'agendaItemId')
  }

  return { meetingToEdit, itemOfMeeting }
}
