import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Motions moved at a meeting with their amendments in order, and the votes taken on a motion, an
 * amendment or an item's recommendation: the tally, the chair's casting vote, and, when the vote was
 * recorded, each member's vote by name. New tables: existing rows are untouched.
 *
 * A mover or seconder is a person: the record names members, and a member's page lists what they
 * moved. An outcome is null until the meeting decides. A person named in a recorded vote cannot be
 * deleted, as in the attendance: the tally would no longer match the names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table motions (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      agenda_item_id uuid references agenda_items(id) on delete set null,
      position integer not null check (position >= 1),
      mover_id uuid references people(id) on delete set null,
      seconder_id uuid references people(id) on delete set null,
      text text not null check (char_length(text) between 1 and 20000),
      substantive_text text not null default '' check (char_length(substantive_text) <= 20000),
      outcome text check (outcome in ('carried', 'lost', 'withdrawn', 'deferred')),
      created_at timestamptz not null default now(),
      version integer not null default 1,
      unique (meeting_id, position),
      check (mover_id is null or seconder_id is null or mover_id <> seconder_id)
    )`,
    `create index motions_item_idx on motions (agenda_item_id)`,
    `create index motions_mover_idx on motions (mover_id)`,
    `create index motions_seconder_idx on motions (seconder_id)`,
    `create table motion_amendments (
      id uuid primary key default gen_random_uuid(),
      motion_id uuid not null references motions(id) on delete cascade,
      position integer not null check (position >= 1),
      mover_id uuid references people(id) on delete set null,
      seconder_id uuid references people(id) on delete set null,
      text text not null check (char_length(text) between 1 and 20000),
      outcome text check (outcome in ('carried', 'lost', 'withdrawn', 'accepted')),
      created_at timestamptz not null default now(),
      version integer not null default 1,
      unique (motion_id, position),
      check (mover_id is null or seconder_id is null or mover_id <> seconder_id)
    )`,
    `create index motion_amendments_mover_idx on motion_amendments (mover_id)`,
    `create index motion_amendments_seconder_idx on motion_amendments (seconder_id)`,
    `create table votes (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      position integer not null check (position >= 1),
      motion_id uuid unique references motions(id) on delete cascade,
      amendment_id uuid unique references motion_amendments(id) on delete cascade,
      agenda_item_id uuid references agenda_items(id) on delete cascade,
      description text not null default '' check (char_length(description) <= 500),
      votes_for integer not null check (votes_for between 0 and 10000),
      votes_against integer not null check (votes_against between 0 and 10000),
      abstentions integer not null check (abstentions between 0 and 10000),
      recorded boolean not null default false,
      casting_vote text check (casting_vote in ('for', 'against')),
      created_at timestamptz not null default now(),
      version integer not null default 1,
      unique (meeting_id, position),
      check (num_nonnulls(motion_id, amendment_id, agenda_item_id) = 1),
      check (casting_vote is null or votes_for = votes_against)
    )`,
    `create index votes_item_idx on votes (agenda_item_id)`,
    `create table vote_records (
      vote_id uuid not null references votes(id) on delete cascade,
      person_id uuid not null references people(id),
      vote text not null check (vote in ('for', 'against', 'abstain')),
      primary key (vote_id, person_id)
    )`,
    `create index vote_records_person_idx on vote_records (person_id)`,
  ])
}
