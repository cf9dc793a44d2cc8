import type { Db } from '#src/database.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { type ApplyResult, type ImportConflict, applyPlan } from './apply.ts'
import { type BatchSummary, createBatchRepository } from './batch-repository.ts'
import type { ImportPlan } from './moderngov/plan.ts'
import type { ImportBatchOptions, ImportBatchStatus } from './tables.ts'

/** A batch's plan is kept whole, documents' content with it; beyond this it is refused rather than half kept. */
export const MAX_BATCH_BYTES = 100 * 1024 * 1024

/** How many of a list the review page shows before "and N more". */
export const REVIEW_LIST_CAP = 100

/** The id the audit events of applying a batch share, which names the batch. */
export const batchRun = (id: string) => `import batch ${id}`

/** The address of a batch's review page. */
export const batchPath = (id: string) => `/admin/imports/${id}`

const TYPE_LABELS: Record<string, string> = {
  body: 'Bodies',
  person: 'People',
  membership: 'Memberships',
  meeting: 'Meetings',
  'agenda item': 'Agenda items',
  attendance: 'Attendance',
  document: 'Documents',
}

export interface NewBatchInput {
  id: string
  source: string
  options: ImportBatchOptions
  plan: ImportPlan
  preview: ApplyResult | null
  status: 'ready' | 'applied' | 'failed'
  failure?: string
  result?: ApplyResult
}

/**
 * Keeps a run's plan as a batch made by `ctx`'s user (none: the command line); the batch is its own record
 * of the run, so no audit event. Refused, with the reason, when the plan is over MAX_BATCH_BYTES.
 */
