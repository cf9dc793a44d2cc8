import { sql } from 'kysely'
import type { AnyDb } from '#src/platform/db/database.ts'

/** Every table's rows, each as JSON text (files as their bytes in hex), sorted; and each identity counter. */
export interface RecordSnapshot {
  tables: Record<string, string[]>
  counters: Record<string, number>
}

/**
 * The whole record as text, read independently of the backup code (information_schema, row_to_json),
 * so a table the backup forgot, or a value it changed, shows as a difference. Generated columns
 * are included: a restore must compute them again to the same values. Instants are written in UTC
 * so that the embedded database and a server with another time zone compare alike.
 */
export async function snapshotRecord(db: AnyDb): Promise<RecordSnapshot> {
  return db
    .withoutPlugins()
    .transaction()
    .execute(async (trx) => {
      await sql`set local timezone = 'UTC'`.execute(trx)
      await sql`set local extra_float_digits = 3`.execute(trx)
      const names = await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely%'`.execute(
        trx,
      )
      const tables: Record<string, string[]> = {}
      for (const { name } of names.rows) {
        const rows = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.id(name)} t`.execute(trx)
        // Sorted here, not by the database: the two databases may collate text differently.
        tables[name] = rows.rows.map(({ row }) => row).sort()
      }
      const sequences = await sql<{ name: string; value: string | null }>`
        select sequencename as name, last_value::text as value from pg_sequences where schemaname = current_schema()`.execute(
        trx,
      )
      const counters = Object.fromEntries(sequences.rows.map(({ name, value }) => [name, Number(value ?? 0)]))
      return { tables, counters }
    })
}

/** The rows a restore adds of itself: the record of the backup it came from and its audit event. */
export function withoutRestoreOf(snapshot: RecordSnapshot, backupId: string): RecordSnapshot {
  const keep = (table: string, row: Record<string, unknown>) =>
    table === 'backups'
      ? row.id !== backupId
      : table === 'audit_events'
        ? !(row.action === 'restored from backup' && row.subject_id === backupId)
        : true
  return {
    ...snapshot,
    tables: Object.fromEntries(
      Object.entries(snapshot.tables).map(([table, rows]) => [
        table,
        rows.filter((row) => keep(table, JSON.parse(row) as Record<string, unknown>)),
      ]),
    ),
  }
}
