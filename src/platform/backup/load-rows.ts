import { sql } from 'kysely'
import { readArchive } from './archive.ts'
import type { CatalogueColumn, CatalogueTable, RawDb } from './catalogue.ts'
import { asBuffer, linesOf } from './json-lines.ts'
import type { Manifest, ManifestTable } from './manifest.ts'

type Value = string | Buffer | null

/** Parameters per insert: well under PostgreSQL's 65,535, in statements of a sensible size. */
const PARAMETERS_PER_INSERT = 10_000

/**
 * A value as SQL: text read back through the column type's own input (exact for dates, instants,
 * numbers, arrays and JSON alike), files as bytes.
 */
function valueOf(column: CatalogueColumn, value: Value) {
  return column.file ? sql`${value}::bytea` : sql`${value}::text::${sql.raw(column.type)}`
}

async function insertRows(trx: RawDb, table: string, columns: CatalogueColumn[], rows: Value[][]) {
  if (!rows.length) return
  const names = sql.join(columns.map((column) => sql.id(column.name)))
  const tuples = sql.join(rows.map((row) => sql`(${sql.join(row.map((value, i) => valueOf(columns[i], value)))})`))
  // Identity columns keep the ids they had (OVERRIDING SYSTEM VALUE); their counters are set afterwards.
  await sql`insert into ${sql.id(table)} (${names}) overriding system value values ${tuples}`.execute(trx)
}

/** One table's rows, inserted in batches; rows that carry files wait for their files' parts. */
class TableLoader {
  private batch: Value[][] = []
  private waiting: { values: Value[]; missing: number }[] = []
  readonly columns: CatalogueColumn[]

  constructor(
    private readonly trx: RawDb,
    readonly table: ManifestTable,
    target: CatalogueTable,
  ) {
    const byName = new Map(target.columns.map((column) => [column.name, column]))
    this.columns = table.columns.map((column) => byName.get(column.name)!)
  }

  async row(values: Value[]) {
    const missing = this.columns.filter((column, i) => column.file && values[i] !== null).length
    if (missing) return void this.waiting.push({ values, missing })
    this.batch.push(values)
    if (this.batch.length * this.columns.length >= PARAMETERS_PER_INSERT) await this.flush()
  }

  /** The next file part: the archive holds them in the order the rows name them. */
  async file(name: string, content: Buffer) {
    const next = this.waiting[0]
    const i = next.values.findIndex((value, i) => this.columns[i].file && value === name)
    next.values[i] = content
    if (--next.missing === 0) {
      this.waiting.shift()
      await insertRows(this.trx, this.table.name, this.columns, [next.values])
    }
  }

  async flush() {
    await insertRows(this.trx, this.table.name, this.columns, this.batch)
    this.batch = []
  }
}

/**
 * Loads every row and file of a verified backup into the target's tables, inside the caller's
 * transaction, in the manifest's order (each table after those it refers to), then sets each
 * identity counter to where the source's stood.
 */
export async function loadRows(trx: RawDb, file: string, manifest: Manifest, catalogue: CatalogueTable[]) {
  const targets = new Map(catalogue.map((table) => [table.name, table]))
  const rowParts = new Map(manifest.tables.map((table) => [table.part.name, table]))
  let loader: TableLoader | undefined
  await readArchive(file, async (name, content) => {
    const table = rowParts.get(name)
    if (table) {
      await loader?.flush()
      loader = new TableLoader(trx, table, targets.get(table.name)!)
      for await (const line of linesOf(content)) await loader.row(JSON.parse(line) as Value[])
      await loader.flush()
      return
    }
    const chunks: Buffer[] = []
    for await (const chunk of content) chunks.push(asBuffer(chunk))
    if (name.startsWith('files/')) await loader!.file(name, Buffer.concat(chunks))
  })
  for (const table of manifest.tables) {
    const columns = targets.get(table.name)!.columns
    for (const { column, lastValue } of table.sequences) {
      const sequence = columns.find((c) => c.name === column)?.sequence
      if (sequence) await sql`select setval(${sequence}::text::regclass, ${lastValue}::text::bigint, true)`.execute(trx)
    }
  }
}

/** Rows per table as the database counts them now. */
export async function countRows(db: RawDb, tables: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const table of tables) {
    const result = await sql<{ n: string }>`select count(*)::text as n from ${sql.id(table)}`.execute(db)
    counts.set(table, Number(result.rows[0].n))
  }
  return counts
}
