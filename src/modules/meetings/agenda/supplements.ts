import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { NO_SUPPLEMENT_ITEMS } from '../schema.ts'
import type { MeetingsDeps } from '../service.ts'
import type { PackFreezer } from './published-papers.ts'
import { createSupplementRepository } from './supplement-repository.ts'

export const AGENDA_NOT_PUBLISHED = 'Publish the agenda before publishing a supplementary agenda'

/** The title a supplementary agenda takes when the officer gives none. */
export const supplementTitle = (number: number) => `Supplementary agenda ${number}`

/**
 * Supplementary agendas: after the agenda is published, the items added since are published in a
 * numbered supplement, dated today. Public like the agenda; published by those who may edit meetings.
 */
export function createAgendaSupplements(deps: MeetingsDeps, papers: PackFreezer) {
  const { db, repository: repo, clock } = deps
  const supplements = createSupplementRepository(db)

  return {
    /**
     * A meeting for the page that publishes a supplementary agenda, with the items it may publish and
     * the title it takes by default. Throws NotFoundError.
     */
    async supplementToPublish(ctx: Context, slug: string) {
      assertCan(ctx.user, 'meetings:edit')
      const meeting = await repo.findMeetingBySlug(slug)
      if (!meeting) throw new NotFoundError('Meeting')
      const [items, published] = await Promise.all([
        supplements.itemsAwaitingSupplement(meeting.id),
        supplements.supplementsOf(meeting.id),
      ])
      return { meeting, items, defaultTitle: supplementTitle(published.length + 1) }
    },

    /**
     * Publishes today a supplementary agenda of `itemIds`, each added since the agenda was published
     * and in no supplement yet; its number is the meeting's next. Refused (RuleError) before the
     * agenda is published. Its pack (its items' papers) is kept as published in the same transaction.
     */
    async publishSupplement(
      ctx: Context,
      meetingId: string,
      input: { title: string; note: string; itemIds: string[] },
    ) {
      assertCan(ctx.user, 'meetings:edit')
      const found = await repo.findMeetingById(meetingId)
      if (!found) throw new NotFoundError('Meeting')
      const settings = await papers.packSettings(ctx, found)
      return withTransaction(db, async (trx) => {
        await repo.lockAgenda(trx, meetingId)
        const meeting = await repo.findMeetingById(meetingId, trx)
        if (!meeting) throw new NotFoundError('Meeting')
        if (!meeting.agendaPublishedOn) throw new RuleError(AGENDA_NOT_PUBLISHED, 'form')
        const awaiting = new Set((await supplements.itemsAwaitingSupplement(meetingId, trx)).map((item) => item.id))
        // An item published meanwhile by another supplement, or not on this agenda, cannot be published again.
        if (input.itemIds.length === 0 || !input.itemIds.every((id) => awaiting.has(id)))
          throw new RuleError(NO_SUPPLEMENT_ITEMS, 'itemIds')
        const supplement = await supplements.insertSupplement(trx, meetingId, {
          publishedOn: clock.today(),
          title: (number) => input.title || supplementTitle(number),
          note: input.note,
        })
        await supplements.addItems(trx, supplement.id, input.itemIds)
        await recordAudit(trx, ctx, {
          action: 'published supplementary agenda',
          subjectType: 'meeting',
          subjectId: meetingId,
          after: { ...supplement, itemIds: input.itemIds },
        })
        await papers.freezePack(trx, ctx, meetingId, settings, { supplement })
        return supplement
      })
    },

    /** The meeting's supplementary agendas, first first: public, like the published agenda they add to. */
    async supplementsOf(ctx: Context, meetingId: string) {
      return deps.reads.supplementsOf(ctx, meetingId)
    },
  }
}
