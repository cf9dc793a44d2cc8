import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Trx } from '#src/database.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { AgendaItemInput, AgendaItemRow, MeetingRow } from '../repository.ts'
import type { AgendaItemForm } from '../schema.ts'
import type { MeetingsDeps } from '../service.ts'
import { createParticipationRule } from '../speakers/participation.ts'
import { nextItemNumber } from './item-number.ts'

/** Building a meeting's agenda: adding, changing and removing items. For those who may edit meetings. */
export function createAgendaService(deps: MeetingsDeps) {
  const { db, repository: repo, minutes } = deps
  const participation = createParticipationRule(deps)

  async function meetingToEdit(ctx: Context, slug: string) {
    assertCan(ctx.user, 'meetings:edit')
    const meeting = await repo.findMeetingBySlug(slug)
    if (!meeting) throw new NotFoundError('Meeting')
    return meeting
  }

  /** Numbers are labels, but two items with one number would leave the reader unsure which is meant. */
  async function numberIsFree(meeting: MeetingRow, number: string | null, item?: AgendaItemRow, trx?: Trx) {
    if (number === null) return
    const holder = await repo.findItemNumbered(meeting.id, number, trx)
    if (holder && holder.id !== item?.id)
      throw new RuleError(`Item ${number} is already on this agenda: choose another number`, 'number')
  }

  /** "No one asked to speak" would contradict speakers or questions already recorded: refused next to the box. */
  async function noRequestsHolds(trx: Trx, meetingId: string, input: { noRequestsToSpeak?: boolean }) {
    if (!input.noRequestsToSpeak) return
    await repo.lockAgenda(trx, meetingId)
    await participation.assertNoRequestsMayBeRecorded(trx, meetingId, 'noRequestsToSpeak')
  }

  return {
    /** A meeting for the forms that change it and its agenda. Throws NotFoundError. */
    meetingToEdit,

    /**
     * The meeting an item is being added to, and the number to suggest for it, after the last
     * numbered item's (null when the officer must choose). Throws NotFoundError.
     */
    async itemToAdd(ctx: Context, slug: string) {
      const meeting = await meetingToEdit(ctx, slug)
      const items = await repo.itemsOfMeeting(meeting.id)
      const lastNumber = items.filter((item) => item.number !== null).at(-1)?.number
      return { meeting, nextNumber: nextItemNumber(lastNumber) }
    },

    /** The item at `position`, for its forms, with its meeting and whether it has a report. Throws NotFoundError. */
    async itemToEdit(ctx: Context, slug: string, position: number) {
      const meeting = await meetingToEdit(ctx, slug)
      const item = await repo.findItemAt(meeting.id, position)
      if (!item) throw new NotFoundError('Agenda item')
      const hasReport = (await repo.reportSummaries([item.id])).length > 0
      return { meeting, item, hasReport }
    },

    /**
     * Adds an item after the last; its number must not already be on the agenda. Unless said
     * otherwise it is listed, not urgent, and not waiting for its report. `within` makes it part of a
     * caller's transaction (another module's change that adds an agenda item with its own).
     */
    async addItem(ctx: Context, meetingId: string, input: AgendaItemInput, within?: Trx) {
      assertCan(ctx.user, 'meetings:edit')
      const add = async (trx: Trx) => {
        const meeting = await repo.findMeetingById(meetingId, trx)
        if (!meeting) throw new NotFoundError('Meeting')
        await numberIsFree(meeting, input.number ?? null, undefined, trx)
        await noRequestsHolds(trx, meeting.id, input)
        // Once the agenda is published, a new item waits for a supplementary agenda to publish it.
        const item = await repo.insertItem(trx, meeting.id, input, meeting.agendaPublishedOn !== null)
        await recordAudit(trx, ctx, {
          action: 'added agenda item',
          subjectType: 'meeting',
          subjectId: meeting.id,
          after: item,
        })
        return item
      }
      return within ? add(within) : withTransaction(db, add)
    },

    /**
     * Writes the minute of an item, in the transaction of the minutes module, which checks that its
     * minutes are a draft and records the change in their history.
     */
    async recordItemMinute(
      ctx: Context,
      itemId: string,
      input: { minute: string; minuteNumber: string | null },
      within: Trx,
    ) {
      assertCan(ctx.user, 'minutes:edit')
      return repo.updateItemMinute(within, itemId, input)
    },

    /** Changes an item; its number must be free, and "no one asked to speak" must not contradict the record. */
    async updateItem(ctx: Context, itemId: string, input: AgendaItemForm) {
      assertCan(ctx.user, 'meetings:edit')
      const before = await repo.findItemById(itemId)
      if (!before) throw new NotFoundError('Agenda item')
      const meeting = (await repo.findMeetingById(before.meetingId))!
      await numberIsFree(meeting, input.number, before)
      return withTransaction(db, async (trx) => {
        await noRequestsHolds(trx, meeting.id, input)
        const after = await repo.updateItem(trx, itemId, input)
        await recordAudit(trx, ctx, {
          action: 'updated agenda item',
          subjectType: 'meeting',
          subjectId: meeting.id,
          before,
          after,
        })
        return after
      })
    },

    /**
     * Moves an item one place up or down the agenda, swapping it with its neighbour; its number is
     * left as it is (the officer renumbers when the council's numbers should follow). At either end
     * nothing changes.
     */
    async moveItem(ctx: Context, itemId: string, direction: 'up' | 'down') {
      assertCan(ctx.user, 'meetings:edit')
      return withTransaction(db, async (trx) => {
        const before = await repo.findItemById(itemId, trx)
        if (!before) throw new NotFoundError('Agenda item')
        await repo.lockAgenda(trx, before.meetingId)
        const items = await repo.itemsOfMeeting(before.meetingId, trx)
        const at = items.findIndex((item) => item.id === itemId)
        const neighbour = items[direction === 'up' ? at - 1 : at + 1]
        if (!neighbour) return before
        const after = await repo.swapPositions(trx, before, neighbour)
        await recordAudit(trx, ctx, {
          action: `moved agenda item ${direction}`,
          subjectType: 'meeting',
          subjectId: before.meetingId,
          before,
          after,
        })
        return after
      })
    },

    /**
     * Removes an item with its report, appendices and their files. Refused while minutes of an
     * earlier meeting record their approval under it.
     */
    async removeItem(ctx: Context, itemId: string) {
      assertCan(ctx.user, 'meetings:edit')
      const before = await repo.findItemById(itemId)
      if (!before) throw new NotFoundError('Agenda item')
      if (await minutes().itemApprovesMinutes(ctx, itemId)) {
        throw new RuleError(
          'This item cannot be removed because the minutes of an earlier meeting were approved under it',
          'form',
        )
      }
      await withTransaction(db, async (trx) => {
        await repo.deleteItem(trx, itemId)
        await recordAudit(trx, ctx, {
          action: 'removed agenda item',
          subjectType: 'meeting',
          subjectId: before.meetingId,
          before,
        })
      })
    },
  }
}

export type AgendaService = ReturnType<typeof createAgendaService>
