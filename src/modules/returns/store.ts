import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api'
import type { RowBatch, RowSink } from './extract-rows.ts'
import { ALL_TABLES, type FieldKind, type ReturnRow, type TableSpec, type Value } from './records.ts'

/**
 * Where the child-level rows of the returns are kept: a DuckDB file of its own under the data
 * folder, apart from the record, so that only the returns module opens it. Each table of
 * records.ts is a table here, with the same name and fields, and two more columns: the extract a
 * row came from (`extract_id`) and its row in the file as read (`row`).
 */
export const RETURNS_FILE = join('returns', 'child-level.duckdb')

const SQL_TYPE: Record<FieldKind, string> = {
  child: 'varchar',
  date: 'date',
  month: 'date',
  district: 'varchar',
  code: 'varchar',
  count: 'integer',
  flag: 'boolean',
}

/** The statements that make the store's tables, when they are not there yet. */
export function schemaStatements(tables: readonly TableSpec[] = ALL_TABLES): string[] {
  return tables.map(
    (table) =>
      `create table if not exists ${table.name} (extract_id varchar not null, "row" integer not null, ${table.fields
        .map((field) => `${field.name} ${SQL_TYPE[field.kind]}`)
        .join(', ')})`,
  )
}

/** A plain value from DuckDB: numbers as numbers, dates as YYYY-MM-DD, others as they are. */
export type PlainValue = string | number | boolean | null
export type PlainRow = Record<string, PlainValue>
export type Params = PlainValue[] | Record<string, PlainValue>
export interface Statement {
  sql: string
  params?: Params
}

function plain(value: DuckDBValue): PlainValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value
  if (typeof value === 'bigint') return Number(value)
  // Dates, decimals and the rest print as text: a date as YYYY-MM-DD.
  return String(value)
}

const DAY = 86_400_000
/** Days from 1970-01-01 of a YYYY-MM-DD date, from its parts rather than by parsing the text (a date for every row). */
const daysOf = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY

export interface ReturnsStore {
  /** Runs a query with positional ($1, $2, …) or named ($year_end) parameters and gives its rows as plain values. */
  query(sql: string, params?: Params): Promise<PlainRow[]>
  /** Runs statements that give no rows. */
  run(sql: string, params?: Params): Promise<void>
  /**
   * Runs the queries on `lanes` connections of their own at once (each first running `setup`, for
   * the temporary tables they share), and gives their rows in the order asked: independent queries
   * together keep both cores busy where one at a time would leave one idle.
   */
  queryAll(queries: readonly Statement[], options?: { lanes?: number; setup?: Statement }): Promise<PlainRow[][]>
  /**
   * Appends the rows read to the tables named, tagged with the extract, a row (`sink`) or a batch
   * (`append`) at a time; `finish` makes them lasting.
   */
  loader(
    extractId: string,
    tables: readonly TableSpec[],
  ): Promise<{ sink: RowSink; append: (batch: RowBatch) => void; finish(): Promise<void> }>
  /** Removes every row of an extract from every table. */
  deleteExtract(extractId: string): Promise<void>
  close(): void
}

/**
 * Opens (making when new) the store at `path`, or in memory with ':memory:'. DuckDB is told the
 * machine's limits: two threads, and the memory it may use.
 */
export async function openReturnsStore(
  path: string,
  options: { threads?: number; memoryLimit?: string } = {},
): Promise<ReturnsStore> {
  if (path !== ':memory:') await mkdir(dirname(path), { recursive: true })
  // Loaded here, not above: DuckDB's native library costs half a second, and most starts never open the store.
  const { DuckDBInstance, dateValue } = await import('@duckdb/node-api')
  const instance = await DuckDBInstance.create(path, {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '2GB',
  })
  const connection: DuckDBConnection = await instance.connect()
  for (const statement of schemaStatements()) await connection.run(statement)

  const queryOn = async (on: DuckDBConnection, sql: string, params?: Params) => {
    const reader = await on.runAndReadAll(sql, params)
    return reader.getRowObjects().map((row) => {
      const out: PlainRow = {}
      for (const [key, value] of Object.entries(row)) out[key] = plain(value)
      return out
    })
  }
  const query = (sql: string, params?: Params) => queryOn(connection, sql, params)

  return {
    query,
    async run(sql, params) {
      await connection.run(sql, params)
    },
    async queryAll(queries, options = {}) {
      const lanes = Math.max(1, Math.min(options.lanes ?? 2, queries.length))
      const results: PlainRow[][] = new Array<PlainRow[]>(queries.length)
      let next = 0
      const lane = async () => {
        const own = await instance.connect()
        try {
          if (options.setup) await own.run(options.setup.sql, options.setup.params)
          while (next < queries.length) {
            const index = next
            next += 1
            results[index] = await queryOn(own, queries[index].sql, queries[index].params)
          }
        } finally {
          own.closeSync()
        }
      }
      await Promise.all(Array.from({ length: lanes }, lane))
      return results
    },
    async loader(extractId, tables) {
      const appenders = new Map<string, { spec: TableSpec; appender: DuckDBAppender }>()
      for (const spec of tables)
        appenders.set(spec.name, { spec, appender: await connection.createAppender(spec.name) })
      const targetOf = (table: string) => {
        const target = appenders.get(table)
        if (!target) throw new Error(`The store has no table ${table} for this extract`)
        return target
      }
      // One row: its number, then each field's value (from `valueOf(i)`, the i-th field's) by the field's type.
      const appendRow = (
        { spec, appender }: { spec: TableSpec; appender: DuckDBAppender },
        rowNumber: number,
        valueOf: (index: number) => Value | undefined,
      ) => {
        appender.appendVarchar(extractId)
        appender.appendInteger(rowNumber)
        for (let index = 0; index < spec.fields.length; index += 1) {
          const field = spec.fields[index]
          const value = valueOf(index)
          if (value === null || value === undefined) appender.appendNull()
          else if (SQL_TYPE[field.kind] === 'date') appender.appendDate(dateValue(daysOf(String(value))))
          else if (field.kind === 'count') appender.appendInteger(Number(value))
          else if (field.kind === 'flag') appender.appendBoolean(Boolean(value))
          else appender.appendVarchar(String(value))
        }
        appender.endRow()
      }
      const sink: RowSink = (table, row: ReturnRow, rowNumber: number) => {
        const target = targetOf(table)
        appendRow(target, rowNumber, (index) => row[target.spec.fields[index].name])
      }
      const append = (batch: RowBatch) => {
        const target = targetOf(batch.table)
        const width = target.spec.fields.length
        if (batch.values.length !== batch.rowNumbers.length * width)
          throw new Error(`A batch for ${batch.table} has ${batch.values.length} values, not ${width} a row`)
        batch.rowNumbers.forEach((rowNumber, row) =>
          appendRow(target, rowNumber, (index) => batch.values[row * width + index]),
        )
      }
      return {
        sink,
        append,
        async finish() {
          for (const { appender } of appenders.values()) appender.closeSync()
        },
      }
    },
    async deleteExtract(extractId) {
      for (const table of ALL_TABLES)
        await connection.run(`delete from ${table.name} where extract_id = $1`, [extractId])
    },
    close() {
      connection.closeSync()
      instance.closeSync()
    },
  }
}
