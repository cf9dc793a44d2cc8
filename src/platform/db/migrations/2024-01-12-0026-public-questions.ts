import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Questions the public asks at a meeting, with their answers: at the meeting, or in writing when the
 * meeting did not reach them. Versioned, for the edit conflicts of its form. The asker is named to
 * the public only with their consent. A new table: existing rows are untouched.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table public_questions (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      agenda_item_id uuid references agenda_items(id) on delete set null,
      position integer not null check (position >= 1),
      asker_name text not null default '' check (char_length(asker_name) <= 200),
      asker_named boolean not null default false,
      to_whom text not null default '' check (char_length(to_whom) <= 200),
      received_on date not null,
      question text not null check (char_length(question) between 1 and 5000),
      answer text not null default '' check (char_length(answer) <= 20000),
      answered_at text check (answered_at in ('meeting', 'written')),
      supplementary text not null default '' check (char_length(supplementary) <= 5000),
      supplementary_answer text not null default '' check (char_length(supplementary_answer) <= 20000),
      not_reached boolean not null default false,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      unique (meeting_id, position),
      check (not (not_reached and answered_at = 'meeting'))
    )`,
    `create index public_questions_item_idx on public_questions (agenda_item_id)`,
  ])
}
