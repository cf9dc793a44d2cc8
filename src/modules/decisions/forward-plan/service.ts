import { isUniqueViolation } from '#src/platform/db/errors.ts'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { readUntilChanged } from '#src/platform/request-reads.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { mayReadAnyExempt } from '#src/platform/exemption/readers.ts'
import { exemptNotice } from '#src/platform/exemption/schedule-12a.ts'
import { type BodiesService, slugify } from '#src/modules/bodies/index.ts'
import { type WorkProgrammeService, monthOrDateLabel, workProgrammePath } from '#src/modules/workprogramme/index.ts'
import { decisionPath } from '../document-view.ts'
import type { DecisionsRepository } from '../repository.ts'
import { noticeSlug } from './notice-slug.ts'
import type { ForwardPlanRepository, PlanItemRow, PlanRow } from './repository.ts'
import { type PlanForm, type PlanItemForm, URGENCY_LABELS } from './schema.ts'

export interface ForwardPlanDeps {
  db: Db
  repository: ForwardPlanRepository
  /** The register, for the decision an item became. */
  decisions: DecisionsRepository
  bodies: BodiesService
  workProgramme: WorkProgrammeService
  /** The council's settings: the look of its forward plan references. */
  settings: { current(ctx: Context): Promise<{ forwardPlanReferenceHint: string | null }> }
  /** Keep the newest plan from one request to the next until the data changes (readUntilChanged). */
  readsAcrossRequests?: boolean
}

export const planPath = (slug: string) => `/forward-plan/${slug}`
export const planItemPath = (planSlug: string, itemSlug: string) => `${planPath(planSlug)}/items/${itemSlug}`

/** A decision as a link or a choice names it: "EX47/2023: Youth Justice Plan (11 December 2023)". */
const decisionLabel = (d: { number: string | null; title: string; decidedOn: string }) =>
  `${d.number ? `${d.number}: ` : ''}${d.title} (${longDate(d.decidedOn)})`

