import type { Db } from '#src/database.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { PoliteFetchOptions } from '#src/platform/http/polite-fetch.ts'
import { type ApplyResult, applyPlan } from './apply.ts'
import { createBatchRepository } from './batch-repository.ts'
import { buildPlan } from './moderngov/build-plan.ts'
import { fetchDocuments } from './moderngov/fetch-documents.ts'
import type { ImportPlan } from './moderngov/plan.ts'
import { readWebService, webServiceAddress } from './moderngov/read-web-service.ts'

/** A batch's plan is kept whole, documents' content with it; beyond this it is refused rather than half kept. */
export const MAX_BATCH_BYTES = 100 * 1024 * 1024

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`

/** The plan as the batch keeps it (JSON), or why it is too large to keep. */
export function batchPlanJson(plan: ImportPlan): { ok: true; json: string } | { ok: false; message: string } {
  const json = JSON.stringify(plan)
  const bytes = Buffer.byteLength(json)
  if (bytes <= MAX_BATCH_BYTES) return { ok: true, json }
  return {
    ok: false,
    message: `The import is too large to keep as one batch: its plan is ${megabytes(bytes)}, and a batch holds at most ${megabytes(MAX_BATCH_BYTES)}. Import fewer committees or a shorter range of dates at a time.`,
  }
}

/** The reason a run wrote nothing, when the database refused a record half-way. */
export const refusedByDatabase = (error: unknown): ApplyResult => ({
  applied: false,
  reasons: [`the database refused a record, so the whole run was undone: ${(error as Error).message}`],
})

/** What applying a plan would do now (on `today`, the real date unless given), written and rolled back. */
export const previewOf = (db: Db, ctx: Context, plan: ImportPlan, today?: string) =>
  applyPlan(db, ctx, plan, { preview: true, today }).catch(refusedByDatabase)

/** A year ahead, so that meetings already arranged come in with the record. */
export function yearAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCFullYear(date.getUTCFullYear() + 1)
  return date.toISOString().slice(0, 10)
}

export interface WebServiceRun {
  id: string
  address: string
  bodies: string[]
  from: string
  to: string
  today: string
}

/**
 * Reads the web service and fetches the documents it links to for a batch started from the admin page, its
 * progress kept on the batch after each request; then plans, previews and leaves the batch ready (or failed,
 * with the reason). Never throws.
 */
export async function runFromWebService(db: Db, ctx: Context, run: WebServiceRun, options: PoliteFetchOptions) {
  const repo = createBatchRepository(db)
  // Each request's progress is written in turn, never two at once.
  let progress = Promise.resolve()
  try {
    const report = (done: number, total: number) => {
      progress = progress.then(() => repo.setProgress(run.id, done, total))
    }
    const address = webServiceAddress(run.address)
    const request = { address, bodies: run.bodies, from: run.from, to: run.to }
    const input = await readWebService(request, options, report)
    // The documents' requests count on from the web service's.
    const plan = await fetchDocuments(
      buildPlan(input, { bodies: run.bodies, from: run.from, to: run.to, today: run.today }),
      { kind: 'web', site: new URL(address).origin, options },
      (done, total) => report(input.files + done, input.files + total),
    )
    await progress
    const kept = batchPlanJson(plan)
    if (!kept.ok) return await repo.failRun(run.id, kept.message)
    await repo.finishRun(run.id, kept.json, await previewOf(db, ctx, plan, run.today))
  } catch (error) {
    await progress.catch(() => undefined)
    await repo.failRun(run.id, `Reading stopped: ${(error as Error).message}`.slice(0, 4000)).catch(() => undefined)
  }
}
