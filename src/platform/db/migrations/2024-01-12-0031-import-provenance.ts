import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Where an imported record came from: the other system, the record's id there, the file or address it
 * was read from and when. One row per record, so that importing the same source again finds what it
 * made and creates nothing twice. A record deleted here takes its provenance with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table import_sources (
      id uuid primary key default gen_random_uuid(),
      system text not null check (system in ('moderngov')),
      record_type text not null check (record_type in ('body', 'person', 'membership', 'meeting', 'agenda item', 'attendance')),
      source_id text not null check (char_length(source_id) between 1 and 200),
      record_id uuid not null,
      source_address text not null default '' check (char_length(source_address) <= 2000),
      imported_at timestamptz not null default now(),
      unique (system, record_type, source_id)
    )`,
    `create index import_sources_record_idx on import_sources (record_id)`,
  ])
}
