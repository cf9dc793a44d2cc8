import type { Aspiration } from './tables.ts'

/**
 * One indicator's figures for one period, as a form or an import file row gives them. A field
 * left undefined is not given: an import leaves what is stored as it is. Null clears it.
 */
export interface ValueInput {
  /** The indicator's code, as in the framework: "OF3.1". */
  code: string
  /** The period's slug: "2023-10", "baseline-april-2023". */
  period: string
  target?: number | null
  aspiration?: Aspiration | null
  actual?: number | null
  /** For a rate per 10,000: the count to work the rate out from, with that year's population. */
  count?: number | null
  /** Computed from the returns on a count too small to publish: the actual is left empty and shown as `c`. */
  suppressed?: boolean
  note?: string
  england?: number | null
  region?: number | null
  statisticalNeighbours?: number | null
  benchmarkSource?: string
}

/** A rejected row of an import file: the row number as a spreadsheet shows it (the header is row 1). */
export interface RowError {
  row: number
  column: string
  message: string
}
