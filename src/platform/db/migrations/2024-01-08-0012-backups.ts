import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/** The record of each backup taken, written by the backup command into the database it copied. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table backups (
      id uuid primary key,
      taken_at timestamptz not null,
      file_name text not null,
      size_bytes bigint not null check (size_bytes >= 0),
      manifest_sha256 text not null,
      app_version text not null,
      schema_version text not null,
      database_kind text not null check (database_kind in ('pglite', 'postgres')),
      host text not null,
      taken_by text not null,
      table_count integer not null,
      row_count bigint not null,
      file_count integer not null
    )`,
    `create index backups_taken_at_idx on backups (taken_at desc)`,
  ])
}
