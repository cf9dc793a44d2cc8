import type { ColumnType } from 'kysely'
import type { CreatedAt, Instant, Json, Uuid } from '#src/platform/db/column-types.ts'
import type { ExtractKind, RowProblem } from './records.ts'

/** What validation found of one rule: no child's row, only the count. */
export interface RuleCount {
  code: string
  message: string
  count: number
}

/**
 * An extract of a statutory return taken in: the file it came from, its checksum and what its reading
 * and validation found. Its rows are in the returns' own store, never here.
 */
export interface ReturnExtractsTable {
  id: Uuid
  kind: ExtractKind
  collectionYear: string
  fileName: string
  checksum: string
  rowsKept: Json<Record<string, number>>
  readProblems: number
  /** The first problems reading found: table, row, field and what was wrong, never a value. */
  readProblemList: Json<RowProblem[]>
  ruleFailures: number
  failuresByRule: Json<RuleCount[]>
  tablesWithFailures: Json<string[]>
  takenBy: string
  takenAt: CreatedAt
  deletedAt: Instant
  deletedReason: string | null
}

/** One indicator as computed: the analysts' own view, before disclosure control. */
export interface ComputedResult {
  key: string
  name: string
  unit: string
  description: string
  numerator: number
  denominator: number | null
  value: number | null
  version: string
  sql: string
  /** Tables it reads that have records failing validation. */
  failingTables: string[]
  /** Why there is no value: its return is missing, or nothing to divide by. */
  missing: string | null
}

/** An extract a computation used: its id, checksum and file. */
export interface UsedExtract {
  id: string
  checksum: string
  fileName: string
}
export type UsedExtracts = Partial<Record<ExtractKind, UsedExtract>>

export interface ReturnComputationsTable {
  id: Uuid
  collectionYear: string
  /** The extract of each return used, by kind: its id and checksum. */
  extracts: Json<UsedExtracts>
  population: number | null
  results: Json<ComputedResult[]>
  computedBy: string
  computedAt: CreatedAt
  publishedBy: string | null
  publishedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}

export interface ReturnsTables {
  returnExtracts: ReturnExtractsTable
  returnComputations: ReturnComputationsTable
}
