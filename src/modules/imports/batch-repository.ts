import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import type { ApplyResult } from './apply.ts'
import type { FileError, NotMapped, PlannedDocument } from './moderngov/plan.ts'
import type { ImportBatchOptions, ImportBatchStatus } from './tables.ts'

export const BATCH_PAGE_SIZE = 20

export interface NewBatch {
  id: string
  source: string
  options: ImportBatchOptions
  /** The plan as JSON, as the size limit measured it. */
  planJson: string
  preview: ApplyResult | null
  status: ImportBatchStatus
  failure?: string | null
  createdBy: string | null
  result?: ApplyResult | null
}

/** Every column but the plan, which may be large: pages read the parts of it they show. */
function withoutPlan(db: Db | Trx) {
  return db
    .selectFrom('importBatches')
    .leftJoin('users as creator', 'creator.id', 'importBatches.createdBy')
    .leftJoin('users as decider', 'decider.id', 'importBatches.decidedBy')
    .select([
      'importBatches.id',
      'importBatches.system',
      'importBatches.source',
      'importBatches.options',
      'importBatches.preview',
      'importBatches.status',
      'importBatches.failure',
      'importBatches.createdAt',
      'importBatches.decidedAt',
      'importBatches.result',
      'importBatches.progressDone',
      'importBatches.progressTotal',
      'importBatches.progressStartedAt',
      'creator.name as createdByName',
      'decider.name as decidedByName',
    ])
}

export function createBatchRepository(db: Db) {
  return {
    async insertBatch(batch: NewBatch, trx: Db | Trx = db) {
      await trx
        .insertInto('importBatches')
        .values({
          id: batch.id,
          system: 'moderngov',
          source: batch.source,
          options: JSON.stringify(batch.options),
          plan: batch.planJson,
          preview: batch.preview === null ? null : JSON.stringify(batch.preview),
          status: batch.status,
          failure: batch.failure ?? null,
          createdBy: batch.createdBy,
          decidedAt: batch.status === 'applied' ? new Date() : null,
          decidedBy: batch.status === 'applied' ? batch.createdBy : null,
          result: batch.result ? JSON.stringify(batch.result) : null,
        })
        .execute()
    },

    /** One page of batches, newest first. */
    listBatches(page: number) {
      return withoutPlan(db)
        .orderBy('importBatches.createdAt', 'desc')
        .orderBy('importBatches.id')
        .limit(BATCH_PAGE_SIZE)
        .offset((page - 1) * BATCH_PAGE_SIZE)
        .execute()
    },

    async countBatches() {
      const row = await db
        .selectFrom('importBatches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    findBatch(id: string, trx: Db | Trx = db) {
      return withoutPlan(trx).where('importBatches.id', '=', id).executeTakeFirst()
    },

    /** What the review page lists from the plan: no document's content. */
    async planListsOf(id: string) {
      const row = await db
        .selectFrom('importBatches')
        .select([
          sql<NotMapped[]>`coalesce(plan -> 'notMapped', '[]'::jsonb)`.as('notMapped'),
          sql<FileError[]>`coalesce(plan -> 'errors', '[]'::jsonb)`.as('errors'),
          sql<PlannedDocument[]>`coalesce(jsonb_path_query_array(plan -> 'documents',
            '$[*] ? (@.missing != null)'), '[]'::jsonb)`.as('missingDocuments'),
        ])
        .where('id', '=', id)
        .executeTakeFirst()
      return row ?? { notMapped: [], errors: [], missingDocuments: [] }
    },

    async planOf(id: string) {
      const row = await db.selectFrom('importBatches').select('plan').where('id', '=', id).executeTakeFirst()
      return row?.plan ?? null
    },

    /** A batch for a run from the admin page, reading until its plan is ready. */
    async insertRun(run: { id: string; source: string; options: ImportBatchOptions; createdBy: string }) {
      await db
        .insertInto('importBatches')
        .values({
          ...run,
          system: 'moderngov',
          options: JSON.stringify(run.options),
          status: 'running',
          progressDone: 0,
          progressTotal: 0,
          progressStartedAt: new Date(),
        })
        .execute()
    },

    async setProgress(id: string, done: number, total: number) {
      await db
        .updateTable('importBatches')
        .set({ progressDone: done, progressTotal: total })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute()
    },

    async finishRun(id: string, planJson: string, preview: ApplyResult) {
      await db
        .updateTable('importBatches')
        .set({ plan: planJson, preview: JSON.stringify(preview), status: 'ready' })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute()
    },

    async failRun(id: string, failure: string) {
      await db
        .updateTable('importBatches')
        .set({ status: 'failed', failure })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute()
    },

    /** Records the decision on a batch still ready (to discard, or still reading); false when decided first. */
    async decide(
      id: string,
      decision: { status: 'applied' | 'discarded'; by: string | null; result?: ApplyResult },
      trx: Db | Trx = db,
    ) {
      const updated = await trx
        .updateTable('importBatches')
        .set({
          status: decision.status,
          decidedAt: new Date(),
          decidedBy: decision.by,
          result: decision.result ? JSON.stringify(decision.result) : null,
        })
        .where('id', '=', id)
        .where('status', 'in', decision.status === 'discarded' ? ['ready', 'running'] : ['ready'])
        .executeTakeFirst()
      return Number(updated.numUpdatedRows) === 1
    },
  }
}

export type BatchRepository = ReturnType<typeof createBatchRepository>
export type BatchSummary = NonNullable<Awaited<ReturnType<BatchRepository['findBatch']>>>
