import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { MeetingRow } from '../repository.ts'
import type { MeetingsDeps } from '../service.ts'
import { agendaNotice } from './notice.ts'
import type { PackFreezer } from './published-papers.ts'

export const LATE_REASON_MISSING = 'Enter the reason for late publication'
const ALREADY_PUBLISHED = 'This agenda has already been published'

/**
 * Publishing a meeting's agenda: from then on its items, reports and appendices are public, and its
 * pack is kept as published. The date is today's; an agenda published with less than the council's
 * notice needs a reason, which is kept and shown to the public. For those who may edit meetings.
 */
export function createAgendaPublication(deps: MeetingsDeps, papers: PackFreezer) {
  const { db, repository: repo, clock, publicationNotice } = deps

  const noticeOf = async (ctx: Context, meeting: MeetingRow) =>
    agendaNotice(clock.today(), meeting.date, await publicationNotice(ctx))

  return {
    /** A meeting for its publish page, with the notice its agenda gives if published today. Throws NotFoundError. */
    async agendaToPublish(ctx: Context, slug: string) {
      assertCan(ctx.user, 'meetings:edit')
      const meeting = await repo.findMeetingBySlug(slug)
      if (!meeting) throw new NotFoundError('Meeting')
      return { meeting, notice: await noticeOf(ctx, meeting) }
    },

    /**
     * Publishes the meeting's draft agenda today, and keeps its pack, as published, in the same
     * transaction. Late (fewer clear working days than the council's
     * notice) it needs `lateReason`, kept with it; on time, a reason is not asked for and not kept.
     * Refused (RuleError) when the agenda is already published.
     */
    async publishAgenda(ctx: Context, meetingId: string, input: { lateReason: string }) {
      assertCan(ctx.user, 'meetings:edit')
      const before = await repo.findMeetingById(meetingId)
      if (!before) throw new NotFoundError('Meeting')
      if (before.agendaPublishedOn) throw new RuleError(ALREADY_PUBLISHED, 'form')
      const notice = await noticeOf(ctx, before)
      if (notice.late && !input.lateReason) throw new RuleError(LATE_REASON_MISSING, 'lateReason')
      const settings = await papers.packSettings(ctx, before)
      return withTransaction(db, async (trx) => {
        const publication = { on: clock.today(), lateReason: notice.late ? input.lateReason : '' }
        const after = await repo.publishAgenda(trx, meetingId, publication)
        if (!after) throw new RuleError(ALREADY_PUBLISHED, 'form')
        await recordAudit(trx, ctx, {
          action: 'published agenda',
          subjectType: 'meeting',
          subjectId: meetingId,
          before,
          after,
        })
        await papers.freezePack(trx, ctx, meetingId, settings, {})
        return after
      })
    },
  }
}
