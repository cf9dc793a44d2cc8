import type { AnyDb } from '#src/platform/db/database.ts'
import { migrateTo, migrateToLatest } from '#src/platform/db/migrate.ts'
import { BackupRefusedError } from './archive.ts'
import { type RawDb, readCatalogue, schemaVersion, useExactTextForms } from './catalogue.ts'
import { countRows, loadRows } from './load-rows.ts'
import type { Manifest } from './manifest.ts'
import type { VerifiedBackup } from './verify-backup.ts'

export interface RestoredBackup {
  /** Migrations newer than the backup, applied after its rows were loaded. */
  applied: string[]
  /** Tables whose row count the newer migrations changed (the counts matched before them). */
  changedByUpgrade: { table: string; before: number; after: number }[]
}

const NOT_EMPTY = 'Restore into a new, empty database (or a new DATA_DIR for the embedded database)'

/** A target with any row in any table, or with a newer schema than the backup's, is refused untouched. */
async function assertEmpty(raw: RawDb, manifest: Manifest) {
  const version = await schemaVersion(raw)
  if (version && version > manifest.schemaVersion) {
    throw new BackupRefusedError(
      `The target database already has a newer schema (${version}) than the backup (${manifest.schemaVersion}). ${NOT_EMPTY}`,
    )
  }
  const tables = (await readCatalogue(raw)).map((table) => table.name)
  const filled = [...(await countRows(raw, tables))].filter(([, rows]) => rows > 0).map(([table]) => table)
  if (filled.length) {
    const named =
      filled.length > 3 ? `${filled.slice(0, 3).join(', ')} and ${filled.length - 3} more tables` : filled.join(', ')
    throw new BackupRefusedError(
      `The target database is not empty: ${named} ${filled.length > 1 ? 'have' : 'has'} rows. ${NOT_EMPTY}`,
    )
  }
}

/** The target's schema at the backup's version must have the backup's tables and columns, no more and no fewer. */
function assertSameShape(manifest: Manifest, catalogue: Awaited<ReturnType<typeof readCatalogue>>) {
  type Shaped = { name: string; columns: { name: string }[] }
  const columnsOf = (table: Shaped) => table.columns.map((column) => column.name).sort()
  const shape = (tables: Shaped[]) => tables.map((table) => `${table.name}(${columnsOf(table).join(',')})`).sort()
  const ours = new Set(shape(catalogue))
  const differing = shape(manifest.tables).filter((table) => !ours.delete(table))
  if (differing.length || ours.size) {
    throw new BackupRefusedError(
      `The schema ${manifest.schemaVersion} of this Oversight does not have the tables the backup has (${[...differing, ...ours][0]}); nothing was loaded`,
    )
  }
}

/**
 * Restores a verified backup into an empty database: brings the schema to the backup's version,
 * loads every row in one transaction and checks each table's count against the manifest before
 * committing, then applies any newer migrations. A newer migration may move rows (split a table,
 * backfill one), so counts are compared exactly before it runs and only reported after.
 */
export async function restoreBackup(db: AnyDb, backup: VerifiedBackup): Promise<RestoredBackup> {
  const { manifest, file } = backup
  const raw = db.withoutPlugins()
  await assertEmpty(raw, manifest)
  await migrateTo(db, manifest.schemaVersion)
  const catalogue = await readCatalogue(raw)
  assertSameShape(manifest, catalogue)

  const tables = manifest.tables.map((table) => table.name)
  await raw.transaction().execute(async (trx) => {
    await useExactTextForms(trx)
    await loadRows(trx, file, manifest, catalogue)
    const counts = await countRows(trx, tables)
    for (const table of manifest.tables) {
      if (counts.get(table.name) !== table.rows) {
        throw new Error(
          `After loading, ${table.name} has ${counts.get(table.name)} rows where the backup has ${table.rows}; nothing was restored`,
        )
      }
    }
  })

  const applied = await migrateToLatest(db)
  const remaining = new Set((await readCatalogue(raw)).map((table) => table.name))
  const after = await countRows(
    raw,
    tables.filter((table) => remaining.has(table)),
  )
  const changedByUpgrade = manifest.tables
    .map((table) => ({ table: table.name, before: table.rows, after: after.get(table.name) ?? 0 }))
    .filter(({ before, after }) => before !== after)
  return { applied, changedByUpgrade }
}
