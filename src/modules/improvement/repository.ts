import { type Selectable, sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { fromJsonRows, jsonRows } from '#src/platform/db/json-rows.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import type { MilestoneStatus, PlanActionFindingsTable, PlanActionLeadsTable, PlanMilestonesTable } from './tables.ts'
import { nextVersion } from '#src/platform/db/version.ts'

type Reader = Db | Trx

/** Queries for inspections and improvement plans. No rules here. */
export function createImprovementRepository(db: Db) {
  /** Findings of the inspections given, or of those a plan answers (all when neither is given), in report order. */
  function findingsWhere(of?: string[] | { planId: string }) {
    let query = db.selectFrom('inspectionFindings').selectAll('inspectionFindings')
    if (Array.isArray(of)) query = query.where('inspectionId', 'in', of)
    else if (of) {
      const answered = db.selectFrom('planInspections').select('planInspections.inspectionId')
      query = query.where('inspectionId', 'in', answered.where('planInspections.planId', '=', of.planId))
    }
    // Numbers are the report's own ("3", "12", "2a"): shorter first puts 3 before 12.
    return query
      .orderBy('kind')
      .orderBy((eb) => eb.fn('length', ['number']))
      .orderBy('number')
      .execute()
  }

  return {
    listInspections() {
      return db.selectFrom('inspections').selectAll().orderBy('endedOn', 'desc').orderBy('title').execute()
    },
    findInspection(slug: string) {
      return db.selectFrom('inspections').selectAll().where('slug', '=', slug).executeTakeFirst()
    },
    judgementsOf(inspectionId: string) {
      return db
        .selectFrom('inspectionJudgements')
        .selectAll()
        .where('inspectionId', '=', inspectionId)
        .orderBy('position')
        .execute()
    },
    /** The area judgements of these inspections, each inspection's in its order. */
    judgementsOfAll(inspectionIds: string[]) {
      if (inspectionIds.length === 0) return Promise.resolve([])
      return db
        .selectFrom('inspectionJudgements')
        .select(['inspectionId', 'area', 'judgement'])
        .where('inspectionId', 'in', inspectionIds)
        .orderBy('position')
        .execute()
    },
    /** Findings of the given inspections (all when none are given). */
    findingsOf(inspectionIds?: string[]) {
      if (inspectionIds?.length === 0) return Promise.resolve([])
      return findingsWhere(inspectionIds)
    },
    /** Every action of every plan, for choosing one. */
    listAllActions() {
      return db
        .selectFrom('planActions')
        .innerJoin('planThemes', 'planThemes.id', 'planActions.themeId')
        .innerJoin('improvementPlans', 'improvementPlans.id', 'planThemes.planId')
        .select([
          'planActions.id',
          'planActions.reference',
          'planActions.title',
          'improvementPlans.slug as planSlug',
          'improvementPlans.title as planTitle',
        ])
        .orderBy('improvementPlans.title')
        .orderBy('planThemes.position')
        .orderBy('planActions.position')
        .execute()
    },
    /** The plans a meeting is to consider (or considered). */
    plansConsideredAt(meetingId: string) {
      return db
        .selectFrom('planConsiderations')
        .innerJoin('improvementPlans', 'improvementPlans.id', 'planConsiderations.planId')
        .select(['improvementPlans.slug'])
        .where('planConsiderations.meetingId', '=', meetingId)
        .execute()
    },
    listPlans() {
      return db.selectFrom('improvementPlans').selectAll().orderBy('startsOn', 'desc').execute()
    },
    findPlan(slug: string) {
      return db.selectFrom('improvementPlans').selectAll().where('slug', '=', slug).executeTakeFirst()
    },
    findPlanById(id: string, trx: Reader = db) {
      return trx.selectFrom('improvementPlans').selectAll().where('id', '=', id).executeTakeFirst()
    },
    /** Everything a plan's pages need, in one go: its rows, and those hanging off it. */
    async planContents(planId: string) {
      // Each action comes with its leads, the findings it answers and its milestones (json_agg columns).
      const [themes, actionRows, versions, findings, considered] = await Promise.all([
        db.selectFrom('planThemes').selectAll().where('planId', '=', planId).orderBy('position').execute(),
        db
          .selectFrom('planActions')
          .innerJoin('planThemes', 'planThemes.id', 'planActions.themeId')
          .selectAll('planActions')
          .select([
            jsonRows(sql`select * from plan_action_leads where action_id = plan_actions.id`, sql`listed.position`).as(
              'leads',
            ),
            jsonRows(
              sql`select * from plan_action_findings where action_id = plan_actions.id`,
              sql`listed.finding_id`,
            ).as('links'),
            jsonRows(sql`select * from plan_milestones where action_id = plan_actions.id`, sql`listed.position`).as(
              'milestones',
            ),
          ])
          .where('planThemes.planId', '=', planId)
          .orderBy('planActions.position')
          .execute(),
        db.selectFrom('planVersions').selectAll().where('planId', '=', planId).orderBy('onDate', 'desc').execute(),
        // The findings of the inspections the plan answers, strengths too.
        findingsWhere({ planId }),
        db
          .selectFrom('planConsiderations')
          .innerJoin('meetings', 'meetings.id', 'planConsiderations.meetingId')
          .select(['meetings.date', 'meetings.slug'])
          .where('planConsiderations.planId', '=', planId)
          .orderBy('meetings.date')
          .execute(),
      ])
      const actions = actionRows.map(({ leads: _leads, links: _links, milestones: _milestones, ...action }) => action)
      const actionIds = actions.map((a) => a.id)
      const leads = actionRows.flatMap((row) => fromJsonRows<Selectable<PlanActionLeadsTable>>(row.leads))
      const links = actionRows.flatMap((row) => fromJsonRows<Selectable<PlanActionFindingsTable>>(row.links))
      const milestones = actionRows.flatMap((row) => fromJsonRows<Selectable<PlanMilestonesTable>>(row.milestones))
      const milestoneIds = milestones.map((m) => m.id)
      const updates =
        actionIds.length || milestoneIds.length
          ? await db
              .selectFrom('planUpdates')
              .selectAll()
              .where((eb) =>
                eb.or([
                  ...(actionIds.length ? [eb('actionId', 'in', actionIds)] : []),
                  ...(milestoneIds.length ? [eb('milestoneId', 'in', milestoneIds)] : []),
                ]),
              )
              .orderBy('onDate', 'desc')
              .orderBy('createdAt', 'desc')
              .execute()
          : []
      return {
        themes,
        actions,
        leads,
        links,
        milestones,
        updates,
        versions,
        findings,
        considered,
      }
    },
    /** Actions (with their plans) that answer the given findings. */
    actionsAnswering(findingIds: string[]) {
      if (findingIds.length === 0) return Promise.resolve([])
      return db
        .selectFrom('planActionFindings')
        .innerJoin('planActions', 'planActions.id', 'planActionFindings.actionId')
        .innerJoin('planThemes', 'planThemes.id', 'planActions.themeId')
        .innerJoin('improvementPlans', 'improvementPlans.id', 'planThemes.planId')
        .select(['planActionFindings.findingId', 'planActions.id as actionId', 'improvementPlans.slug as planSlug'])
        .where('planActionFindings.findingId', 'in', findingIds)
        .execute()
    },
    /** The plans whose actions a person leads. */
    plansLedBy(personId: string) {
      return db
        .selectFrom('planActionLeads')
        .innerJoin('planActions', 'planActions.id', 'planActionLeads.actionId')
        .innerJoin('planThemes', 'planThemes.id', 'planActions.themeId')
        .select(['planThemes.planId', 'planActions.id as actionId'])
        .where('planActionLeads.personId', '=', personId)
        .execute()
    },
    findMilestone(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return trx
        .selectFrom('planMilestones')
        .innerJoin('planActions', 'planActions.id', 'planMilestones.actionId')
        .innerJoin('planThemes', 'planThemes.id', 'planActions.themeId')
        .selectAll('planMilestones')
        .select(['planThemes.planId', 'planActions.reference'])
        .where('planMilestones.id', '=', id)
        .executeTakeFirst()
    },
    leadsOf(actionId: string, trx: Reader = db) {
      return trx.selectFrom('planActionLeads').selectAll().where('actionId', '=', actionId).execute()
    },
    setMilestoneStatus(trx: Trx, id: string, status: MilestoneStatus, completedOn: string | null) {
      return trx
        .updateTable('planMilestones')
        .set({ status, completedOn })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    insertUpdate(
      trx: Trx,
      row: {
        actionId?: string | null
        milestoneId?: string | null
        onDate: string
        author: string
        text: string
        statusFrom?: MilestoneStatus | null
        statusTo?: MilestoneStatus | null
      },
    ) {
      return trx.insertInto('planUpdates').values(row).returningAll().executeTakeFirstOrThrow()
    },
    findAction(planId: string, reference: string) {
      return db
        .selectFrom('planActions')
        .innerJoin('planThemes', 'planThemes.id', 'planActions.themeId')
        .selectAll('planActions')
        .where('planThemes.planId', '=', planId)
        .where('planActions.reference', '=', reference)
        .executeTakeFirst()
    },
    nextMilestonePosition(trx: Trx, actionId: string) {
      return trx
        .selectFrom('planMilestones')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('actionId', '=', actionId)
        .executeTakeFirst()
        .then((row) => Number(row?.max ?? -1) + 1)
    },
    insertMilestone(trx: Trx, row: Omit<PlanMilestonesTable, 'id' | 'version'>) {
      return trx.insertInto('planMilestones').values(row).returningAll().executeTakeFirstOrThrow()
    },
    /** Changes a milestone's wording or due date if it is still at `version`; undefined when it is not. */
    updateMilestone(
      trx: Trx,
      id: string,
      version: number,
      changes: { text: string; dueOn: string | null; dueNote: string },
    ) {
      return trx
        .updateTable('planMilestones')
        .set({ ...changes, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
    },
    async insertAction(trx: Trx, themeId: string, input: { reference: string; title: string }) {
      const row = await trx
        .selectFrom('planActions')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('themeId', '=', themeId)
        .executeTakeFirst()
      return trx
        .insertInto('planActions')
        .values({ themeId, reference: input.reference, title: input.title, position: Number(row?.max ?? -1) + 1 })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    insertLeads(trx: Trx, actionId: string, leads: { name: string; jobTitle: string; personId: string | null }[]) {
      return trx
        .insertInto('planActionLeads')
        .values(leads.map((lead, position) => ({ ...lead, actionId, position })))
        .execute()
    },
    linkFindings(trx: Trx, actionId: string, findingIds: string[]) {
      if (findingIds.length === 0) return Promise.resolve()
      return trx
        .insertInto('planActionFindings')
        .values(findingIds.map((findingId) => ({ actionId, findingId })))
        .execute()
        .then(() => undefined)
    },
    peopleNamed(names: string[], trx: Reader = db) {
      if (names.length === 0) return Promise.resolve([])
      return trx.selectFrom('people').select(['id', 'name']).where('name', 'in', names).execute()
    },
    insertVersion(trx: Trx, row: { planId: string; version: string; onDate: string; byWhom: string; changes: string }) {
      return trx.insertInto('planVersions').values(row).returningAll().executeTakeFirstOrThrow()
    },
    setPlanVersion(trx: Trx, planId: string, version: string) {
      return trx
        .updateTable('improvementPlans')
        .set({ version })
        .where('id', '=', planId)
        .returningAll()
        .executeTakeFirstOrThrow()
    },
  }
}

export type ImprovementRepository = ReturnType<typeof createImprovementRepository>
