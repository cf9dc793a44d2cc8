import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

const exemptColumns = `
      exempt_paragraph smallint check (exempt_paragraph between 1 and 7),
      exempt_reason text,
      exempt_review_on date`

const month = `~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`

/**
 * Executive and cabinet member decisions with their documents; forward plans of key decisions and
 * their items; each body's work programme.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table decisions (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      number text not null unique,
      title text not null,
      decided_on date not null,
      taker_body_id uuid references bodies(id),
      taker_person_id uuid references people(id),
      parts jsonb not null default '[]'::jsonb,
      description text not null default '',
      reasons text not null default '',
      key_decision boolean not null default false,
      published_on date,
      call_in_status text not null default 'none' check (call_in_status in ('none', 'called in', 'call-in rejected')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((taker_body_id is null) <> (taker_person_id is null))
    )`,
    `create index decisions_decided_on_idx on decisions (decided_on desc)`,
    `create table decision_documents (
      id uuid primary key default gen_random_uuid(),
      decision_id uuid not null references decisions(id) on delete cascade,
      number integer not null,
      label text not null default '',
      title text not null,
      body text not null default '',
      url text,
      ${exemptColumns},
      unique (decision_id, number)
    )`,
    `create table forward_plans (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      title text not null,
      period_from date not null,
      period_to date not null,
      published_on date,
      created_at timestamptz not null default now(),
      check (period_to >= period_from)
    )`,
    `create table forward_plan_items (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references forward_plans(id) on delete cascade,
      slug text not null,
      reference text not null,
      matter text not null,
      decision_taker text not null,
      cabinet_member_id uuid references people(id),
      anticipated_month text not null check (anticipated_month ${month}),
      anticipated_on date,
      consultation text not null default '',
      representations text not null default '',
      documents text not null default '',
      responsible_officer text not null default '',
      is_new boolean not null default false,
      ${exemptColumns},
      unique (plan_id, slug)
    )`,
    `create table work_programme_items (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references bodies(id) on delete cascade,
      title text not null,
      description text not null default '',
      meeting_id uuid references meetings(id) on delete set null,
      scheduled_month text check (scheduled_month ${month}),
      scheduled_on date,
      timing_note text not null default '',
      kind text not null check (kind in ('committee item', 'scrutiny review', 'briefing or training', 'informal meeting')),
      origin text not null check (origin in ('member request', 'recommendation', 'forward plan item', 'inspection finding')),
      origin_note text not null default '',
      origin_url text,
      forward_plan_item_id uuid references forward_plan_items(id) on delete set null,
      status text not null default 'planned' check (status in ('planned', 'scheduled', 'done', 'dropped')),
      lead_officer text not null default '',
      agenda_item_id uuid references agenda_items(id) on delete set null,
      position integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (meeting_id is null or scheduled_month is null)
    )`,
    `create index work_programme_items_body_idx on work_programme_items (body_id)`,
    `create index work_programme_items_forward_plan_idx on work_programme_items (forward_plan_item_id)`,
  ])
}
