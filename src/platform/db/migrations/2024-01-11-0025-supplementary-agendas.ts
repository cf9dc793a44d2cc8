import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * A supplementary agenda publishes, after the agenda, items added to it since: numbered from 1 for
 * each meeting, with the date it was published, a title and what it adds. An item added once the
 * agenda was published is marked so, until a supplement takes it in. Existing items were on the
 * agenda as published (or added before anyone recorded otherwise) and are in no supplement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table agenda_supplements (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      number integer not null check (number >= 1),
      published_on date not null,
      title text not null check (char_length(title) between 1 and 200),
      note text not null default '' check (char_length(note) <= 2000),
      created_at timestamptz not null default now(),
      unique (meeting_id, number)
    )`,
    `alter table agenda_items
      add column added_after_publication boolean not null default false,
      add column supplement_id uuid references agenda_supplements(id) on delete set null`,
    `create index agenda_items_supplement_idx on agenda_items (supplement_id)`,
  ])
}
