import type { Db } from '#src/database.ts'
import { isReservedSlug, slugify } from '#src/modules/bodies/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { ForbiddenError, NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { RecordsRepository } from './records-repository.ts'
import type { ImprovementRepository } from './repository.ts'
import type { FindingForm, InspectionForm, PlanForm, ThemeForm } from './schema.ts'

type Plan = NonNullable<Awaited<ReturnType<ImprovementRepository['findPlan']>>>

/** An end date before the start: `field` names the end date's field. */
function assertInOrder(from: string | null, to: string | null, field: string, message: string) {
  if (from && to && to < from) throw new RuleError(message, field)
}

/**
 * A council's own inspections with their findings, and its plans with their themes: added and
 * changed through forms. The scrutiny officer and admins keep inspections and add plans; a plan's
 * themes are kept by them and by the plan's owner.
 */
export function createRecordsService(deps: {
  db: Db
  repository: ImprovementRepository
  records: RecordsRepository
  isOwner: (ctx: Context, plan: Plan) => boolean
}) {
  const { db, repository: repo, records, isOwner } = deps

  /** The address a new record takes from its title, refused when another record has it. */
  async function newSlug(table: 'inspections' | 'improvementPlans', title: string, what: string) {
    const base = slugify(title)
    if (!base) throw new RuleError(`The ${what}’s title must include letters or numbers`, 'title')
    const slug = isReservedSlug(base) ? `${base}-${what.split(' ').at(-1)}` : base
    if (await records.slugTaken(table, slug)) {
      throw new RuleError(
        `There is already an ${what} with this title: add something to tell them apart, like the year`,
        'title',
      )
    }
    return slug
  }

  function checkInspectionDates(input: InspectionForm) {
    assertInOrder(input.startedOn, input.endedOn, 'endedOn', 'The inspection must end on or after the day it started')
  }

  async function inspectionOrThrow(slug: string) {
    const inspection = await repo.findInspection(slug)
    if (!inspection) throw new NotFoundError('Inspection')
    return inspection
  }

  async function findingOrThrow(inspectionId: string, id: string) {
    const finding = await records.findFinding(id)
    if (!finding || finding.inspectionId !== inspectionId) throw new NotFoundError('Finding')
    return finding
  }

  async function planOrThrow(slug: string) {
    const plan = await repo.findPlan(slug)
    if (!plan) throw new NotFoundError('Improvement plan')
    return plan
  }

  /** The plan's themes: its owner, or those who add plans. */
  function assertThemeKeeper(ctx: Context, plan: Plan) {
    if (can(ctx.user, 'improvement:plans')) return
    assertCan(ctx.user, 'improvement:update')
    if (!isOwner(ctx, plan)) throw new ForbiddenError()
  }

  function mayKeepThemes(ctx: Context, plan: Plan) {
    return can(ctx.user, 'improvement:plans') || isOwner(ctx, plan)
  }

  async function themeNumberIsFree(planId: string, number: string, exceptId?: string) {
    if (await records.themeNumbered(db, planId, number, exceptId))
      throw new RuleError(`There is already a theme ${number} in this plan`, 'number')
  }

  async function findingNumberIsFree(inspectionId: string, input: FindingForm, exceptId?: string) {
    if (await records.findingNumbered(db, inspectionId, input, exceptId))
      throw new RuleError(`There is already ${describeFinding(input)} in this inspection`, 'number')
  }

  async function themeForm(ctx: Context, slug: string, themeId?: string) {
    const plan = await planOrThrow(slug)
    assertThemeKeeper(ctx, plan)
    const theme = themeId ? await records.findTheme(themeId) : null
    if (themeId && theme?.planId !== plan.id) throw new NotFoundError('Theme')
    return { plan, theme }
  }

  return {
    mayKeepThemes,

    /** An inspection for its change form; null for the form of a new one. */
    async inspectionToEdit(ctx: Context, slug: string | null) {
      assertCan(ctx.user, 'inspections:edit')
      if (!slug) return null
      const inspection = await inspectionOrThrow(slug)
      return { ...inspection, judgements: await records.judgementsOf(inspection.id) }
    },

    async addInspection(ctx: Context, input: InspectionForm) {
      assertCan(ctx.user, 'inspections:edit')
      checkInspectionDates(input)
      const slug = await newSlug('inspections', input.title, 'inspection')
      const { judgements, ...details } = input
      return withTransaction(db, async (trx) => {
        const inspection = await records.insertInspection(trx, { ...details, slug })
        const graded = await records.replaceJudgements(trx, inspection.id, judgements)
        await recordAudit(trx, ctx, {
          action: 'added inspection',
          subjectType: 'inspection',
          subjectId: inspection.id,
          after: { ...inspection, judgements: graded },
        })
        return inspection
      })
    },

    /** Changes an inspection's details; its address stays. Refused over someone else's change. */
    async changeInspection(ctx: Context, slug: string, version: number | null, input: InspectionForm) {
      assertCan(ctx.user, 'inspections:edit')
      checkInspectionDates(input)
      const { id } = await inspectionOrThrow(slug)
      const { judgements, ...details } = input
      return withTransaction(db, async (trx) => {
        const before = await records.findInspectionById(id, trx)
        if (!before) throw new NotFoundError('Inspection')
        const judgedBefore = await records.judgementsOf(id, trx)
        const after = await writeAtVersion(
          trx,
          { what: 'This inspection', subjectType: 'inspection', subjectId: id, expected: version },
          (at) => records.updateInspection(trx, id, at, details),
          () => records.findInspectionById(id, trx),
        )
        const graded = await records.replaceJudgements(trx, id, judgements)
        await recordAudit(trx, ctx, {
          action: 'changed inspection',
          subjectType: 'inspection',
          subjectId: id,
          before: { ...before, judgements: judgedBefore },
          after: { ...after, judgements: graded },
        })
        return after
      })
    },

    /** The inspection, and the finding when one is being changed, for the finding form. */
    async findingForm(ctx: Context, slug: string, findingId?: string) {
      assertCan(ctx.user, 'inspections:edit')
      const inspection = await inspectionOrThrow(slug)
      const finding = findingId ? await findingOrThrow(inspection.id, findingId) : null
      return { inspection, finding }
    },

    async addFinding(ctx: Context, slug: string, input: FindingForm) {
      assertCan(ctx.user, 'inspections:edit')
      const inspection = await inspectionOrThrow(slug)
      await findingNumberIsFree(inspection.id, input)
      return withTransaction(db, async (trx) => {
        const finding = await records.insertFinding(trx, inspection.id, input)
        await recordAudit(trx, ctx, {
          action: `added ${describeFinding(input)}`,
          subjectType: 'inspection',
          subjectId: inspection.id,
          after: finding,
        })
        return finding
      })
    },

    async changeFinding(ctx: Context, slug: string, findingId: string, version: number | null, input: FindingForm) {
      assertCan(ctx.user, 'inspections:edit')
      const inspection = await inspectionOrThrow(slug)
      await findingOrThrow(inspection.id, findingId)
      await findingNumberIsFree(inspection.id, input, findingId)
      return withTransaction(db, async (trx) => {
        const before = await records.findFinding(findingId, trx)
        if (!before) throw new NotFoundError('Finding')
        const after = await writeAtVersion(
          trx,
          { what: 'This finding', subjectType: 'inspection', subjectId: inspection.id, expected: version },
          (at) => records.updateFinding(trx, findingId, at, input),
          () => records.findFinding(findingId, trx),
        )
        await recordAudit(trx, ctx, {
          action: `changed ${describeFinding(before)}`,
          subjectType: 'inspection',
          subjectId: inspection.id,
          before,
          after,
        })
        return after
      })
    },

    /** The inspections a new plan may answer, for its form. */
    async planForm(ctx: Context) {
      assertCan(ctx.user, 'improvement:plans')
      return { inspections: await repo.listInspections() }
    },

    /** Adds a plan, its owner linked to the person record of the same name, and the inspections it answers. */
    async addPlan(ctx: Context, input: PlanForm) {
      assertCan(ctx.user, 'improvement:plans')
      assertInOrder(input.startsOn, input.endsOn, 'endsOn', 'The plan must end after it starts')
      const known = await records.inspectionsNamed(input.inspectionIds)
      if (known.length !== new Set(input.inspectionIds).size)
        throw new RuleError('Select inspections from the list', 'inspectionIds')
      const slug = await newSlug('improvementPlans', input.title, 'improvement plan')
      return withTransaction(db, async (trx) => {
        const [owner] = input.owner ? await repo.peopleNamed([input.owner], trx) : []
        const plan = await records.insertPlan(trx, {
          slug,
          title: input.title,
          owner: input.owner,
          ownerPersonId: owner?.id ?? null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        })
        await records.linkInspections(trx, plan.id, [...new Set(input.inspectionIds)])
        await recordAudit(trx, ctx, {
          action: 'added improvement plan',
          subjectType: 'improvement plan',
          subjectId: plan.id,
          after: { ...plan, inspectionIds: input.inspectionIds },
        })
        return plan
      })
    },

    /** A plan for its change form, with the inspections it answers and those it may. */
    async planToEdit(ctx: Context, slug: string) {
      assertCan(ctx.user, 'improvement:plans')
      const plan = await planOrThrow(slug)
      const [inspectionIds, inspections] = await Promise.all([
        records.inspectionIdsOfPlan(plan.id),
        repo.listInspections(),
      ])
      return { plan, inspectionIds, inspections }
    },

    /**
     * Changes a plan's details and the inspections it answers; its address stays. Refused
     * (EditConflictError) unless it is still at `version`, the edit version the form was opened at.
     */
    async changePlan(ctx: Context, slug: string, version: number | null, input: PlanForm) {
      assertCan(ctx.user, 'improvement:plans')
      assertInOrder(input.startsOn, input.endsOn, 'endsOn', 'The plan must end after it starts')
      const { id } = await planOrThrow(slug)
      const known = await records.inspectionsNamed(input.inspectionIds)
      if (known.length !== new Set(input.inspectionIds).size)
        throw new RuleError('Select inspections from the list', 'inspectionIds')
      return withTransaction(db, async (trx) => {
        const before = await records.findPlanById(id, trx)
        if (!before) throw new NotFoundError('Improvement plan')
        const inspectionsBefore = await records.inspectionIdsOfPlan(id, trx)
        const [owner] = input.owner ? await repo.peopleNamed([input.owner], trx) : []
        const details = {
          title: input.title,
          owner: input.owner,
          ownerPersonId: owner?.id ?? null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        }
        const after = await writeAtVersion(
          trx,
          { what: 'This improvement plan', subjectType: 'improvement plan', subjectId: id, expected: version },
          (at) => records.updatePlan(trx, id, at, details),
          async () => {
            const current = await records.findPlanById(id, trx)
            return current && { id: current.id, version: current.editVersion }
          },
        )
        const inspectionIds = [...new Set(input.inspectionIds)]
        await records.unlinkInspections(trx, id)
        await records.linkInspections(trx, id, inspectionIds)
        await recordAudit(trx, ctx, {
          action: 'changed improvement plan',
          subjectType: 'improvement plan',
          subjectId: id,
          before: { ...before, inspectionIds: inspectionsBefore },
          after: { ...after, inspectionIds },
        })
        return after
      })
    },

    /** The plan, and the theme when one is being changed, for the theme form. */
    themeForm,

    /** Adds a theme; without a position it goes last. */
    async addTheme(ctx: Context, slug: string, input: ThemeForm) {
      const plan = await planOrThrow(slug)
      assertThemeKeeper(ctx, plan)
      await themeNumberIsFree(plan.id, input.number)
      return withTransaction(db, async (trx) => {
        const position = input.position ?? (await records.nextThemePosition(trx, plan.id))
        const theme = await records.insertTheme(trx, plan.id, { ...input, position })
        await recordAudit(trx, ctx, {
          action: `added theme ${input.number}`,
          subjectType: 'improvement plan',
          subjectId: plan.id,
          after: theme,
        })
        return { plan, theme }
      })
    },

    async changeTheme(ctx: Context, slug: string, themeId: string, version: number | null, input: ThemeForm) {
      const { plan, theme } = await themeForm(ctx, slug, themeId)
      await themeNumberIsFree(plan.id, input.number, themeId)
      return withTransaction(db, async (trx) => {
        const position = input.position ?? theme!.position
        const after = await writeAtVersion(
          trx,
          { what: 'This theme', subjectType: 'improvement plan', subjectId: plan.id, expected: version },
          (at) => records.updateTheme(trx, themeId, at, { ...input, position }),
          () => records.findTheme(themeId, trx),
        )
        await recordAudit(trx, ctx, {
          action: `changed theme ${theme!.number}`,
          subjectType: 'improvement plan',
          subjectId: plan.id,
          before: theme,
          after,
        })
        return { plan, theme: after }
      })
    },
  }
}

/** "an area for improvement numbered 3", as an audit entry or a refusal names a finding. */
function describeFinding(finding: { kind: string; number: string }) {
  return `${/^[aeiou]/.test(finding.kind) ? 'an' : 'a'} ${finding.kind} numbered ${finding.number}`
}

export type RecordsService = ReturnType<typeof createRecordsService>
