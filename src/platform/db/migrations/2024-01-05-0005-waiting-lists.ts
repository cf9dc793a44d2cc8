import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

const count = (column: string) => `${column} integer check (${column} >= 0)`
const weeks = (column: string) => `${column} double precision check (${column} >= 0)`

/**
 * Health services for children and their month-end waiting-list figures, as the health data
 * dashboard reports them. A figure the source does not give is null, never zero.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table health_services (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      provider text not null default '',
      waits_to text not null default '',
      position integer not null default 0,
      created_at timestamptz not null default now()
    )`,
    `create table waiting_list_figures (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references health_services(id) on delete cascade,
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      ${count('referrals_waiting')},
      ${count('over18_weeks')},
      ${count('over52_weeks')},
      ${count('over78_weeks')},
      ${weeks('average_weeks')},
      ${weeks('longest_weeks')},
      source text not null default '',
      note text not null default '',
      entered_by text not null default '',
      entered_at timestamptz not null default now(),
      unique (service_id, month)
    )`,
    `create index waiting_list_figures_month_idx on waiting_list_figures (month)`,
  ])
}
