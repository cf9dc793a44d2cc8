import type { Trx } from '#src/database.ts'
import type { Db } from '#src/database.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import type { Job, JobQueue } from './queue.ts'
import { retryDelayMs } from './rules.ts'

/** A failure that trying again will not mend (a refused request): the job fails at once. */
export class PermanentJobError extends Error {}

export interface JobHandler {
  /**
   * Does the work. `finish(trx)` marks the job done: call it in the transaction that records what the
   * work did, so that a crash between the two leaves the job to run again (the work must then notice
   * it was done). If `run` returns without calling it, the job is marked done then.
   */
  run(job: Job, finish: (trx: Trx) => Promise<void>, now: Date): Promise<void>
  /** Records that the job was given up, in the transaction that marks it failed. */
  gaveUp(trx: Trx, job: Job, error: string): Promise<void>
}

export interface JobRunResult {
  done: number
  retried: number
  failed: number
}

/** How many jobs one run takes at most, so that one run never holds the process for long. */
const JOBS_PER_RUN = 200

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)) || 'Unknown error'

/**
 * Runs the due jobs of the kinds it has handlers for, one at a time, until none is due: a failure is
 * tried again after a wait that grows each time (rules.ts), and given up after the last attempt or at
 * once when it is permanent.
 */
export function createJobRunner(deps: {
  db: Db
  queue: JobQueue
  handlers: Record<string, JobHandler>
  log: { warn: (message: string) => void; error: (message: string) => void }
}) {
  const kinds = Object.keys(deps.handlers)

  async function runOne(job: Job, now: Date): Promise<keyof JobRunResult> {
    const handler = deps.handlers[job.kind]
    let finished = false
    const finish = async (trx: Trx) => {
      await deps.queue.complete(trx, job.id, now)
      finished = true
    }
    try {
      await handler.run(job, finish, now)
      if (!finished) await withTransaction(deps.db, finish)
      return 'done'
    } catch (error) {
      const message = describe(error)
      const wait = error instanceof PermanentJobError ? null : retryDelayMs(job.attempts)
      if (wait !== null) {
        deps.log.warn(
          `Job ${job.kind} ${job.subjectId} failed (attempt ${job.attempts}), trying again later: ${message}`,
        )
        await deps.queue.retry(job.id, message, new Date(now.getTime() + wait))
        return 'retried'
      }
      deps.log.error(`Job ${job.kind} ${job.subjectId} failed for good after ${job.attempts} attempts: ${message}`)
      await withTransaction(deps.db, async (trx) => {
        await deps.queue.fail(trx, job.id, message, now)
        await handler.gaveUp(trx, job, message)
      })
      return 'failed'
    }
  }

  return {
    /** Runs what is due at `now` (the real time unless a test says otherwise). */
    async runDue(now: Date = new Date()): Promise<JobRunResult> {
      const result: JobRunResult = { done: 0, retried: 0, failed: 0 }
      if (kinds.length === 0) return result
      for (let taken = 0; taken < JOBS_PER_RUN; taken += 1) {
        const job = await deps.queue.claim(kinds, now)
        if (!job) break
        result[await runOne(job, now)] += 1
      }
      return result
    },
  }
}

export type JobRunner = ReturnType<typeof createJobRunner>

/** Runs the due jobs now and then every `intervalMs`, one run at a time, until stopped. */
export function startJobLoop(runner: JobRunner, log: { error: (message: string) => void }, intervalMs: number) {
  let running: Promise<unknown> = Promise.resolve()
  let busy = false
  const tick = () => {
    if (busy) return
    busy = true
    running = runner
      .runDue()
      .catch((error: unknown) => log.error(`Jobs failed to run: ${describe(error)}`))
      .finally(() => {
        busy = false
      })
  }
  tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
