import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/** The recommendations tracker: the committee's recommendations, their dated updates and the Executive's response. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table recommendations (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references bodies(id),
      number text not null check (length(number) between 1 and 20),
      made_on date not null,
      meeting_id uuid references meetings(id) on delete set null,
      agenda_item_id uuid references agenda_items(id) on delete set null,
      resolution_id uuid references resolutions(id) on delete set null,
      text text not null,
      target_date date,
      responsible_person_id uuid references people(id) on delete set null,
      status text not null default 'open' check (status in ('open', 'complete', 'withdrawn')),
      completed_on date,
      withdrawn_on date,
      withdrawn_reason text not null default '',
      to_executive boolean not null default false,
      referred_on date,
      response text check (response in ('accepted', 'partly accepted', 'rejected')),
      response_reasons text not null default '',
      response_received_on date,
      rag_override text check (rag_override in ('red', 'amber', 'green')),
      rag_override_reason text not null default '',
      created_at timestamptz not null default now(),
      unique (body_id, number)
    )`,
    `create index recommendations_responsible_idx on recommendations (responsible_person_id)`,
    `create unique index recommendations_resolution_idx on recommendations (resolution_id) where resolution_id is not null`,
    `create table recommendation_updates (
      id uuid primary key default gen_random_uuid(),
      recommendation_id uuid not null references recommendations(id) on delete cascade,
      on_date date not null,
      author_user_id uuid references users(id) on delete set null,
      author_name text not null,
      text text not null,
      created_at timestamptz not null default now()
    )`,
    `create index recommendation_updates_recommendation_idx on recommendation_updates (recommendation_id, on_date)`,
  ])
}
