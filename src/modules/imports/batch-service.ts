import { randomUUID } from 'node:crypto'
import type { Db, Trx } from '#src/database.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { DEFAULT_POLITE_FETCH, type PoliteFetchOptions } from '#src/platform/http/polite-fetch.ts'
import type { Clock } from '#src/platform/clock.ts'
import { formatProgress, progressOf } from '#src/platform/progress/progress-line.ts'
import { type ApplyResult, type ImportConflict, applyPlan } from './apply.ts'
import { type BatchSummary, createBatchRepository } from './batch-repository.ts'
import { batchPlanJson, runFromWebService, yearAfter } from './batch-run.ts'
import type { NewImportForm } from './batch-schema.ts'
import type { ImportPlan } from './moderngov/plan.ts'
import type { ImportBatchOptions, ImportBatchStatus } from './tables.ts'

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
 * of the run, so no audit event. Refused, with the reason, when the plan is too large to keep.
 */
export async function writeBatch(
  db: Db,
  ctx: Context,
  input: NewBatchInput,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const kept = batchPlanJson(input.plan)
  if (!kept.ok) return kept
  await createBatchRepository(db).insertBatch({ ...input, planJson: kept.json, createdBy: ctx.user?.id ?? null })
  return { ok: true }
}

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

export interface BatchServiceDeps {
  db: Db
  clock: Clock
  bodies: BodiesService
  meetings: MeetingsService
  /** How a run from the admin page asks the web service (tests shorten the pauses). */
  webService?: Partial<PoliteFetchOptions>
}

/** How far a run from the admin page has read: 'Requests: 12 of 40 (30%), 2.0 a second, about 14 s left'. */
function progressText(batch: BatchSummary, now: Date) {
  if (batch.status !== 'running' || !batch.progressStartedAt) return null
  const elapsed = now.getTime() - batch.progressStartedAt.getTime()
  return formatProgress('Requests', progressOf(batch.progressDone ?? 0, batch.progressTotal ?? 0, elapsed))
}

/** The batches an admin reviews, applies or discards: the command line's and the admin page's. */
export function createBatchService(deps: BatchServiceDeps) {
  const { db, bodies, meetings } = deps
  const repo = createBatchRepository(db)
  // A second press of Apply while the first is still writing is refused, not run twice.
  const applying = new Set<string>()
  // Runs from the admin page reading in this process: one at a time, so that the council's site is asked politely.
  const runs = new Set<Promise<void>>()

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
        progress: progressText(batch, new Date()),
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
        const by = ctx.user.id
        // The batch is marked applied in the same transaction as its records: both stand, or neither.
        const markApplied = async (trx: Trx, result: ApplyResult) => {
          if (!(await repo.decide(id, { status: 'applied', by, result }, trx)))
            throw new RuleError('This import has been applied already: applying it again would change nothing.')
          await recordAudit(trx, run, {
            action: 'applied import batch',
            subjectType: 'import batch',
            subjectId: id,
            before: { status: 'ready' },
            after: result.applied ? { status: 'applied', created: result.created, updated: result.updated } : null,
          })
        }
        // The app's today, which tells a meeting yet to take place (pinned in the demo).
        const result = await applyPlan(db, run, plan, { today: deps.clock.today(), beforeCommit: markApplied }).catch(
          (error: unknown) => {
            if (error instanceof RuleError) throw error
            throw new RuleError(
              `Nothing was written: the database refused a record, so the whole import was undone (${(error as Error).message}).`,
            )
          },
        )
        if (!result.applied) throw new RuleError(`This import cannot be applied: ${result.reasons.join('; ')}.`)
        return result
      } finally {
        applying.delete(id)
      }
    },

    /** Starts reading a council's web service in the background for a batch to review; its id. */
    async startImport(ctx: Context, input: NewImportForm) {
      assertCan(ctx.user, 'imports:manage')
      if (runs.size) throw new RuleError('Another import is reading now: start this one once it is ready.', 'address')
      const id = randomUUID()
      const today = deps.clock.today()
      // The range as asked of the web service: up to a year ahead unless told.
      const options = { bodies: input.bodies, from: input.from, to: input.to ?? yearAfter(today) }
      await repo.insertRun({ id, source: input.address, options, createdBy: ctx.user.id })
      const run = { id, address: input.address, ...options, today }
      const fetch = { ...DEFAULT_POLITE_FETCH, ...deps.webService }
      const job = runFromWebService(db, { user: ctx.user, requestId: batchRun(id) }, run, fetch).finally(() =>
        runs.delete(job),
      )
      runs.add(job)
      return id
    },

    /** Sets a batch ready (or still reading) aside: nothing of it is written, and it cannot be applied after. */
    async discardBatch(ctx: Context, id: string) {
      assertCan(ctx.user, 'imports:manage')
      const batch = await found(id)
      // One still reading may be set aside too (its server may have stopped): what it reads then is not kept.
      if (batch.status !== 'ready' && batch.status !== 'running')
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
          before: { status: batch.status },
          after: { status: 'discarded' },
        })
      })
    },
  }
}

export type BatchService = ReturnType<typeof createBatchService>
