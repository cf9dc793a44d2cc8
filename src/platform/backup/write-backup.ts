import { createHash, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { hostname, userInfo } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { finished } from 'node:stream/promises'
import { sql } from 'kysely'
import type { DatabaseKind } from '#src/platform/db/database.ts'
import { BackupRefusedError, writeArchive } from './archive.ts'
import { type CatalogueTable, type RawDb, readCatalogue, schemaVersion, useExactTextForms } from './catalogue.ts'
import { asBuffer } from './json-lines.ts'
import { FORMAT, FORMAT_VERSION, type Manifest, type ManifestTable, type Part } from './manifest.ts'

export interface WrittenBackup {
  file: string
  manifest: Manifest
  manifestSha256: string
  /** The size of the whole file. */
  bytes: number
}

interface Staged extends Part {
  path: string
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** Rows fetched at a time: a few when each may carry an uploaded file, many otherwise. */
const fetchSize = (table: CatalogueTable) => (table.columns.some((column) => column.file) ? 8 : 1000)

function filePartName(table: CatalogueTable, column: string, row: Record<string, unknown>, rowNumber: number) {
  const keyColumns = table.primaryKey.map((name) => table.columns.findIndex((c) => c.name === name))
  const key =
    keyColumns.length && !keyColumns.includes(-1) ? keyColumns.map((i) => String(row[`c${i}`])).join('~') : rowNumber
  return `files/${table.name}/${column}/${encodeURIComponent(key)}`
}

/**
 * A table's rows through a cursor, so that no table has to fit in memory: files as they are
 * stored, every other value in PostgreSQL's text form, which every PostgreSQL reads back exactly.
 */
async function* rowsOf(trx: RawDb, table: CatalogueTable): AsyncGenerator<Record<string, unknown>> {
  const select = table.columns.map((column, i) =>
    column.file
      ? sql`${sql.id(column.name)} as ${sql.id(`c${i}`)}`
      : sql`${sql.id(column.name)}::text as ${sql.id(`c${i}`)}`,
  )
  const order = table.primaryKey.length
    ? sql`order by ${sql.join(table.primaryKey.map((name) => sql.id(name)))}`
    : sql``
  const query = sql`select ${sql.join(select)} from ${sql.id(table.name)} ${order}`
  await sql`declare backup_rows no scroll cursor for ${query}`.execute(trx)
  for (;;) {
    const fetch = `fetch forward ${fetchSize(table)} from backup_rows`
    const batch = await sql.raw<Record<string, unknown>>(fetch).execute(trx)
    if (!batch.rows.length) break
    yield* batch.rows
  }
  await sql`close backup_rows`.execute(trx)
}

/** A part written to the staging folder, counted and hashed as it goes. */
function stagedPart(name: string, path: string) {
  const out = createWriteStream(path)
  const hash = createHash('sha256')
  let bytes = 0
  return {
    async write(data: Buffer) {
      hash.update(data)
      bytes += data.length
      if (!out.write(data)) await once(out, 'drain')
    },
    async close(): Promise<Staged> {
      out.end()
      await finished(out)
      return { name, path, bytes, sha256: hash.digest('hex') }
    },
  }
}

/** Where each identity or serial counter stands, so that no id handed out before is handed out again. */
async function countersOf(trx: RawDb, table: CatalogueTable): Promise<ManifestTable['sequences']> {
  const sequences: ManifestTable['sequences'] = []
  for (const { name, sequence } of table.columns) {
    if (!sequence) continue
    const last = await sql<{ value: string | null }>`
      select case when is_called then last_value::text end as value from ${sql.raw(sequence)}`.execute(trx)
    const lastValue = last.rows[0]?.value
    if (lastValue) sequences.push({ column: name, lastValue })
  }
  return sequences
}

/**
 * One table: its rows as a JSON-lines part (one array of values a line), and each uploaded file as a
 * part of its own.
 */
async function dumpTable(trx: RawDb, table: CatalogueTable, staging: string, index: number) {
  const rowsPart = stagedPart(`tables/${table.name}.jsonl`, join(staging, `${index}.jsonl`))
  const files: Staged[] = []
  let rows = 0
  for await (const row of rowsOf(trx, table)) {
    rows++
    const values: (string | null)[] = []
    for (const [i, column] of table.columns.entries()) {
      const value = row[`c${i}`] as string | Uint8Array | null
      if (value === null || !column.file) {
        values.push(value as string | null)
        continue
      }
      const content = asBuffer(value as Uint8Array)
      const path = join(staging, `${index}.${files.length}.bin`)
      await writeFile(path, content)
      files.push({
        name: filePartName(table, column.name, row, rows),
        path,
        bytes: content.length,
        sha256: sha256(content),
      })
      values.push(files.at(-1)!.name)
    }
    await rowsPart.write(Buffer.from(`${JSON.stringify(values)}\n`))
  }
  const part = await rowsPart.close()
  const entry: ManifestTable = {
    name: table.name,
    columns: table.columns.map(({ name, type, file }) => ({ name, type, file })),
    rows,
    part: { name: part.name, bytes: part.bytes, sha256: part.sha256 },
    files: files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
    sequences: await countersOf(trx, table),
  }
  return { entry, staged: [part, ...files] }
}

/** A backup never overwrites a file: an old backup may be the only good copy. */
export function assertNewFile(file: string): void {
  if (existsSync(file)) {
    throw new BackupRefusedError(
      `${file} already exists: give the backup a new file name (a backup never overwrites a file)`,
    )
  }
}

/** Reads the whole record in the caller's transaction: the manifest and the parts staged for the archive. */
async function snapshot(
  trx: RawDb,
  staging: string,
  options: { file: string; database: DatabaseKind; appVersion: string },
) {
  await useExactTextForms(trx)
  const version = await schemaVersion(trx)
  if (!version) throw new BackupRefusedError('This database has no Oversight schema: there is nothing to back up')
  const now = await sql<{ at: string }>`select to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at`.execute(trx)
  const tables: ManifestTable[] = []
  const staged: Staged[] = []
  for (const [index, table] of (await readCatalogue(trx)).entries()) {
    const dumped = await dumpTable(trx, table, staging, index)
    tables.push(dumped.entry)
    staged.push(...dumped.staged)
  }
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    backupId: randomUUID(),
    appVersion: options.appVersion,
    schemaVersion: version,
    createdAt: now.rows[0].at,
    source: {
      database: options.database,
      host: hostname(),
      user: userInfo().username,
      fileName: basename(options.file),
    },
    tables,
  }
  return { manifest, staged }
}

/**
 * Writes the whole record to `file`: every table of the schema and every uploaded file, with a
 * manifest, read in one REPEATABLE READ READ ONLY transaction, so the copy is of one instant even
 * while the app keeps serving (on PostgreSQL). The parts are staged in a folder beside `file`
 * (removed afterwards) so that the manifest, with every part's checksum, can come first.
 */
export async function writeBackup(
  db: RawDb,
  options: { file: string; database: DatabaseKind; appVersion: string },
): Promise<WrittenBackup> {
  const { file } = options
  assertNewFile(file)
  const staging = await mkdtemp(join(dirname(file), `.${basename(file)}.parts-`))
  try {
    const { manifest, staged } = await db
      .withoutPlugins()
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => snapshot(trx, staging, options))
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
    await writeArchive(file, manifestBytes, staged, new Date(manifest.createdAt))
    return { file, manifest, manifestSha256: sha256(manifestBytes), bytes: (await stat(file)).size }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