export function createForwardPlanService(deps: ForwardPlanDeps) {
  const { db, repository: repo, bodies, workProgramme } = deps
  // The newest plan with its items, as stored, the same for everyone: kept until the data changes.
  const newestPlanWithItems = readUntilChanged('newest forward plan', () => repo.newestPlanWithItems(), {
    acrossRequests: deps.readsAcrossRequests ?? false,
  })

  async function planBySlug(slug: string) {
    const plan = await repo.findPlan(slug)
    if (!plan) throw new NotFoundError('Forward plan')
    return plan
  }

  async function itemOf(plan: PlanRow, slug: string) {
    const item = await repo.findItem(plan.id, slug)
    if (!item) throw new NotFoundError('Forward plan item')
    return item
  }

  /**
   * An item as pages show it: when, the cabinet member, why it is private (the reason for staff
   * only), its urgency, and the decision once taken.
   */
  async function present(ctx: Context, plan: PlanRow, items: PlanItemRow[]) {
    const memberIds = [...new Set(items.map((item) => item.cabinetMemberId).filter((id): id is string => !!id))]
    const decisionIds = [...new Set(items.map((item) => item.decisionId).filter((id): id is string => !!id))]
    const [people, decisions] = await Promise.all([
      bodies.getPeopleByIds(ctx, memberIds),
      deps.decisions.findDecisionsByIds(decisionIds),
    ])
    const mayReadReason = mayReadAnyExempt(ctx.user)
    return items.map((item) => {
      const member = people.find((p) => p.id === item.cabinetMemberId)
      const decision = decisions.find((d) => d.id === item.decisionId)
      return {
        ...item,
        urgencyLabel: URGENCY_LABELS[item.urgency],
        decision: decision ? { url: decisionPath(decision.slug), label: decisionLabel(decision) } : null,
        exemptReason: mayReadReason ? item.exemptReason : null,
        url: planItemPath(plan.slug, item.slug),
        anticipated: monthOrDateLabel({ month: item.anticipatedMonth, on: item.anticipatedOn }),
        cabinetMember: member
          ? {
              name: [member.honorific, member.name].filter(Boolean).join(' '),
              jobTitle: member.jobTitle,
              slug: member.slug,
            }
          : null,
        private: exemptNotice(item),
      }
    })
  }

  async function checkItem(plan: PlanRow, input: PlanItemForm, exceptId?: string) {
    if (await repo.itemSlugTaken(plan.id, slugify(input.reference), exceptId)) {
      throw new RuleError(`Decision ${input.reference} is already in this forward plan`, 'reference')
    }
    if (input.decisionId && (await deps.decisions.findDecisionsByIds([input.decisionId])).length === 0) {
      throw new RuleError('Select the decision', 'decisionId')
    }
  }

  /**
   * A plan with its items. Without a slug, the plan that starts latest (or, given `on`, the latest
   * published, or starting, on or before that day); NotFoundError when there is none.
   */
  async function getPlan(ctx: Context, slug?: string, on?: string) {
    const newestFirst = slug ? [] : await repo.listPlans()
    const plan = slug ? await planBySlug(slug) : newestFirst.find((p) => !on || (p.publishedOn ?? p.periodFrom) <= on)
    if (!plan) throw new NotFoundError('Forward plan')
    const [items, plans] = await Promise.all([repo.itemsOf(plan.id), slug ? repo.listPlans() : newestFirst])
    return { plan: { ...plan, url: planPath(plan.slug) }, items: await present(ctx, plan, items), plans }
  }

  /** The committees that may take an item for pre-decision scrutiny: every body but the Executive. */
  async function scrutinyBodies(ctx: Context) {
    return (await bodies.listBodies(ctx)).filter((body) => body.kind !== 'executive')
  }

  return {
    getPlan,

    /** The newest plan with its items, as getPlan gives them without the list of plans. Throws NotFoundError. */
    async newestPlan(ctx: Context) {
      const newest = await newestPlanWithItems(ctx)
      if (!newest) throw new NotFoundError('Forward plan')
      const { plan, items } = newest
      return { plan: { ...plan, url: planPath(plan.slug) }, items: await present(ctx, plan, items) }
    },

    /** One item, with the committees that have put it on their work programme. Throws NotFoundError. */
    async getItem(ctx: Context, planSlugValue: string, itemSlug: string) {
      const plan = await planBySlug(planSlugValue)
      const [item] = await present(ctx, plan, [await itemOf(plan, itemSlug)])
      const scrutiny = await workProgramme.itemsFromForwardPlanItem(ctx, item.id)
      return { plan: { ...plan, url: planPath(plan.slug) }, item, scrutiny }
    },

    scrutinyBodies,

    /** The relevant Cabinet Member choices: councillors on the Executive. */
    /** An example of the council's forward plan references, for the item form; null for none. */
    async referenceExample(ctx: Context) {
      assertCan(ctx.user, 'decisions:edit')
      return (await deps.settings.current(ctx)).forwardPlanReferenceHint
    },

    /** The decisions an item may have become, newest first. */
    async decisionChoices(ctx: Context) {
      assertCan(ctx.user, 'decisions:edit')
      return (await deps.decisions.listDecisions()).map((d) => ({ id: d.id, label: decisionLabel(d) }))
    },

    async cabinetMembers(ctx: Context) {
      assertCan(ctx.user, 'decisions:edit')
      const executives = (await bodies.listBodies(ctx)).filter((body) => body.kind === 'executive')
      const details = await Promise.all(executives.map((body) => bodies.getBody(ctx, body.slug)))
      const members = details
        .flatMap((body) => [...body.currentMembers, ...body.pastMembers])
        .filter((m) => m.kind === 'councillor')
      return [
        ...new Map(members.map((m) => [m.personId, { id: m.personId, name: m.name, jobTitle: m.jobTitle }])).values(),
      ]
    },

    async planToEdit(ctx: Context, slug: string) {
      assertCan(ctx.user, 'decisions:edit')
      return planBySlug(slug)
    },

    async itemToEdit(ctx: Context, planSlugValue: string, itemSlug: string) {
      assertCan(ctx.user, 'decisions:edit')
      const plan = await planBySlug(planSlugValue)
      return { plan, item: await itemOf(plan, itemSlug) }
    },

    async createPlan(ctx: Context, input: PlanForm) {
      assertCan(ctx.user, 'decisions:edit')
      const create = () =>
        withTransaction(db, async (trx) => {
          const slug = noticeSlug(input.periodFrom, await repo.slugsStartingWith(trx, input.periodFrom.slice(0, 7)))
          const plan = await repo.insertPlan(trx, { ...input, slug })
          await recordAudit(trx, ctx, {
            action: 'created forward plan',
            subjectType: 'forward plan',
            subjectId: plan.id,
            after: plan,
          })
          return plan
        })
      // Two notices for one month saved at the same moment both choose the next address; the one
      // refused by the unique address tries again, and takes the one after.
      return create().catch((error: unknown) => {
        if (isUniqueViolation(error)) return create()
        throw error
      })
    },

    async updatePlan(ctx: Context, id: string, input: PlanForm) {
      assertCan(ctx.user, 'decisions:edit')
      const plan = (await repo.listPlans()).find((p) => p.id === id)
      if (!plan) throw new NotFoundError('Forward plan')
      return withTransaction(db, async (trx) => {
        const after = await repo.updatePlan(trx, id, { ...input, slug: plan.slug })
        await recordAudit(trx, ctx, {
          action: 'updated forward plan',
          subjectType: 'forward plan',
          subjectId: id,
          before: plan,
          after,
        })
        return after
      })
    },

    async addItem(ctx: Context, planId: string, input: PlanItemForm) {
      assertCan(ctx.user, 'decisions:edit')
      const plan = (await repo.listPlans()).find((p) => p.id === planId)
      if (!plan) throw new NotFoundError('Forward plan')
      await checkItem(plan, input)
      return withTransaction(db, async (trx) => {
        const item = await repo.insertItem(trx, plan.id, { ...input, slug: slugify(input.reference) })
        await recordAudit(trx, ctx, {
          action: 'added forward plan item',
          subjectType: 'forward plan',
          subjectId: plan.id,
          after: item,
        })
        return item
      })
    },

    /** Changes an item; refused (EditConflictError) unless it is still at `version`, the one the form was opened at. */
    async updateItem(ctx: Context, plan: PlanRow, before: PlanItemRow, version: number | null, input: PlanItemForm) {
      assertCan(ctx.user, 'decisions:edit')
      await checkItem(plan, input, before.id)
      return withTransaction(db, async (trx) => {
        const after = await writeAtVersion(
          trx,
          { what: 'This forward plan item', subjectType: 'forward plan', subjectId: plan.id, expected: version },
          (at) => repo.updateItem(trx, before.id, at, { ...input, slug: slugify(input.reference) }),
          () => repo.findItemById(before.id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'updated forward plan item',
          subjectType: 'forward plan',
          subjectId: plan.id,
          before,
          after,
        })
        return after
      })
    },

    /**
     * A committee takes an item for pre-decision scrutiny: it goes on the committee's work programme
     * as a committee item, to be confirmed, linked back here. Refused when it is already there.
     */
    async markForPreDecisionScrutiny(ctx: Context, planSlugValue: string, itemSlug: string, bodyId: string) {
      assertCan(ctx.user, 'workprogramme:edit')
      const plan = await planBySlug(planSlugValue)
      const item = await itemOf(plan, itemSlug)
      if (!(await scrutinyBodies(ctx)).some((body) => body.id === bodyId)) {
        throw new RuleError('Select the committee that will scrutinise it', 'bodyId')
      }
      const anticipated = monthOrDateLabel({ month: item.anticipatedMonth, on: item.anticipatedOn })
      const added = await workProgramme.addLinkedItem(ctx, bodyId, {
        title: item.matter,
        description: `Pre-decision scrutiny of key decision ${item.reference}, for decision by ${item.decisionTaker} in ${anticipated}.`,
        kind: 'committee item',
        meetingId: null,
        scheduledMonth: null,
        scheduledOn: null,
        timingNote: `Before the decision, expected ${anticipated}`,
        origin: 'forward plan item',
        originNote: `Forward plan item ${item.reference}`,
        originUrl: planItemPath(plan.slug, item.slug),
        forwardPlanItemId: item.id,
        status: 'planned',
        leadOfficer: item.responsibleOfficer.split(',')[0].trim(),
      })
      const body = await bodies.getBodyById(ctx, bodyId)
      return { item: added, href: `${workProgrammePath(body.slug)}/${added.id}` }
    },
  }
}

export type ForwardPlanService = ReturnType<typeof createForwardPlanService>