export async function writeBatch(
  db: Db,
  ctx: Context,
  input: NewBatchInput,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const planJson = JSON.stringify(input.plan)
  const bytes = Buffer.byteLength(planJson)
  if (bytes > MAX_BATCH_BYTES)
    return {
      ok: false,
      message: `The import is too large to keep as one batch: its plan is ${megabytes(bytes)}, and a batch holds at most ${megabytes(MAX_BATCH_BYTES)}. Import fewer committees (--body) or a shorter range of dates (--from and --to) at a time.`,
    }
  await createBatchRepository(db).insertBatch({ ...input, planJson, createdBy: ctx.user?.id ?? null })
  return { ok: true }
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`

/** The first `cap` of a list and how many more there are. */
function capped<T>(list: readonly T[], cap = REVIEW_LIST_CAP) {
  return { shown: list.slice(0, cap), more: Math.max(0, list.length - cap), total: list.length }
}

/** Per record type, in the plan's order: to create, to update, to leave as it is. */
export function countRows(result: ApplyResult | null) {
  if (!result?.applied) return []
  // Kept as jsonb, the counts come back in the database's order of keys, not the plan's.
  const known = Object.keys(TYPE_LABELS)
  const types = [...known, ...Object.keys(result.created).filter((type) => !known.includes(type))]
  return types
    .filter((type) => type in result.created)
    .map((type) => ({
      type,
      label: TYPE_LABELS[type] ?? type,
      created: result.created[type as keyof typeof result.created],
      updated: result.updated[type as keyof typeof result.updated] ?? 0,
      unchanged: result.unchanged[type as keyof typeof result.unchanged] ?? 0,
    }))
}

/** All record types together: to create, to update, to leave as it is. */
export function countTotals(result: ApplyResult | null) {
  const rows = countRows(result)
  const sum = (key: 'created' | 'updated' | 'unchanged') => rows.reduce((total, row) => total + row[key], 0)
  return rows.length ? { created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged') } : null
}

/** The batches an admin reviews, applies or discards: the command line's and the admin page's. */
export function createBatchService(deps: { db: Db; bodies: BodiesService; meetings: MeetingsService }) {
  const { db, bodies, meetings } = deps
  const repo = createBatchRepository(db)
  // A second press of Apply while the first is still writing is refused, not run twice.
  const applying = new Set<string>()

  async function found(id: string): Promise<BatchSummary> {
    const batch = isUuid(id) ? await repo.findBatch(id) : undefined
    if (!batch) throw new NotFoundError('Import')
    return batch
  }

  /** Where a record the import would leave as it is can be seen here: its page, or its history. */
  async function recordHref(ctx: Context, conflict: ImportConflict): Promise<string> {
    const history = `/admin/audit?subjectId=${encodeURIComponent(conflict.recordId)}`
    try {
      if (conflict.type === 'body') return `/bodies/${(await bodies.getBodyById(ctx, conflict.recordId)).slug}`
      if (conflict.type === 'person') return `/people/${(await bodies.personRecord(ctx, conflict.recordId)).slug}`
      if (conflict.type === 'meeting')
        return `/meetings/${(await meetings.getMeetingById(ctx, conflict.recordId)).slug}`
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error
    }
    return history
  }

  function refusedBecause(status: ImportBatchStatus, batch: BatchSummary) {
    if (status === 'applied') return 'This import has been applied already: applying it again would change nothing.'
    if (status === 'discarded') return 'This import was discarded, so it cannot be applied. Run the import again.'
    if (status === 'running') return 'This import is still reading its source: apply it once it is ready.'
    return `This import failed, so it cannot be applied: ${batch.failure ?? 'see why below'}. Run the import again.`
  }

  return {
    async listBatches(ctx: Context, page: number) {
      assertCan(ctx.user, 'imports:manage')
      const [batches, total] = await Promise.all([repo.listBatches(page), repo.countBatches()])
      return {
        batches: batches.map((batch) => ({ ...batch, totals: countTotals(batch.result ?? batch.preview) })),
        total,
      }
    },

    async getBatch(ctx: Context, id: string) {
      assertCan(ctx.user, 'imports:manage')
      return found(id)
    },

    /** Everything the review page shows of a batch: what applying would do (or did), and what the plan left out. */
    async reviewBatch(ctx: Context, id: string) {
      assertCan(ctx.user, 'imports:manage')
      const batch = await found(id)
      const lists = await repo.planListsOf(id)
      const outcome = batch.result ?? batch.preview
      const conflicts = outcome?.applied ? capped(outcome.conflicts) : capped([])
      return {
        batch,
        counts: countRows(outcome),
        totals: countTotals(outcome),
        refusals: outcome && !outcome.applied ? outcome.reasons : [],
        conflicts: {
          ...conflicts,
          shown: await Promise.all(
            conflicts.shown.map(async (conflict) => ({ ...conflict, href: await recordHref(ctx, conflict) })),
          ),
        },
        skipped: capped(outcome?.applied ? outcome.skipped : []),
        notMapped: capped(lists.notMapped),
        fileErrors: capped(
          lists.errors.map((error) =>
            error.message.startsWith(error.file) ? error.message : `${error.file}: ${error.message}`,
          ),
        ),
        missingDocuments: capped(lists.missingDocuments),
      }
    },

    /**
     * Applies a ready batch in one transaction, its audit events named by the batch; refused (RuleError) when
     * it was decided already or its plan cannot be applied. A failure writes nothing and the batch stays ready.
     */
    async applyBatch(ctx: Context, id: string): Promise<ApplyResult> {
      assertCan(ctx.user, 'imports:manage')
      const batch = await found(id)
      if (batch.status !== 'ready') throw new RuleError(refusedBecause(batch.status, batch))
      if (applying.has(id)) throw new RuleError('This import is being applied already.')
      applying.add(id)
      try {
        const plan = await repo.planOf(id)
        if (!plan) throw new NotFoundError('Import')
        const run: Context = { user: ctx.user, requestId: batchRun(id) }
        const result = await applyPlan(db, run, plan).catch((error: unknown) => {
          throw new RuleError(
            `Nothing was written: the database refused a record, so the whole import was undone (${(error as Error).message}).`,
          )
        })
        if (!result.applied) throw new RuleError(`This import cannot be applied: ${result.reasons.join('; ')}.`)
        const by = ctx.user.id
        await withTransaction(db, async (trx) => {
          if (!(await repo.decide(id, { status: 'applied', by, result }, trx)))
            throw new RuleError('This import has been applied already: applying it again would change nothing.')
          await recordAudit(trx, run, {
            action: 'applied import batch',
            subjectType: 'import batch',
            subjectId: id,
            before: { status: 'ready' },
            after: { status: 'applied', created: result.created, updated: result.updated },
          })
        })
        return result
      } finally {
        applying.delete(id)
      }
    },

    /** Sets a ready batch aside: nothing of it is written, and it cannot be applied after. */
    async discardBatch(ctx: Context, id: string) {
      assertCan(ctx.user, 'imports:manage')
      const batch = await found(id)
      if (batch.status !== 'ready')
        throw new RuleError(
          batch.status === 'discarded' ? 'This import was discarded already.' : refusedBecause(batch.status, batch),
        )
      const by = ctx.user.id
      await withTransaction(db, async (trx) => {
        if (!(await repo.decide(id, { status: 'discarded', by }, trx)))
          throw new RuleError('This import was decided by someone else in the meantime.')
        await recordAudit(trx, ctx, {
          action: 'discarded import batch',
          subjectType: 'import batch',
          subjectId: id,
          before: { status: 'ready' },
          after: { status: 'discarded' },
        })
      })
    },
  }
}

export type BatchService = ReturnType<typeof createBatchService>
