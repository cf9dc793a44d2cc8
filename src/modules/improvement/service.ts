import { format, parseISO, subMonths } from 'date-fns'
import { isUniqueViolation } from '#src/platform/db/errors.ts'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { groupBy } from '#src/platform/collections.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { readsUntilChanged } from '#src/platform/request-reads.ts'
import type { Clock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { ForbiddenError, NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { RecordsRepository } from './records-repository.ts'
import { createRecordsService } from './records-service.ts'
import type { ImprovementRepository } from './repository.ts'
import {
  type MilestoneFilter,
  type MilestoneRag,
  actionRag,
  countByRag,
  coverage,
  isStale,
  milestoneMatches,
  milestoneRag,
  statusOn,
} from './rules.ts'
import type { ActionForm, MilestoneForm, UpdateForm, VersionForm } from './schema.ts'

type Contents = Awaited<ReturnType<ImprovementRepository['planContents']>>
type Plan = NonNullable<Awaited<ReturnType<ImprovementRepository['findPlan']>>>
type Finding = Contents['findings'][number]

/** The plan as its pages show it: themes → actions → milestones, each with what is derived. */
function present(plan: Plan, contents: Contents, findings: Finding[], today: string) {
  const consideredBefore = contents.considered.filter((m) => m.date < today)
  const lastConsideredOn = consideredBefore.at(-1)?.date ?? null
  const updatesByMilestone = groupBy(contents.updates, (u) => u.milestoneId)
  const updatesByAction = groupBy(contents.updates, (u) => u.actionId)
  const milestones = contents.milestones.map((milestone) => {
    const updates = updatesByMilestone.get(milestone.id) ?? []
    const lastUpdatedOn = updates[0]?.onDate ?? null
    return {
      ...milestone,
      updates,
      lastUpdatedOn,
      rag: milestoneRag(milestone, lastUpdatedOn, today),
      stale: isStale(milestone, lastUpdatedOn, lastConsideredOn),
    }
  })
  const milestonesByAction = groupBy(milestones, (m) => m.actionId)
  const linksByAction = groupBy(contents.links, (l) => l.actionId)
  const leadsByAction = groupBy(contents.leads, (l) => l.actionId)
  const actions = contents.actions.map((action) => {
    const own = milestonesByAction.get(action.id) ?? []
    const findingIds = (linksByAction.get(action.id) ?? []).map((l) => l.findingId)
    return {
      ...action,
      leads: leadsByAction.get(action.id) ?? [],
      findings: findings.filter((f) => findingIds.includes(f.id)),
      findingIds,
      milestones: own,
      milestoneCount: own.length,
      /** Its milestones nobody has updated since the committee last considered the plan. */
      staleCount: own.filter((m) => m.stale).length,
      updates: updatesByAction.get(action.id) ?? [],
      rag: actionRag(own.map((m) => m.rag)),
      counts: countByRag(own.map((m) => m.rag)),
    }
  })
  const actionsByTheme = groupBy(actions, (a) => a.themeId)
  const themes = contents.themes.map((theme) => {
    const own = actionsByTheme.get(theme.id) ?? []
    return { ...theme, actions: own, counts: countByRag(own.flatMap((a) => a.milestones.map((m) => m.rag))) }
  })
  return {
    plan,
    themes,
    actions,
    milestones,
    counts: countByRag(milestones.map((m) => m.rag)),
    versions: contents.versions,
    considered: contents.considered,
    lastConsideredOn,
    coverage: coverage(findings, actions, milestones),
    findings,
    today,
  }
}
export type PlanView = ReturnType<typeof present>

/** The plan's contents as they stood at the end of `on`: later updates left out, statuses as they were then. */
function contentsOn(contents: Contents, on: string): Contents {
  const updatesByMilestone = groupBy(contents.updates, (update) => update.milestoneId)
  return {
    ...contents,
    updates: contents.updates.filter((update) => update.onDate <= on),
    milestones: contents.milestones.map((milestone) => ({
      ...milestone,
      status: statusOn(milestone.status, updatesByMilestone.get(milestone.id) ?? [], on),
    })),
  }
}

/** The updates since `from` by action (those with any), each with its milestone (null: on the action as a whole). */
function entriesSince(view: PlanView, from: string) {
  return view.actions.flatMap((action) => {
    const theme = view.themes.find((t) => t.id === action.themeId)!
    const onAction = action.updates.filter((u) => u.onDate >= from).map((update) => ({ update, milestone: null }))
    const onMilestones = action.milestones.flatMap((m) =>
      m.updates.filter((u) => u.onDate >= from).map((update) => ({ update, milestone: m })),
    )
    const all = [...onAction, ...onMilestones].sort((a, b) => a.update.onDate.localeCompare(b.update.onDate))
    return all.length ? [{ theme, action, entries: all }] : []
  })
}

export function createImprovementService(deps: {
  db: Db
  repository: ImprovementRepository
  records: RecordsRepository
  clock: Clock
  /** Keep each plan's view from one request to the next until the data changes (readsUntilChanged). */
  readsAcrossRequests?: boolean
}) {
  const { db, repository: repo, clock } = deps

  async function planOrThrow(slug: string) {
    const plan = await repo.findPlan(slug)
    if (!plan) throw new NotFoundError('Improvement plan')
    return plan
  }

  /**
   * The plan on `today`, or as it stood at the end of `on` (a past day: the RAG of that day, the
   * updates made by then).
   */
  async function readPlanView(_ctx: Context, slug: string, on: string | null, today: string) {
    const plan = await planOrThrow(slug)
    const contents = await repo.planContents(plan.id)
    return present(
      plan,
      on ? contentsOn(contents, on) : contents,
      contents.findings.filter((f) => f.kind !== 'strength'),
      on ?? today,
    )
  }
  // The same for everyone (every page of a plan is public): kept until the data changes, or the day does.
  const keptPlanView = readsUntilChanged('plan view', readPlanView, {
    acrossRequests: deps.readsAcrossRequests ?? false,
    keep: 20,
  })
  /** The plan now, or as it stood at the end of `on`. */
  const planView = (ctx: Context, slug: string, on?: string) => keptPlanView(ctx, slug, on ?? null, clock.today())

  /** May this person post updates on the action: one of its leads, or someone who edits plans. */
  function leads(ctx: Context, action: { leads: { personId: string | null }[] }) {
    const personId = ctx.user?.personId
    return Boolean(personId && action.leads.some((lead) => lead.personId === personId))
  }

  /** The plan's owner (by person record) or an admin may change its structure. */
  function assertOwner(ctx: Context, plan: Plan) {
    assertCan(ctx.user, 'improvement:update')
    if (can(ctx.user, 'improvement:edit-any')) return
    if (!plan.ownerPersonId || plan.ownerPersonId !== ctx.user?.personId) throw new ForbiddenError()
  }

  return {
    listInspections: (_ctx: Context) => repo.listInspections(),

    /** An inspection with its judgements, and each finding with the plan actions that answer it and their RAG. */
    async inspection(ctx: Context, slug: string) {
      const inspection = await repo.findInspection(slug)
      if (!inspection) throw new NotFoundError('Inspection')
      const [judgements, findings] = await Promise.all([
        repo.judgementsOf(inspection.id),
        repo.findingsOf([inspection.id]),
      ])
      const answering = await repo.actionsAnswering(findings.map((f) => f.id))
      const plans = new Map<string, PlanView>()
      for (const slug of new Set(answering.map((a) => a.planSlug))) plans.set(slug, await planView(ctx, slug))
      return {
        inspection,
        judgements,
        findings: findings.map((finding) => ({
          ...finding,
          actions: answering
            .filter((a) => a.findingId === finding.id)
            .map((a) => ({
              plan: plans.get(a.planSlug)!.plan,
              action: plans.get(a.planSlug)!.actions.find((x) => x.id === a.actionId)!,
            })),
        })),
      }
    },

    listPlans: (_ctx: Context) => repo.listPlans(),

    /** Every action of every plan, with its page, for other modules to link to. */
    async allActions(_ctx: Context) {
      const rows = await repo.listAllActions()
      return rows.map((row) => ({ ...row, href: `/improvement-plans/${row.planSlug}/actions/${row.reference}` }))
    },

    plan: (ctx: Context, slug: string) => planView(ctx, slug),

    /**
     * The plan's milestones that match the filter, each with its action and theme, in the plan's order;
     * the choices of theme and lead the plan offers; and the filter as applied (a theme or lead the plan
     * does not have is left out).
     */
    async milestones(ctx: Context, slug: string, asked: MilestoneFilter) {
      const view = await planView(ctx, slug)
      const leads = [...new Set(view.actions.flatMap((action) => action.leads.map((lead) => lead.name)))].sort()
      const filter: MilestoneFilter = {
        ...asked,
        themeId: view.themes.some((theme) => theme.id === asked.themeId) ? asked.themeId : undefined,
        lead: asked.lead && leads.includes(asked.lead) ? asked.lead : undefined,
      }
      const matching = view.themes.flatMap((theme) =>
        theme.actions.flatMap((action) =>
          action.milestones
            .filter((milestone) => milestoneMatches(milestone, action, filter))
            .map((milestone) => ({ milestone, action, theme })),
        ),
      )
      const filtered = Boolean(filter.rag || filter.themeId || filter.lead || filter.stale)
      return { ...view, matching, leads, filter, filtered }
    },

    /** One action with its milestones and the whole history of updates. */
    async action(ctx: Context, slug: string, reference: string) {
      const view = await planView(ctx, slug)
      const action = view.actions.find((a) => a.reference === reference)
      if (!action) throw new NotFoundError('Action')
      const theme = view.themes.find((t) => t.id === action.themeId)!
      return {
        ...view,
        action,
        theme,
        canUpdate: leads(ctx, action) || can(ctx.user, 'improvement:edit-any'),
        isOwner: isOwner(ctx, view.plan),
      }
    },

    /**
     * Every update and status change since a date (by default the last time a meeting considered the
     * plan, else its start): the committee's progress report.
     */
    async since(ctx: Context, slug: string, asked: string | undefined) {
      const view = await planView(ctx, slug)
      const from = asked ?? view.lastConsideredOn ?? view.plan.startsOn ?? '2000-01-01'
      return { ...view, from, entries: entriesSince(view, from) }
    },

    /**
     * The plan as it stood at the end of `on` (today when not given) and every update since `since`: by
     * default the last meeting before `on` that considered the plan, or three months before `on` when none has.
     */
    async progress(ctx: Context, slug: string, options: { since?: string | undefined; on?: string | undefined }) {
      const on = options.on ?? clock.today()
      const view = await planView(ctx, slug, on)
      const from = options.since ?? view.lastConsideredOn ?? format(subMonths(parseISO(on), 3), 'yyyy-MM-dd')
      return { ...view, from, entries: entriesSince(view, from) }
    },

    /**
     * What an update request before a meeting lists: in each plan the meeting is to consider, every
     * milestone not complete or dropped that is red on `on`, or due by the meeting's date, once for
     * each lead of its action who has a person record, with the address of its action to post the update.
     */
    async updatesWanted(ctx: Context, meeting: { id: string; date: string }, on = clock.today()) {
      const wanted = []
      for (const { slug } of await repo.plansConsideredAt(meeting.id)) {
        const view = await planView(ctx, slug, on)
        for (const action of view.actions)
          for (const milestone of action.milestones) {
            const open = milestone.status !== 'complete' && milestone.status !== 'dropped'
            const due = milestone.dueOn !== null && milestone.dueOn <= meeting.date
            if (!open || (milestone.rag !== 'red' && !due)) continue
            const line = `Action ${action.reference}: ${milestone.text} (${milestone.rag === 'red' ? 'red' : 'due'})`
            const href = `/improvement-plans/${view.plan.slug}/actions/${encodeURIComponent(action.reference)}#milestone-${milestone.id}`
            const updatedOn = milestone.lastUpdatedOn
            for (const lead of action.leads)
              if (lead.personId) wanted.push({ personId: lead.personId, line, href, updatedOn })
          }
      }
      return wanted
    },

    /** The milestones rated red on `to` that were not red on `from`, in every plan, for the weekly digest. */
    async milestonesTurnedRed(ctx: Context, from: string, to: string) {
      const turned = []
      for (const plan of await repo.listPlans()) {
        const [before, now] = [await planView(ctx, plan.slug, from), await planView(ctx, plan.slug, to)]
        const redBefore = new Set(before.milestones.filter((m) => m.rag === 'red').map((m) => m.id))
        for (const action of now.actions)
          for (const milestone of action.milestones)
            if (milestone.rag === 'red' && !redBefore.has(milestone.id))
              turned.push({
                line: `${plan.title}, action ${action.reference}: ${milestone.text}`,
                href: `/improvement-plans/${plan.slug}/actions/${encodeURIComponent(action.reference)}#milestone-${milestone.id}`,
              })
      }
      return turned
    },

    /** The actions a person leads, across plans, with their milestones: "my actions". */
    async myActions(ctx: Context) {
      assertCan(ctx.user, 'improvement:update')
      const personId = ctx.user.personId
      if (!personId) return { linked: false as const, actions: [], today: clock.today() }
      const rows = await repo.plansLedBy(personId)
      const plans = await repo.listPlans()
      const actions = []
      for (const plan of plans.filter((p) => rows.some((r) => r.planId === p.id))) {
        const view = await planView(ctx, plan.slug)
        actions.push(
          ...view.actions
            .filter((a) => rows.some((r) => r.actionId === a.id))
            .map((action) => ({ plan: view.plan, action })),
        )
      }
      return { linked: true as const, actions, today: clock.today() }
    },

    /**
     * Posts a dated update on a milestone, and changes its status if asked: a status change needs
     * the update saying why. Leads of the action, and those who edit any plan, may post.
     */
    async updateMilestone(ctx: Context, milestoneId: string, input: UpdateForm) {
      assertCan(ctx.user, 'improvement:update')
      return withTransaction(db, async (trx) => {
        const milestone = await repo.findMilestone(milestoneId, trx)
        if (!milestone) throw new NotFoundError('Milestone')
        const actionLeads = await repo.leadsOf(milestone.actionId, trx)
        if (!leads(ctx, { leads: actionLeads }) && !can(ctx.user, 'improvement:edit-any')) throw new ForbiddenError()
        if (input.onDate > clock.today())
          throw new RuleError('The date of the update cannot be in the future', 'onDate')
        const changing = input.status !== null && input.status !== milestone.status
        const update = await repo.insertUpdate(trx, {
          milestoneId,
          onDate: input.onDate,
          author: ctx.user!.name,
          text: input.text,
          statusFrom: changing ? milestone.status : null,
          statusTo: changing ? input.status : null,
        })
        let after = milestone
        if (changing) {
          const completedOn = input.status === 'complete' ? input.onDate : null
          after = { ...milestone, ...(await repo.setMilestoneStatus(trx, milestoneId, input.status!, completedOn)) }
        }
        await recordAudit(trx, ctx, {
          action: changing ? `changed milestone status to ${input.status}` : 'posted milestone update',
          subjectType: 'improvement plan',
          subjectId: milestone.planId,
          before: changing ? { milestoneId, status: milestone.status } : undefined,
          after: { milestoneId, update, status: after.status },
        })
        return { milestone: after, update }
      })
    },

    /** Posts a dated update on an action as a whole: its leads, or those who edit any plan. */
    async updateAction(ctx: Context, slug: string, reference: string, input: UpdateForm) {
      assertCan(ctx.user, 'improvement:update')
      const plan = await planOrThrow(slug)
      const action = await repo.findAction(plan.id, reference)
      if (!action) throw new NotFoundError('Action')
      return withTransaction(db, async (trx) => {
        const actionLeads = await repo.leadsOf(action.id, trx)
        if (!leads(ctx, { leads: actionLeads }) && !can(ctx.user, 'improvement:edit-any')) throw new ForbiddenError()
        if (input.onDate > clock.today())
          throw new RuleError('The date of the update cannot be in the future', 'onDate')
        const update = await repo.insertUpdate(trx, {
          actionId: action.id,
          onDate: input.onDate,
          author: ctx.user!.name,
          text: input.text,
        })
        await recordAudit(trx, ctx, {
          action: `posted an update on action ${reference}`,
          subjectType: 'improvement plan',
          subjectId: plan.id,
          after: update,
        })
        return update
      })
    },

    /** A milestone for its owner's form. */
    async milestoneToEdit(ctx: Context, slug: string, milestoneId: string) {
      const plan = await planOrThrow(slug)
      assertOwner(ctx, plan)
      const milestone = await repo.findMilestone(milestoneId)
      if (!milestone || milestone.planId !== plan.id) throw new NotFoundError('Milestone')
      return { plan, milestone }
    },

    /**
     * Changes a milestone's wording or due date: the plan's owner or an admin. Audited. Refused
     * (EditConflictError) unless the milestone is still at `version`, the one the form was opened at.
     */
    async changeMilestone(
      ctx: Context,
      slug: string,
      milestoneId: string,
      version: number | null,
      input: MilestoneForm,
    ) {
      const plan = await planOrThrow(slug)
      assertOwner(ctx, plan)
      return withTransaction(db, async (trx) => {
        const before = await repo.findMilestone(milestoneId, trx)
        if (!before || before.planId !== plan.id) throw new NotFoundError('Milestone')
        const after = await writeAtVersion(
          trx,
          { what: 'This milestone', subjectType: 'improvement plan', subjectId: plan.id, expected: version },
          (at) => repo.updateMilestone(trx, milestoneId, at, input),
          () => repo.findMilestone(milestoneId, trx),
        )
        await recordAudit(trx, ctx, {
          action: `changed a milestone of action ${before.reference}`,
          subjectType: 'improvement plan',
          subjectId: plan.id,
          before,
          after,
        })
        return { ...after, reference: before.reference }
      })
    },

    /** The plan, its themes and the findings it answers, for the new-action form. */
    async actionFormFor(ctx: Context, slug: string) {
      const view = await planView(ctx, slug)
      assertOwner(ctx, view.plan)
      return view
    },

    /**
     * Adds an action to a theme with its leads (linked to people of the same name) and the
     * findings it answers: the plan's owner or an admin. Its reference must be new in the plan.
     */
    async addAction(ctx: Context, slug: string, input: ActionForm) {
      const view = await planView(ctx, slug)
      assertOwner(ctx, view.plan)
      if (!view.themes.some((t) => t.id === input.themeId))
        throw new RuleError('Select the theme the action belongs to', 'themeId')
      if (view.actions.some((a) => a.reference.toLowerCase() === input.reference.toLowerCase())) {
        throw new RuleError(`There is already an action ${input.reference} in this plan`, 'reference')
      }
      const unknown = input.findingIds.filter((id) => !view.findings.some((f) => f.id === id))
      if (unknown.length) throw new RuleError('Select findings from the list', 'findingIds')
      return withTransaction(db, async (trx) => {
        const people = await repo.peopleNamed(
          input.leads.map((lead) => lead.name),
          trx,
        )
        const action = await repo.insertAction(trx, input.themeId, input)
        await repo.insertLeads(
          trx,
          action.id,
          input.leads.map((lead) => ({ ...lead, personId: people.find((p) => p.name === lead.name)?.id ?? null })),
        )
        await repo.linkFindings(trx, action.id, input.findingIds)
        await recordAudit(trx, ctx, {
          action: `added action ${input.reference}`,
          subjectType: 'improvement plan',
          subjectId: view.plan.id,
          after: { ...action, leads: input.leads, findingIds: input.findingIds },
        })
        return action
      })
    },

    /** Adds a milestone to an action: the plan's owner or an admin. */
    async addMilestone(ctx: Context, slug: string, reference: string, input: MilestoneForm) {
      const plan = await planOrThrow(slug)
      assertOwner(ctx, plan)
      const action = await repo.findAction(plan.id, reference)
      if (!action) throw new NotFoundError('Action')
      return withTransaction(db, async (trx) => {
        const position = await repo.nextMilestonePosition(trx, action.id)
        const milestone = await repo.insertMilestone(trx, {
          actionId: action.id,
          text: input.text,
          dueOn: input.dueOn,
          dueNote: input.dueNote,
          status: 'not started',
          completedOn: null,
          position,
        })
        await recordAudit(trx, ctx, {
          action: `added a milestone to action ${reference}`,
          subjectType: 'improvement plan',
          subjectId: plan.id,
          after: milestone,
        })
        return milestone
      })
    },

    /** Publishes a new version with its record of amendments: the plan's owner or an admin. */
    async publishVersion(ctx: Context, slug: string, input: VersionForm) {
      const plan = await planOrThrow(slug)
      assertOwner(ctx, plan)
      return withTransaction(db, async (trx) => {
        const current = await repo.findPlanById(plan.id, trx)
        if (current!.version === input.version)
          throw new RuleError(
            `Version ${input.version} is the current version: give the new version’s number`,
            'version',
          )
        const version = await repo
          .insertVersion(trx, {
            planId: plan.id,
            version: input.version,
            onDate: clock.today(),
            byWhom: ctx.user!.name,
            changes: input.changes,
          })
          .catch((error: unknown) => {
            if (isUniqueViolation(error)) throw new RuleError(`There is already a version ${input.version}`, 'version')
            throw error
          })
        const after = await repo.setPlanVersion(trx, plan.id, input.version)
        await recordAudit(trx, ctx, {
          action: `published version ${input.version}`,
          subjectType: 'improvement plan',
          subjectId: plan.id,
          before: current,
          after: { ...after, amendment: version },
        })
        return version
      })
    },

    isOwner,

    ...createRecordsService({ db, repository: repo, records: deps.records, isOwner }),

    /** Inspections for the open-data API, each finding with the ids of the actions answering it. */
    async inspectionsForApi() {
      const inspections = await repo.listInspections()
      const [findings, judgements] = await Promise.all([
        repo.findingsOf(inspections.map((i) => i.id)),
        repo.judgementsOfAll(inspections.map((i) => i.id)),
      ])
      const answering = await repo.actionsAnswering(findings.map((f) => f.id))
      return inspections.map((inspection) => ({
        inspection,
        judgements: judgements.filter((j) => j.inspectionId === inspection.id),
        findings: findings
          .filter((f) => f.inspectionId === inspection.id)
          .map((f) => ({ ...f, actionIds: answering.filter((a) => a.findingId === f.id).map((a) => a.actionId) })),
      }))
    },
  }

  function isOwner(ctx: Context, plan: Plan) {
    return (
      can(ctx.user, 'improvement:edit-any') ||
      Boolean(ctx.user?.personId && plan.ownerPersonId === ctx.user.personId && can(ctx.user, 'improvement:update'))
    )
  }
}

export type ImprovementService = ReturnType<typeof createImprovementService>
export type { MilestoneRag }
