import type { Selectable } from 'kysely'
import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { LOCK_MS } from './rules.ts'
import type { JobsTable } from './tables.ts'

export type Job = Selectable<JobsTable>

/** The longest error kept with a job. */
const ERROR_LENGTH = 2000

const clip = (error: string) => (error.length > ERROR_LENGTH ? `${error.slice(0, ERROR_LENGTH - 1)}…` : error)

/**
 * The jobs table: adding work in the transaction that makes it due, claiming it one job at a time
 * (`for update skip locked`, and held by `locked_until` while it runs), and recording how it ended.
 * The same on PostgreSQL and the embedded database.
 */
export function createJobQueue(db: Db) {
  return {
    /** Adds a job, in the caller's transaction: it is due from `runAfter` (now by default). */
    async enqueue(trx: Trx, kind: string, subjectId: string, runAfter?: Date) {
      await trx
        .insertInto('jobs')
        .values({ kind, subjectId, ...(runAfter ? { runAfter } : {}) })
        .execute()
    },

    /**
     * Takes the next due job of these kinds, or one whose process stopped holding it: counts the attempt
     * and holds it until `now` + LOCK_MS. Another process running the same query skips it.
     */
    claim(kinds: readonly string[], now: Date): Promise<Job | undefined> {
      return withTransaction(db, async (trx) => {
        const due = await trx
          .selectFrom('jobs')
          .select('id')
          .where('kind', 'in', kinds)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'queued'), eb('runAfter', '<=', now)]),
              eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now)]),
            ]),
          )
          .orderBy('runAfter')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst()
        if (!due) return undefined
        return trx
          .updateTable('jobs')
          .set({
            status: 'running',
            attempts: sql<number>`attempts + 1`,
            lockedUntil: new Date(now.getTime() + LOCK_MS),
          })
          .where('id', '=', due.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      })
    },

    /** Marks a job done. */
    async complete(trx: Trx, id: string, now: Date) {
      await trx
        .updateTable('jobs')
        .set({ status: 'done', lockedUntil: null, finishedAt: now })
        .where('id', '=', id)
        .execute()
    },

    /** Puts a job back to be tried again from `runAfter`, with what went wrong. */
    async retry(id: string, error: string, runAfter: Date) {
      await db
        .updateTable('jobs')
        .set({ status: 'queued', lockedUntil: null, runAfter, lastError: clip(error) })
        .where('id', '=', id)
        .execute()
    },

    /** Marks a job failed for good, with what went wrong. */
    async fail(trx: Trx, id: string, error: string, now: Date) {
      await trx
        .updateTable('jobs')
        .set({ status: 'failed', lockedUntil: null, lastError: clip(error), finishedAt: now })
        .where('id', '=', id)
        .execute()
    },

    /** The failed jobs of a kind about these subjects, newest first: what went wrong, for admins. */
    failedFor(kind: string, subjectIds: string[]) {
      if (subjectIds.length === 0) return Promise.resolve([])
      return db
        .selectFrom('jobs')
        .select(['subjectId', 'attempts', 'lastError', 'finishedAt'])
        .where('kind', '=', kind)
        .where('status', '=', 'failed')
        .where('subjectId', 'in', subjectIds)
        .orderBy('finishedAt', 'desc')
        .execute()
    },
  }
}

export type JobQueue = ReturnType<typeof createJobQueue>
