import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '#src/config.ts'
import type { Database } from '#src/database.ts'
import { openDatabase } from '#src/platform/db/database.ts'
import { DataFolderInUseError, lockDataFolder } from '#src/platform/db/data-folder-lock.ts'
import { migrationNames } from '#src/platform/db/migrate.ts'
import { fileSize } from '#src/platform/views/filters.ts'
import { BackupRefusedError } from './archive.ts'
import { type Manifest, totals } from './manifest.ts'
import { recordBackup, recordRestore } from './records.ts'
import { restoreBackup } from './restore-backup.ts'
import { verifyBackup } from './verify-backup.ts'
import { assertNewFile, writeBackup } from './write-backup.ts'

export const BACKUP_USAGE = `Usage: npm run backup -- FILE
Writes the whole record (every table and uploaded file, with a manifest) to FILE, which must not exist yet.
On the embedded database, stop the app first.`

export const RESTORE_USAGE = `Usage: npm run restore -- FILE
Checks the backup FILE, then restores it into an empty database: the one at DATABASE_URL, or the
embedded database in DATA_DIR.`

interface Output {
  log(message: string): void
  error(message: string): void
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

function contents(manifest: Manifest): string {
  const t = totals(manifest)
  return `${count(t.tables, 'table')}, ${count(t.rows, 'row')}, ${count(t.files, 'uploaded file')}`
}

const databaseOf = (kind: string) => (kind === 'pglite' ? 'the embedded database' : 'a PostgreSQL server')
const target = (config: Config) =>
  config.databaseUrl ? 'the PostgreSQL database at DATABASE_URL' : `the embedded database in ${config.dataDir}`

/** Runs `work`, turning a refusal into its message and exit code 1. */
async function refusing(out: Output, work: () => Promise<void>): Promise<number> {
  try {
    await work()
    return 0
  } catch (error) {
    if (error instanceof BackupRefusedError || error instanceof DataFolderInUseError) {
      out.error(error.message)
      return 1
    }
    throw error
  }
}

/** Opens the configured database for `command`, holding the embedded database's folder while it works. */
async function withDatabase(
  config: Config,
  command: string,
  work: (handle: Awaited<ReturnType<typeof openDatabase<Database>>>) => Promise<void>,
) {
  const release = config.databaseUrl ? undefined : lockDataFolder(config.dataDir, command)
  try {
    const handle = await openDatabase<Database>(config)
    try {
      await work(handle)
    } finally {
      await handle.close()
    }
  } finally {
    release?.()
  }
}

/** `npm run backup -- FILE`. Exit codes: 0 written, 1 refused or failed, 2 usage. */
export async function backupCommand(
  args: string[],
  config: Config,
  appVersion: string,
  out: Output = console,
): Promise<number> {
  const [file] = args
  if (args.length !== 1 || !file || file.startsWith('-')) {
    out.error(BACKUP_USAGE)
    return 2
  }
  return refusing(out, async () => {
    assertNewFile(file)
    if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pglite'))) {
      throw new BackupRefusedError(
        `There is no embedded database in ${config.dataDir} to back up: set DATA_DIR to its folder, or DATABASE_URL for a server`,
      )
    }
    await withDatabase(config, 'backup', async (handle) => {
      const backup = await writeBackup(handle.db, { file, database: handle.kind, appVersion })
      const recorded = await recordBackup(handle.db, backup)
      out.log(`Backed up ${target(config)} to ${file} (${fileSize(backup.bytes)}): ${contents(backup.manifest)}.`)
      out.log(
        `Schema ${backup.manifest.schemaVersion}, taken at ${backup.manifest.createdAt}. SHA-256 of its manifest: ${backup.manifestSha256}.`,
      )
      out.log(
        recorded
          ? 'Recorded on the Backups page (Admin > Backups). Keep copies away from this server: see docs/operations.md.'
          : 'Not recorded on the Backups page: this database is older than that page (run npm run migrate to bring it up to date).',
      )
    })
  })
}

/** `npm run restore -- FILE`. Exit codes: 0 restored, 1 refused or failed, 2 usage. */
export async function restoreCommand(args: string[], config: Config, out: Output = console): Promise<number> {
  const [file] = args
  if (args.length !== 1 || !file || file.startsWith('-')) {
    out.error(RESTORE_USAGE)
    return 2
  }
  return refusing(out, async () => {
    const backup = await verifyBackup(file, await migrationNames())
    const { manifest } = backup
    out.log(
      `Checked ${file}: a backup of ${databaseOf(manifest.source.database)} on ${manifest.source.host}, taken at ${manifest.createdAt} ` +
        `by Oversight ${manifest.appVersion} (schema ${manifest.schemaVersion}), holding ${contents(manifest)}. Every part matches its checksum.`,
    )
    await withDatabase(config, 'restore', async (handle) => {
      const restored = await restoreBackup(handle.db, backup)
      await recordRestore(handle.db, backup)
      out.log(`Restored into ${target(config)}; every table's row count matched the backup.`)
      if (restored.applied.length) out.log(`Then applied the newer migrations: ${restored.applied.join(', ')}.`)
      for (const { table, before, after } of restored.changedByUpgrade) {
        out.log(`  ${table}: ${count(before, 'row')} in the backup, ${count(after, 'row')} after those migrations.`)
      }
    })
  })
}
