import type { Db, Trx } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { ForbiddenError, NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { RecommendationRow } from './repository.ts'
import type { ResolutionSource } from './resolution-source.ts'
import type { RagOverrideForm, RecommendationForm, ResponseForm, StatusForm, UpdateForm } from './schema.ts'
import type { RecommendationsDeps } from './service.ts'

interface ChangeDeps extends RecommendationsDeps {
  findOrThrow(id: string): Promise<RecommendationRow>
  mayPostUpdate(ctx: Context, row: RecommendationRow): boolean
  resolutionToTrack(
    ctx: Context,
    resolutionId: string,
    bodyId?: string,
  ): Promise<{ source: null; existing: RecommendationRow } | { source: ResolutionSource; existing: null }>
}

const subjectType = 'recommendation'

/** The tracker is public: the words of a resolution on an exempt item (Schedule 12A) must not reach it. */
export const EXEMPT_SOURCE =
  'This resolution is of an exempt item. Add the recommendation by hand, in words that can be published'

const GONE_FROM_MINUTES = 'The resolution this comes from is no longer in the minutes. Add the recommendation by hand'

function assertPublishable(source: ResolutionSource) {
  if (source.exempt) throw new RuleError(EXEMPT_SOURCE, 'text')
}

/** Officers post updates only on the recommendations they are responsible for. */
export function notResponsible() {
  return new ForbiddenError('You can only post updates on recommendations you are responsible for')
}

/** The next whole number after the body's highest, for a recommendation tracked in one step. */
async function nextNumber(deps: ChangeDeps, trx: Trx | Db, bodyId: string) {
  const numbers = await deps.repository.numbersOfBody(bodyId, trx)
  const whole = numbers
    .map((row) => row.number)
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
  return String(Math.max(0, ...whole) + 1)
}

/** Creating, changing and closing recommendations, their RAG override, the Executive's response and updates. */
export function createRecommendationChanges(deps: ChangeDeps) {
  const { db, repository: repo, clock, bodies } = deps

  function notInFuture(date: string | null, message: string, field: string) {
    if (date && date > clock.today()) throw new RuleError(message, field)
  }

  async function checkNumber(bodyId: string, number: string, exceptId?: string) {
    const taken = (await repo.numbersOfBody(bodyId)).some(
      (row) => row.number.toLowerCase() === number.toLowerCase() && row.id !== exceptId,
    )
    if (taken)
      throw new RuleError(`Recommendation ${number} already exists for this body – enter a different number`, 'number')
  }

  async function checkDetails(ctx: Context, bodyId: string, input: RecommendationForm, checkMeeting: boolean) {
    notInFuture(input.madeOn, 'Date the recommendation was made must be today or in the past', 'madeOn')
    notInFuture(input.referredOn, 'Date referred to the Executive must be today or in the past', 'referredOn')
    notInFuture(input.reviewReportedOn, 'Date of the review report must be today or in the past', 'reviewReportedOn')
    if (input.responsiblePersonId && (await bodies.getPeopleByIds(ctx, [input.responsiblePersonId])).length === 0) {
      throw new RuleError('Select the responsible officer', 'responsiblePersonId')
    }
    if (checkMeeting && input.meetingId) {
      const meetings = await deps.minutes.listMeetings(ctx, { bodyId })
      if (!meetings.some((meeting) => meeting.id === input.meetingId)) {
        throw new RuleError('Select a meeting of this body', 'meetingId')
      }
    }
  }

  /**
   * The columns the details form sets; the Executive's response goes when it is no longer referred.
   * One tracked from a resolution in the minutes stays from that resolution.
   */
  function detailsOf(input: RecommendationForm, fromMinutes = false) {
    const source = fromMinutes
      ? { sourceKind: 'resolution' as const, reviewTitle: '', reviewReportedOn: null }
      : { sourceKind: input.sourceKind, reviewTitle: input.reviewTitle, reviewReportedOn: input.reviewReportedOn }
    const referral = input.toExecutive
      ? { toExecutive: true, referredOn: input.referredOn }
      : { toExecutive: false, referredOn: null, response: null, responseReasons: '', responseReceivedOn: null }
    return {
      number: input.number,
      madeOn: input.madeOn,
      text: input.text,
      ...source,
      targetDate: input.targetDate,
      targetMonth: input.targetMonth,
      responsiblePersonId: input.responsiblePersonId,
      ...referral,
    }
  }

  /**
   * Every form's change, refused (EditConflictError) unless the recommendation is still at
   * `version`, the one the form was opened at: each form overwrites what another may have changed.
   */
  async function change(
    ctx: Context,
    before: RecommendationRow,
    version: number | null,
    action: string,
    set: Parameters<typeof repo.updateRecommendation>[3],
  ) {
    return withTransaction(db, async (trx) => {
      const after = await writeAtVersion(
        trx,
        { what: 'This recommendation', subjectType, expected: version },
        (at) => repo.updateRecommendation(trx, before.id, at, set),
        () => repo.findRecommendation(before.id, trx),
      )
      await recordAudit(trx, ctx, { action, subjectType, subjectId: before.id, before, after })
      return after
    })
  }

  return {
    /** The number a new recommendation of the body would take: one after its highest whole number. */
    async suggestedNumber(ctx: Context, bodyId: string) {
      assertCan(ctx.user, 'recommendations:edit')
      return nextNumber(deps, db, bodyId)
    },

    /** Adds a recommendation to a body's tracker, by hand or (with resolutionId) from a resolution in its minutes. */
    async createRecommendation(ctx: Context, bodyId: string, input: RecommendationForm) {
      assertCan(ctx.user, 'recommendations:edit')
      await bodies.getBodyById(ctx, bodyId)
      let source: ResolutionSource | null = null
      if (input.resolutionId) {
        const found = await deps.resolutionToTrack(ctx, input.resolutionId, bodyId).catch((error: unknown) => {
          if (error instanceof NotFoundError) throw new RuleError(GONE_FROM_MINUTES, 'text')
          throw error
        })
        if (found.existing) {
          throw new RuleError(`This resolution is already tracked as recommendation ${found.existing.number}`, 'text')
        }
        source = found.source
        assertPublishable(source)
      }
      await checkNumber(bodyId, input.number)
      await checkDetails(ctx, bodyId, input, !source)
      return withTransaction(db, async (trx) => {
        const recommendation = await repo.insertRecommendation(trx, {
          bodyId,
          ...detailsOf(input, source !== null),
          meetingId: source?.meeting.id ?? input.meetingId,
          agendaItemId: source?.item.id ?? null,
          resolutionId: source?.id ?? null,
        })
        const action = source ? 'created recommendation from resolution' : 'created recommendation'
        await recordAudit(trx, ctx, { action, subjectType, subjectId: recommendation.id, after: recommendation })
        return recommendation
      })
    },

    /**
     * One step from the minutes: the resolution becomes an open recommendation numbered after the
     * body's last, made on the meeting's date, in the resolution's words. A resolution already
     * tracked gives back its recommendation (`created: false`), so a repeated click adds nothing.
     */
    async trackResolution(ctx: Context, resolutionId: string) {
      assertCan(ctx.user, 'recommendations:edit')
      const { source, existing } = await deps.resolutionToTrack(ctx, resolutionId)
      if (existing) return { recommendation: existing, created: false }
      assertPublishable(source)
      const recommendation = await withTransaction(db, async (trx) => {
        const created = await repo.insertRecommendation(trx, {
          bodyId: source.meeting.bodyId,
          number: await nextNumber(deps, trx, source.meeting.bodyId),
          madeOn: source.meeting.date,
          text: source.text,
          meetingId: source.meeting.id,
          agendaItemId: source.item.id,
          resolutionId: source.id,
        })
        await recordAudit(trx, ctx, {
          action: 'tracked resolution as recommendation',
          subjectType,
          subjectId: created.id,
          after: created,
        })
        return created
      })
      return { recommendation, created: true }
    },

    /**
     * Changes the details. A recommendation from a resolution keeps its source; one added by hand may
     * change meeting.
     */
    async changeRecommendation(ctx: Context, id: string, version: number | null, input: RecommendationForm) {
      assertCan(ctx.user, 'recommendations:edit')
      const before = await deps.findOrThrow(id)
      const fromResolution = before.resolutionId !== null
      await checkNumber(before.bodyId, input.number, id)
      await checkDetails(ctx, before.bodyId, input, !fromResolution)
      const meetingId = fromResolution ? before.meetingId : input.meetingId
      const agendaItemId = meetingId === before.meetingId ? before.agendaItemId : null
      return change(ctx, before, version, 'changed recommendation', {
        ...detailsOf(input, fromResolution),
        meetingId,
        agendaItemId,
      })
    },

    /** Marks a recommendation complete or withdrawn (with the date, and why for a withdrawal), or open again. */
    async setStatus(ctx: Context, id: string, version: number | null, input: StatusForm) {
      assertCan(ctx.user, 'recommendations:edit')
      const before = await deps.findOrThrow(id)
      const closedOn =
        input.status === 'complete' ? input.completedOn : input.status === 'withdrawn' ? input.withdrawnOn : null
      const field = input.status === 'complete' ? 'completedOn' : 'withdrawnOn'
      const what = input.status === 'complete' ? 'Date completed' : 'Date withdrawn'
      notInFuture(closedOn, `${what} must be today or in the past`, field)
      if (closedOn && closedOn < before.madeOn) {
        throw new RuleError(`${what} must be the same as or after the date the recommendation was made`, field)
      }
      const set = {
        status: input.status,
        completedOn: input.status === 'complete' ? input.completedOn : null,
        withdrawnOn: input.status === 'withdrawn' ? input.withdrawnOn : null,
        withdrawnReason: input.status === 'withdrawn' ? input.withdrawnReason : '',
        // An override speaks only for an open recommendation: closing (or reopening) starts afresh.
        ragOverride: null,
        ragOverrideReason: '',
      }
      const action = {
        open: 'reopened recommendation',
        complete: 'marked recommendation complete',
        withdrawn: 'withdrew recommendation',
      }
      return change(ctx, before, version, action[input.status], set)
    },

    /** A scrutiny officer's own RAG rating, with the reason, in place of the computed one; 'none' removes it. */
    async overrideRag(ctx: Context, id: string, version: number | null, input: RagOverrideForm) {
      assertCan(ctx.user, 'recommendations:edit')
      const before = await deps.findOrThrow(id)
      if (before.status !== 'open') {
        throw new RuleError('Only an open recommendation’s RAG rating can be overridden', 'rag')
      }
      // The history shows actions in sentence case, so they avoid acronyms and proper nouns.
      if (input.rag === 'none')
        return change(ctx, before, version, 'removed rating override', { ragOverride: null, ragOverrideReason: '' })
      return change(ctx, before, version, 'overrode rating', {
        ragOverride: input.rag,
        ragOverrideReason: input.reason,
      })
    },

    /** The Executive's response to a recommendation referred to it. */
    async recordResponse(ctx: Context, id: string, version: number | null, input: ResponseForm) {
      assertCan(ctx.user, 'recommendations:edit')
      const before = await deps.findOrThrow(id)
      if (!before.toExecutive || !before.referredOn) {
        throw new RuleError('Record that the recommendation was referred to the Executive first', 'response')
      }
      notInFuture(input.receivedOn, 'Date received must be today or in the past', 'receivedOn')
      if (input.receivedOn < before.referredOn) {
        throw new RuleError('Date received must be the same as or after the date it was referred', 'receivedOn')
      }
      return change(ctx, before, version, 'recorded executive response', {
        response: input.response,
        responseReasons: input.reasons,
        responseReceivedOn: input.receivedOn,
      })
    },

    /** A dated progress update, by the responsible officer or a scrutiny officer. */
    async postUpdate(ctx: Context, id: string, input: UpdateForm) {
      assertCan(ctx.user, 'recommendations:update')
      const recommendation = await deps.findOrThrow(id)
      if (!deps.mayPostUpdate(ctx, recommendation)) {
        throw notResponsible()
      }
      notInFuture(input.on, 'Date of the update must be today or in the past', 'on')
      if (input.on < recommendation.madeOn) {
        throw new RuleError(
          'Date of the update must be the same as or after the date the recommendation was made',
          'on',
        )
      }
      const author = ctx.user
      return withTransaction(db, async (trx) => {
        const update = await repo.insertUpdate(trx, {
          recommendationId: id,
          onDate: input.on,
          authorUserId: author.id,
          authorName: author.name,
          text: input.text,
        })
        await recordAudit(trx, ctx, { action: 'posted update', subjectType, subjectId: id, after: update })
        return update
      })
    },
  }
}
