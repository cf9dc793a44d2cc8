import type { Generated } from 'kysely'
import type { CreatedAt, Instant, Uuid } from '#src/platform/db/column-types.ts'

export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

/** Work done outside a request, kept so that it survives a restart (migration 0040, ADR 19). */
export interface JobsTable {
  id: Uuid
  /** What to do, as its handler is named: 'deliver email'. */
  kind: string
  /** The row the work is about, in the module that owns the work. */
  subjectId: string
  status: Generated<JobStatus>
  attempts: Generated<number>
  /** Not before this moment: the back-off after a failure. */
  runAfter: CreatedAt
  /** While running, held by one process until this moment; after it, another may take the job over. */
  lockedUntil: Instant
  lastError: string | null
  createdAt: CreatedAt
  finishedAt: Instant
}

export interface JobsTables {
  jobs: JobsTable
}
