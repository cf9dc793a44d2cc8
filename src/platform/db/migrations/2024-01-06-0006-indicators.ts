import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

const number = (column: string) => `${column} double precision`

/**
 * The outcomes framework: indicators with their definitions, reporting periods, each period's
 * target (or an aspiration), actual with its provenance, and benchmarks; and the population of
 * children aged 0–17 by year, for rates per 10,000.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table indicators (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$'),
      name text not null,
      indicator_group text not null check (indicator_group in ('outcome 1', 'outcome 2', 'outcome 3', 'outcome 4', 'enablers', 'practice quality', 'health access')),
      unit text not null check (unit in ('count', 'percentage', 'rate per 10000', 'weeks', 'days', 'score')),
      polarity text not null check (polarity in ('higher is better', 'lower is better', 'neither')),
      decimals smallint not null default 0 check (decimals between 0 and 3),
      tolerance double precision not null default 0.05 check (tolerance >= 0 and tolerance <= 1),
      definition text not null default '',
      source text not null default '',
      owner text not null default '',
      reference text not null default '',
      published boolean not null default true,
      position integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create table indicator_periods (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
      name text not null unique,
      ends_on date not null,
      is_baseline boolean not null default false
    )`,
    `create table indicator_values (
      id uuid primary key default gen_random_uuid(),
      indicator_id uuid not null references indicators(id) on delete cascade,
      period_id uuid not null references indicator_periods(id) on delete cascade,
      ${number('target')},
      aspiration text check (aspiration in ('increase', 'decrease', 'maintain')),
      ${number('actual')},
      actual_count integer check (actual_count >= 0),
      note text not null default '',
      ${number('england')},
      ${number('region')},
      ${number('statistical_neighbours')},
      benchmark_source text not null default '',
      provenance text not null default '',
      entered_by text not null default '',
      entered_at timestamptz not null default now(),
      unique (indicator_id, period_id),
      check (target is null or aspiration is null)
    )`,
    `create table child_populations (
      year integer primary key check (year between 1990 and 2100),
      children integer not null check (children > 0),
      source text not null default ''
    )`,
  ])
}
