import type { CreatedAt, Instant, Json, Uuid } from '#src/platform/db/column-types.ts'
import type { ApplyResult } from './apply.ts'
import type { ImportPlan } from './moderngov/plan.ts'

export type ImportedRecordType =
  'body' | 'person' | 'membership' | 'meeting' | 'agenda item' | 'attendance' | 'document'

/** Where an imported record came from; its record is in the table its type names. */
export interface ImportSourcesTable {
  id: Uuid
  system: 'moderngov'
  recordType: ImportedRecordType
  sourceId: string
  recordId: string
  sourceAddress: string
  importedAt: CreatedAt
  /** The record's fields as the last import gave them; null for a record imported before they were kept. */
  fields: Json<Record<string, unknown> | null>
}

export interface ImportsTables {
  importSources: ImportSourcesTable
  importBatches: ImportBatchesTable
}

export type ImportBatchStatus = 'running' | 'ready' | 'applied' | 'discarded' | 'failed'

/** What the run was asked for: only these committees (all when empty), meetings on or between the dates. */
export interface ImportBatchOptions {
  bodies: string[]
  from: string | null
  to: string | null
}

/** One run of an import, kept for review: its plan (JSON), what applying would do, and what it did. */
export interface ImportBatchesTable {
  id: Uuid
  system: 'moderngov'
  /** The folder or web service address read. */
  source: string
  options: Json<ImportBatchOptions>
  plan: Json<ImportPlan> | null
  preview: Json<ApplyResult> | null
  status: ImportBatchStatus
  /** Why a run failed. */
  failure: string | null
  createdAt: CreatedAt
  /** Null: the command line. */
  createdBy: string | null
  decidedAt: Instant
  decidedBy: string | null
  result: Json<ApplyResult> | null
  progressDone: number | null
  progressTotal: number | null
  progressStartedAt: Instant
}
