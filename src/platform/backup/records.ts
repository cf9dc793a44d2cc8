import { type Insertable, type Selectable, sql } from 'kysely'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { type Manifest, totals } from './manifest.ts'
import type { BackupsTable } from './tables.ts'

export type BackupRecord = Selectable<BackupsTable>

/** What the backups page says of one backup: the same whether written by the backup or by a restore of it. */
export function backupRecordOf(backup: {
  manifest: Manifest
  manifestSha256: string
  bytes: number
}): Insertable<BackupsTable> {
  const { manifest } = backup
  const counted = totals(manifest)
  return {
    id: manifest.backupId,
    takenAt: manifest.createdAt,
    fileName: manifest.source.fileName,
    sizeBytes: backup.bytes,
    manifestSha256: backup.manifestSha256,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    databaseKind: manifest.source.database,
    host: manifest.source.host,
    takenBy: manifest.source.user,
    tableCount: counted.tables,
    rowCount: counted.rows,
    fileCount: counted.files,
  }
}

/** A database from before the backups table (backed up by a newer Oversight before upgrading) has none. */
async function hasBackupsTable(db: Db): Promise<boolean> {
  const result = await sql<{ found: boolean }>`select to_regclass('backups') is not null as found`.execute(db)
  return Boolean(result.rows[0]?.found)
}

/**
 * Records a finished backup in the database it copied, audited as a command-line change. Written
 * after the file is complete, so the record never claims a backup that does not exist.
 */
export async function recordBackup(db: Db, backup: Parameters<typeof backupRecordOf>[0]): Promise<boolean> {
  if (!(await hasBackupsTable(db))) return false
  const record = backupRecordOf(backup)
  await withTransaction(db, async (trx) => {
    await trx.insertInto('backups').values(record).execute()
    await recordAudit(trx, systemContext('command line'), {
      action: 'took backup',
      subjectType: 'backup',
      subjectId: record.id,
      after: record,
    })
  })
  return true
}

/**
 * After a restore: the record of the backup it came from (the source wrote it only once the file
 * was complete, so the backup itself cannot hold it) and an audit event saying what was restored.
 */
export async function recordRestore(db: Db, backup: Parameters<typeof backupRecordOf>[0] & { file: string }) {
  const record = backupRecordOf(backup)
  await withTransaction(db, async (trx) => {
    await trx
      .insertInto('backups')
      .values(record)
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute()
    await recordAudit(trx, systemContext('command line'), {
      action: 'restored from backup',
      subjectType: 'backup',
      subjectId: record.id,
      after: { ...record, restoredFrom: backup.file },
    })
  })
}

export function createBackupsRepository(db: Db) {
  return {
    /** The backups taken, newest first. */
    async newestFirst(limit = 100): Promise<BackupRecord[]> {
      return db.selectFrom('backups').selectAll().orderBy('takenAt', 'desc').orderBy('id').limit(limit).execute()
    },
  }
}
