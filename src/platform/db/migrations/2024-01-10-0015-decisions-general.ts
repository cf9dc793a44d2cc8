import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Decisions as any council keeps them: the reference is the council's own and may be absent
 * (Modern.gov decisions have none); the decision taker may be the executive, a cabinet member, a
 * committee or an officer; the notice's other parts (alternative options, wards, interests,
 * contact, date effective) have their own columns. Existing decisions keep their references and
 * addresses; a person took theirs as a cabinet member, a body as the executive or a committee.
 * A call-in is a record of its own: who asked, when, on what grounds, the meeting that considered
 * it, the outcome of each of its recommendations and the decision maker's response. A forward
 * plan entry may be urgent (general exception or special urgency, with the reason and whether the
 * chair agreed) and is linked to the decision once taken.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table decisions alter column number drop not null`,
    `alter table decisions add constraint decisions_number_length check (char_length(number) between 1 and 60)`,
    `alter table decisions
      add column taker_type text not null default 'executive'
        check (taker_type in ('executive', 'cabinet member', 'committee', 'officer')),
      add column alternatives_considered text not null default '',
      add column wards_affected text not null default '',
      add column interests_declared text not null default '',
      add column contact text not null default '',
      add column effective_on date`,
    `update decisions set taker_type = 'cabinet member' where taker_person_id is not null`,
    `update decisions set taker_type = 'committee'
      where taker_body_id in (select id from bodies where kind <> 'executive')`,
    `create table call_ins (
      id uuid primary key default gen_random_uuid(),
      decision_id uuid not null references decisions(id) on delete cascade,
      number integer not null check (number >= 1),
      requested_by text not null check (char_length(requested_by) between 1 and 1000),
      requested_on date not null,
      grounds text not null check (char_length(grounds) >= 1),
      meeting_id uuid references meetings(id) on delete set null,
      outcomes jsonb not null default '[]'::jsonb check (jsonb_typeof(outcomes) = 'array'),
      response text not null default '',
      created_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      unique (decision_id, number)
    )`,
    `alter table forward_plan_items
      add column urgency text not null default 'none'
        check (urgency in ('none', 'general exception', 'special urgency')),
      add column urgency_reason text not null default '',
      add column chair_agreed boolean,
      add column decision_id uuid references decisions(id) on delete set null,
      add constraint forward_plan_items_urgency_reason
        check (urgency = 'none' or (urgency_reason <> '' and chair_agreed is not null))`,
  ])
}
