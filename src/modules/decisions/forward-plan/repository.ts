import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { fromJsonRows, jsonRows } from '#src/platform/db/json-rows.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { ForwardPlanItemsTable, ForwardPlansTable } from '../tables.ts'

export type PlanInput = Omit<ForwardPlansTable, 'id' | 'createdAt'>
export type PlanItemInput = Omit<ForwardPlanItemsTable, 'id' | 'planId' | 'version'>

const planColumns = [
  'forwardPlans.id',
  'forwardPlans.slug',
  'forwardPlans.title',
  'forwardPlans.periodFrom',
  'forwardPlans.periodTo',
  'forwardPlans.publishedOn',
] as const

const itemColumns = [
  'forwardPlanItems.id',
  'forwardPlanItems.planId',
  'forwardPlanItems.slug',
  'forwardPlanItems.reference',
  'forwardPlanItems.matter',
  'forwardPlanItems.decisionTaker',
  'forwardPlanItems.cabinetMemberId',
  'forwardPlanItems.anticipatedMonth',
  'forwardPlanItems.anticipatedOn',
  'forwardPlanItems.consultation',
  'forwardPlanItems.representations',
  'forwardPlanItems.documents',
  'forwardPlanItems.responsibleOfficer',
  'forwardPlanItems.isNew',
  'forwardPlanItems.urgency',
  'forwardPlanItems.urgencyReason',
  'forwardPlanItems.chairAgreed',
  'forwardPlanItems.decisionId',
  'forwardPlanItems.exemptParagraph',
  'forwardPlanItems.exemptReason',
  'forwardPlanItems.exemptReviewOn',
  'forwardPlanItems.version',
] as const

/** Queries for forward plans and their items. No rules here. */
export function createForwardPlanRepository(db: Db) {
  return {
    /**
     * Notices, newest first: by publication date (a draft by the start of its period), then the
     * one added last, so a supplementary notice comes before the month's plan it adds to.
     */
    listPlans() {
      return db
        .selectFrom('forwardPlans')
        .select(planColumns)
        .orderBy(sql`coalesce(published_on, period_from)`, 'desc')
        .orderBy('createdAt', 'desc')
        .execute()
    },
    /** The newest plan (as listPlans orders them) with its items (as itemsOf orders them), in one query. */
    async newestPlanWithItems() {
      const row = await db
        .selectFrom('forwardPlans')
        .select(planColumns)
        .select(
          jsonRows(
            sql`select ${sql.join(itemColumns.map((column) => sql.ref(column)))} from forward_plan_items
              where plan_id = forward_plans.id`,
            sql`listed.anticipated_month, listed.anticipated_on, listed.reference`,
          ).as('items'),
        )
        .orderBy(sql`coalesce(published_on, period_from)`, 'desc')
        .orderBy('createdAt', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (!row) return undefined
      const { items, ...plan } = row
      return { plan, items: fromJsonRows<PlanItemRow>(items) }
    },
    findPlan(slug: string) {
      return db.selectFrom('forwardPlans').select(planColumns).where('slug', '=', slug).executeTakeFirst()
    },
    /** The addresses given to notices of a month ("2024-01", "2024-01-2"…). */
    async slugsStartingWith(trx: Trx, month: string) {
      const rows = await trx.selectFrom('forwardPlans').select('slug').where('slug', 'like', `${month}%`).execute()
      return rows.map((row) => row.slug)
    },
    insertPlan(trx: Trx, input: PlanInput) {
      return trx.insertInto('forwardPlans').values(input).returning(planColumns).executeTakeFirstOrThrow()
    },
    updatePlan(trx: Trx, id: string, input: PlanInput) {
      return trx
        .updateTable('forwardPlans')
        .set(input)
        .where('id', '=', id)
        .returning(planColumns)
        .executeTakeFirstOrThrow()
    },
    /** A plan's items in the order of their anticipated decision. */
    itemsOf(planId: string) {
      return db
        .selectFrom('forwardPlanItems')
        .select(itemColumns)
        .where('planId', '=', planId)
        .orderBy('anticipatedMonth')
        .orderBy('anticipatedOn')
        .orderBy('reference')
        .execute()
    },
    findItemById(id: string, trx: Db | Trx = db) {
      return trx.selectFrom('forwardPlanItems').select(itemColumns).where('id', '=', id).executeTakeFirst()
    },
    findItem(planId: string, slug: string) {
      return db
        .selectFrom('forwardPlanItems')
        .select(itemColumns)
        .where('planId', '=', planId)
        .where('slug', '=', slug)
        .executeTakeFirst()
    },
    async itemSlugTaken(planId: string, slug: string, exceptId?: string) {
      let query = db.selectFrom('forwardPlanItems').select('id').where('planId', '=', planId).where('slug', '=', slug)
      if (exceptId) query = query.where('id', '!=', exceptId)
      return Boolean(await query.executeTakeFirst())
    },
    insertItem(trx: Trx, planId: string, input: PlanItemInput) {
      return trx
        .insertInto('forwardPlanItems')
        .values({ ...input, planId })
        .returning(itemColumns)
        .executeTakeFirstOrThrow()
    },
    /** Changes an item if it is still at `version`; undefined when it is not. */
    updateItem(trx: Trx, id: string, version: number, input: PlanItemInput) {
      return trx
        .updateTable('forwardPlanItems')
        .set({ ...input, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(itemColumns)
        .executeTakeFirst()
    },
  }
}

export type ForwardPlanRepository = ReturnType<typeof createForwardPlanRepository>
export type PlanRow = NonNullable<Awaited<ReturnType<ForwardPlanRepository['findPlan']>>>
export type PlanItemRow = NonNullable<Awaited<ReturnType<ForwardPlanRepository['findItem']>>>
