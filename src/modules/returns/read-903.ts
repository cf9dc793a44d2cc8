import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { parse } from 'csv-parse'
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits, extractLimitMessages } from './extract-limits.ts'
import { ExtractRefusal, type ExtractResult, RowBuilder, type RowSink } from './extract-rows.ts'
import type { Pseudonymiser } from './pseudonym.ts'
import { TABLES_903, type Table903, type TableSpec, sourcesOf } from './records.ts'

export interface ReadOptions {
  pseudonyms: Pseudonymiser
  sink: RowSink
  limits?: ExtractLimits
}

/** The 903 table a CSV file holds, from the columns in its header; undefined when it is none of them. */
export function table903Of(header: readonly string[]): Table903 | undefined {
  const columns = new Set(header.map((name) => name.trim().toUpperCase()))
  const has = (...names: string[]) => names.every((name) => columns.has(name))
  if (has('DECOM', 'RNE')) return 'episodes'
  if (has('REVIEW', 'REVIEW_CODE')) return 'reviews'
  if (has('MIS_START')) return 'missing'
  if (has('IN_TOUCH')) return 'oc3'
  if (has('SDQ_SCORE') || has('CONVICTED')) return 'oc2'
  if (has('DATE_INT', 'DATE_MATCH')) return 'ad1'
  if (has('DATE_PLACED')) return 'placedAdoption'
  if (has('PREV_PERM')) return 'previousPermanence'
  if (has('DUC')) return 'uasc'
  if (has('SEX', 'ETHNIC')) return 'header'
  return undefined
}

/**
 * Reads one SSDA903 table (a CSV file as the DfE specifies it, dates as DD/MM/YYYY) a record at a
 * time, sending each row's allow-listed fields to the sink. Columns it does not keep are ignored; a
 * column it must have and does not is a refusal, as is a file past a limit (checked while it is
 * read). A row with a problem is listed with its table, row and field, and reading goes on.
 */
export async function read903File(path: string, table: Table903, options: ReadOptions): Promise<ExtractResult> {
  const limits = options.limits ?? DEFAULT_EXTRACT_LIMITS
  const file = basename(path)
  const messages = extractLimitMessages(file, limits)
  if ((await stat(path)).size > limits.maxBytes) throw new ExtractRefusal(messages.tooLarge)
  const spec: TableSpec = TABLES_903[table]
  const rows = new RowBuilder(options.pseudonyms, options.sink, 'dmy', limits)
  const input = createReadStream(path, { highWaterMark: 64 * 1024 })
  const parser = parse({
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // A record longer than every field at its longest is refused before it is held.
    max_record_size: limits.maxColumns * (limits.maxFieldLength + 3),
  })
  let header: Map<string, number> | undefined
  let row = 0
  try {
    for await (const record of input.pipe(parser) as AsyncIterable<string[]>) {
      row += 1
      if (record.length > limits.maxColumns && record.slice(limits.maxColumns).some((cell) => cell.trim() !== ''))
        throw new ExtractRefusal(messages.tooWide)
      if (!header) {
        header = headerOf(record, spec, file)
        continue
      }
      if (row - 1 > limits.maxRows) throw new ExtractRefusal(messages.tooLong)
      const columns = header
      rows.add(spec, row, (source) => {
        const index = columns.get(source.toUpperCase())
        return index === undefined ? undefined : record[index]
      })
    }
  } catch (error) {
    if (error instanceof ExtractRefusal) throw error
    const code = (error as { code?: string }).code
    if (code === 'CSV_MAX_RECORD_SIZE') throw new ExtractRefusal(messages.fieldTooLong(row + 1))
    throw new ExtractRefusal(`${file} could not be read as CSV: row ${row + 1}`)
  } finally {
    input.destroy()
  }
  if (!header) throw new ExtractRefusal(`${file} is empty: it has no header row`)
  return rows.result()
}

/** Each column's position by its name (the first of a name counts); refuses a file without a required column. */
function headerOf(record: string[], spec: TableSpec, file: string): Map<string, number> {
  const columns = new Map<string, number>()
  record.forEach((name, index) => {
    const key = name.trim().toUpperCase()
    if (key && !columns.has(key)) columns.set(key, index)
  })
  const missing = spec.fields
    .filter((field) => field.required && !sourcesOf(field).some((source) => columns.has(source.toUpperCase())))
    .map((field) => sourcesOf(field)[0])
  if (missing.length > 0)
    throw new ExtractRefusal(
      `${file} is not a ${spec.name} table: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`,
    )
  return columns
}
