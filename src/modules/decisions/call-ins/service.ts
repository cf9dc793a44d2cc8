import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { callInDeadline } from '../call-in-deadline.ts'
import type { DecisionRow, DecisionsRepository } from '../repository.ts'
import type { BodyMeetings, DecisionSettings } from '../service.ts'
import type { CallInsRepository, CallInRow } from './repository.ts'
import type { CallInForm } from './schema.ts'

/**
 * Call-ins of decisions, kept by those who keep the decisions: a call-in must be requested between
 * the decision's publication and its call-in deadline under the council's rule.
 */
export function createCallInsService(deps: {
  db: Db
  repository: CallInsRepository
  decisions: DecisionsRepository
  meetings: BodyMeetings
  settings: DecisionSettings
}) {
  const { db, repository: repo } = deps

  async function decisionBySlug(slug: string) {
    const decision = await deps.decisions.findDecisionBySlug(slug)
    if (!decision) throw new NotFoundError('Decision')
    return decision
  }

  async function check(ctx: Context, decision: DecisionRow, input: CallInForm) {
    if (!decision.publishedOn) {
      throw new RuleError('This decision has not been published, so it cannot have been called in', 'requestedOn')
    }
    if (input.requestedOn < decision.publishedOn) {
      throw new RuleError('Date of the request must be the same as or after the decision was published', 'requestedOn')
    }
    const deadline = callInDeadline(decision.publishedOn, await deps.settings.callInRule(ctx))!
    if (input.requestedOn > deadline) {
      throw new RuleError(
        `Date of the request must be on or before the call-in deadline, ${longDate(deadline)}`,
        'requestedOn',
      )
    }
    if (input.meetingId && !(await meetingChoices(ctx)).some((m) => m.id === input.meetingId)) {
      throw new RuleError('Select the meeting that considered it', 'meetingId')
    }
  }

  async function meetingChoices(ctx: Context) {
    return deps.meetings.listMeetings(ctx)
  }

  return {
    /** The meetings that may have considered a call-in, latest first. */
    async meetingChoices(ctx: Context) {
      assertCan(ctx.user, 'decisions:edit')
      return meetingChoices(ctx)
    },

    async decisionToCallIn(ctx: Context, slug: string) {
      assertCan(ctx.user, 'decisions:edit')
      return decisionBySlug(slug)
    },

    async callInToEdit(ctx: Context, slug: string, number: number) {
      assertCan(ctx.user, 'decisions:edit')
      const decision = await decisionBySlug(slug)
      const callIn = await repo.findCallIn(decision.id, number)
      if (!callIn) throw new NotFoundError('Call-in')
      return { decision, callIn }
    },

    /** Records a call-in of a decision; a decision not yet marked as called in becomes so. */
    async recordCallIn(ctx: Context, decision: DecisionRow, input: CallInForm) {
      assertCan(ctx.user, 'decisions:edit')
      await check(ctx, decision, input)
      return withTransaction(db, async (trx) => {
        const callIn = await repo.insertCallIn(trx, decision.id, input)
        await deps.decisions.markCalledIn(trx, decision.id)
        await recordAudit(trx, ctx, {
          action: 'recorded call-in',
          subjectType: 'decision',
          subjectId: decision.id,
          after: callIn,
        })
        return callIn
      })
    },

    /** Changes a call-in (its outcomes, once considered); refused (EditConflictError) unless still at `version`. */
    async updateCallIn(
      ctx: Context,
      decision: DecisionRow,
      before: CallInRow,
      version: number | null,
      input: CallInForm,
    ) {
      assertCan(ctx.user, 'decisions:edit')
      await check(ctx, decision, input)
      return withTransaction(db, async (trx) => {
        const after = await writeAtVersion(
          trx,
          { what: 'This call-in', subjectType: 'decision', subjectId: decision.id, expected: version },
          (at) => repo.updateCallIn(trx, before.id, at, input),
          () => repo.findCallIn(decision.id, before.number, trx),
        )
        await deps.decisions.touchDecision(trx, decision.id)
        await recordAudit(trx, ctx, {
          action: 'updated call-in',
          subjectType: 'decision',
          subjectId: decision.id,
          before,
          after,
        })
        return after
      })
    },
  }
}

export type CallInsService = ReturnType<typeof createCallInsService>
