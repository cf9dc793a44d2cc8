import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Deputations and members of the public who spoke at a meeting: on which item, for or against, for
 * how long. The speaker is named to the public only with their consent, as askers of questions are.
 * Versioned, for the edit conflicts of its form.
 *
 * An agenda item may be the meeting's public participation item, and record that no one asked to
 * speak: a fact the minutes state, which an empty list of speakers cannot tell from "not recorded
 * yet". Existing items are neither, so every existing row stays valid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table public_speakers (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      agenda_item_id uuid references agenda_items(id) on delete set null,
      position integer not null check (position >= 1),
      kind text not null check (kind in ('deputation', 'public speaker')),
      speaker_name text not null default '' check (char_length(speaker_name) <= 200),
      speaker_named boolean not null default false,
      on_behalf_of text not null default '' check (char_length(on_behalf_of) <= 200),
      stance text check (stance in ('for', 'against', 'neither')),
      minutes_spoken integer check (minutes_spoken between 0 and 120),
      summary text not null default '' check (char_length(summary) <= 5000),
      created_at timestamptz not null default now(),
      version integer not null default 1,
      unique (meeting_id, position)
    )`,
    `create index public_speakers_item_idx on public_speakers (agenda_item_id)`,
    `alter table agenda_items
      add column public_participation boolean not null default false,
      add column no_requests_to_speak boolean not null default false,
      add constraint agenda_items_no_requests_on_participation_item
        check (not no_requests_to_speak or public_participation)`,
  ])
}
