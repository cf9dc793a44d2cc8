import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { approvalProblem, possibleApprovingMeetings } from './approval.ts'
import { whatIsMissing } from './publish-readiness.ts'
import type { Paper } from '#src/platform/papers/paper.ts'
import { longDate } from '#src/platform/views/filters.ts'
import type { MinutesRow } from './repository.ts'
import type { ApprovalForm } from './schema.ts'
import type { MinutesDeps } from './service.ts'

const subjectType = 'minutes'

/** How the minutes read as the public reads them: what the workflow keeps when it publishes or approves. */
interface PublicMinutes {
  /** As the public reads them now, to keep when they are approved with amendments. */
  printedMinutes: (meetingId: string) => Promise<Record<string, unknown>>
  /** The paper as the public will read it once `row` stands: kept as the published PDF. */
  publicPaper: (meetingId: string, row: MinutesRow) => Promise<Paper>
}

/**
 * The life of the minutes: started as a draft → published → approved by a later meeting. Published
 * means frozen: publishing keeps the PDF the public receives, and so does recording the approval;
 * going back to draft withdraws what was kept.
 */
export function createMinutesWorkflow(deps: MinutesDeps, { printedMinutes, publicPaper }: PublicMinutes) {
  const { db, repository: repo, clock } = deps

  /** The minutes locked in `trx`, refused unless still in the status the change was checked against. */
  async function lockedIn(
    trx: Parameters<typeof repo.lockMinutes>[0],
    meetingId: string,
    status: MinutesRow['status'],
  ) {
    const locked = await repo.lockMinutes(trx, meetingId)
    if (!locked || locked.status !== status)
      throw new RuleError('The minutes were changed by someone else. Try again', 'status')
    return locked
  }

  async function minutesOf(meetingId: string) {
    const meeting = await repo.findMeetingById(meetingId)
    const minutes = meeting ? await repo.findMinutes(meeting.id) : undefined
    if (!meeting || !minutes) throw new NotFoundError('Minutes')
    return { meeting, minutes }
  }

  /** What stops these minutes being published; empty when nothing does. */
  async function missingParts(
    meeting: { id: string; date: string },
    noDeclarations: boolean,
    agendaPublished: boolean,
  ) {
    const meetingId = meeting.id
    const [attendance, declarations, items] = await Promise.all([
      repo.attendanceOf(meetingId),
      repo.declarationsOf(meetingId),
      repo.itemsOfMeetings([meetingId]),
    ])
    const resolutions = await repo.resolutionsOfItems(items.map((item) => item.id))
    return whatIsMissing({
      meetingDate: meeting.date,
      today: clock.today(),
      agendaPublished,
      attendance,
      noDeclarations,
      declarationCount: declarations.length,
      items: items.map((item) => ({
        ...item,
        resolutionCount: resolutions.filter((resolution) => resolution.agendaItemId === item.id).length,
      })),
    })
  }

  return {
    /** Starts the minutes of a meeting as a draft. A cancelled or postponed meeting has none. */
    async startMinutes(ctx: Context, meetingId: string) {
      assertCan(ctx.user, 'minutes:edit')
      const meeting = await repo.findMeetingById(meetingId)
      if (!meeting) throw new NotFoundError('Meeting')
      if (meeting.status === 'cancelled' || meeting.status === 'postponed') {
        throw new RuleError(`The meeting was ${meeting.status}, so it has no minutes`, 'status')
      }
      if (await repo.findMinutes(meetingId)) return
      await withTransaction(db, async (trx) => {
        const after = await repo.insertMinutes(trx, meetingId)
        await recordAudit(trx, ctx, { action: 'started minutes', subjectType, subjectId: meetingId, after })
      })
    },

    /**
     * Publishes draft minutes for everyone to read. Refused, naming what is missing, until the agenda
     * is published, someone is present, someone chaired, the declarations are recorded and every item
     * has a minute or resolution.
     */
    async publishMinutes(ctx: Context, meetingId: string) {
      assertCan(ctx.user, 'minutes:edit')
      const { meeting, minutes: before } = await minutesOf(meetingId)
      if (before.status !== 'draft') throw new RuleError('The minutes have already been published', 'status')
      const missing = await missingParts(meeting, before.noDeclarations, meeting.agendaPublishedOn !== null)
      if (missing.length) {
        throw new RuleError(
          `The minutes cannot be published yet. ${missing.map((part) => part.text).join('. ')}`,
          'missing',
        )
      }
      const change = { status: 'published' as const, publishedAt: clock.now() }
      const paper = await publicPaper(meetingId, { ...before, ...change })
      return withTransaction(db, async (trx) => {
        await lockedIn(trx, meetingId, 'draft')
        const after = await repo.updateMinutes(trx, meetingId, change)
        await recordAudit(trx, ctx, { action: 'published minutes', subjectType, subjectId: meetingId, before, after })
        await deps.meetings.freezeMinutes(trx, ctx, meetingId, paper)
        return after
      })
    },

    /** Takes published minutes back to draft to correct them; the reason goes into the audit trail. */
    async unpublishMinutes(ctx: Context, meetingId: string, reason: string) {
      assertCan(ctx.user, 'minutes:edit')
      const { minutes: before } = await minutesOf(meetingId)
      if (before.status === 'approved') {
        throw new RuleError('Approved minutes are the final record and cannot go back to draft', 'status')
      }
      if (before.status !== 'published') throw new RuleError('The minutes are already a draft', 'status')
      return withTransaction(db, async (trx) => {
        await lockedIn(trx, meetingId, 'published')
        await deps.meetings.withdrawMinutesPapers(trx, ctx, meetingId, reason)
        const after = await repo.updateMinutes(trx, meetingId, { status: 'draft', publishedAt: null })
        await recordAudit(trx, ctx, {
          action: 'unpublished minutes',
          subjectType,
          subjectId: meetingId,
          before,
          after: { ...after, reason },
        })
        return after
      })
    },

    /**
     * Later meetings of the same body that have taken place, with their agenda items: where approval
     * can be recorded.
     */
    async approvalChoices(ctx: Context, meetingId: string) {
      assertCan(ctx.user, 'minutes:edit')
      const { meeting } = await minutesOf(meetingId)
      const later = await repo.meetingsOfBodyAfter(meeting.bodyId, meeting.date)
      return possibleApprovingMeetings(meeting, later, clock.today()).filter((choice) => choice.items.length > 0)
    },

    /**
     * Records that a later meeting of the same body approved the published minutes as a correct
     * record, at one of its agenda items, with any amendment it made. The date is that meeting's.
     * With an amendment, the draft as published is kept, so the public can still read what changed.
     */
    async approveMinutes(ctx: Context, meetingId: string, input: ApprovalForm) {
      assertCan(ctx.user, 'minutes:edit')
      const { meeting, minutes: before } = await minutesOf(meetingId)
      if (before.status === 'draft')
        throw new RuleError('Publish the minutes before recording their approval', 'status')
      if (before.status === 'approved')
        throw new RuleError('The approval of these minutes is already recorded', 'status')
      const item = await repo.findItemById(input.agendaItemId)
      const approvingMeeting = item ? await repo.findMeetingById(item.meetingId) : undefined
      if (!item || !approvingMeeting) throw new RuleError('Select an agenda item of a later meeting', 'agendaItemId')
      const problem = approvalProblem(meeting, approvingMeeting, clock.today())
      if (problem) throw new RuleError(problem, 'agendaItemId')
      const publishedDraft = input.amendment ? await printedMinutes(meetingId) : null
      const change = {
        status: 'approved' as const,
        approvedAtMeetingId: approvingMeeting.id,
        approvedAtItemId: item.id,
        approvedOn: approvingMeeting.date,
        approvalAmendment: input.amendment,
      }
      const paper = await publicPaper(meetingId, { ...before, ...change })
      return withTransaction(db, async (trx) => {
        await lockedIn(trx, meetingId, 'published')
        const kept = publishedDraft
          ? await repo.insertVersion(trx, {
              meetingId,
              publishedAt: before.publishedAt,
              replacedOn: approvingMeeting.date,
              content: JSON.stringify(publishedDraft),
            })
          : null
        const after = await repo.updateMinutes(trx, meetingId, change)
        const action = kept ? 'approved minutes with amendments' : 'approved minutes'
        const keptDraft = kept ? { keptDraftId: kept.id } : {}
        await recordAudit(trx, ctx, {
          action,
          subjectType,
          subjectId: meetingId,
          before,
          after: { ...after, ...keptDraft },
        })
        const note = `Approved as a correct record at the meeting on ${longDate(approvingMeeting.date)}`
        await deps.meetings.freezeMinutes(
          trx,
          ctx,
          meetingId,
          paper,
          input.amendment ? `${note}, with amendments` : note,
        )
        return after
      })
    },
  }
}
