import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The statutory returns: each extract taken in (its kind, collection year, checksum and what its
 * validation found, never a child's row, which stays in the returns' own store), each computation of
 * the indicators from them, reviewed before it is published into the outcomes framework; the grant
 * of child-level data to an analyst; a value published as `c` because the count behind it is small;
 * and the council's retention period and threshold for small counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table return_extracts (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('903', 'cin', 'annex-a')),
      collection_year text not null check (collection_year ~ '^[0-9]{4}-[0-9]{2}$'),
      file_name text not null check (length(file_name) between 1 and 200),
      checksum text not null check (checksum ~ '^[0-9a-f]{64}$'),
      rows_kept jsonb not null default '{}',
      read_problems integer not null default 0 check (read_problems >= 0),
      read_problem_list jsonb not null default '[]',
      rule_failures integer not null default 0 check (rule_failures >= 0),
      failures_by_rule jsonb not null default '[]',
      tables_with_failures jsonb not null default '[]',
      taken_by text not null,
      taken_at timestamptz not null default now(),
      deleted_at timestamptz,
      deleted_reason text
    )`,
    `create index return_extracts_year_idx on return_extracts (collection_year, kind, taken_at desc)`,
    `create table return_computations (
      id uuid primary key default gen_random_uuid(),
      collection_year text not null check (collection_year ~ '^[0-9]{4}-[0-9]{2}$'),
      extracts jsonb not null,
      population integer check (population > 0),
      results jsonb not null,
      computed_by text not null,
      computed_at timestamptz not null default now(),
      published_by text,
      published_at timestamptz
    )`,
    `alter table users add column child_level_data boolean not null default false`,
    `alter table indicator_values add column suppressed boolean not null default false`,
    `alter table council_settings add column return_retention_months integer not null default 13
      check (return_retention_months between 1 and 120)`,
    `alter table council_settings add column disclosure_threshold integer not null default 5
      check (disclosure_threshold between 1 and 99)`,
  ])
}
