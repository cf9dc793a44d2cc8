import type { ColumnType } from 'kysely'

/** One backup taken by `npm run backup`, recorded in the database it copied. */
export interface BackupsTable {
  id: string
  takenAt: ColumnType<Date, Date | string, never>
  fileName: string
  sizeBytes: number
  manifestSha256: string
  appVersion: string
  schemaVersion: string
  databaseKind: 'pglite' | 'postgres'
  host: string
  takenBy: string
  tableCount: number
  rowCount: number
  fileCount: number
}

export interface BackupTables {
  backups: BackupsTable
}
