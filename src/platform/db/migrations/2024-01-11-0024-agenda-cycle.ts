import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Agenda item numbers are labels in the council's own form ('1', '4a', 'A1', '12.') and may be left
 * out; items are ordered by their `position` on the agenda instead. A minute may carry the council's
 * own number ('107', 'CYP 1/10'). Existing items keep their number as text and take it as their
 * position, so their order and their addresses stay as they were.
 *
 * After the agenda is published: an urgent item carries the chair's reason for taking it
 * (Local Government Act 1972 s100B(4)(b)); an item may be withdrawn or deferred, with the reason,
 * and stays in its place; an item's report may be "to follow". Existing items are listed, not
 * urgent, and have their reports.
 *
 * A meeting's announced venue, when it changes, is kept with the date and reason of the change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table agenda_items add column position integer`,
    `update agenda_items set position = number`,
    `alter table agenda_items
      alter column position set not null,
      add constraint agenda_items_meeting_position_key unique (meeting_id, position),
      alter column number type text using number::text,
      alter column number drop not null,
      add constraint agenda_items_number_check check (char_length(number) between 1 and 20),
      add column minute_number text check (char_length(minute_number) between 1 and 20),
      add column urgent boolean not null default false,
      add column urgent_reason text not null default '' check (char_length(urgent_reason) <= 2000),
      add constraint agenda_items_urgent_has_reason check (not urgent or urgent_reason <> ''),
      add column status text not null default 'listed' check (status in ('listed', 'withdrawn', 'deferred')),
      add column status_reason text not null default '' check (char_length(status_reason) <= 2000),
      add constraint agenda_items_status_has_reason check (status = 'listed' or status_reason <> ''),
      add column to_follow boolean not null default false`,
    `create table meeting_venue_changes (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      from_venue text not null check (from_venue <> ''),
      to_venue text not null,
      changed_on date not null,
      reason text not null default '' check (char_length(reason) <= 2000),
      created_at timestamptz not null default now()
    )`,
    `create index meeting_venue_changes_meeting_idx on meeting_venue_changes (meeting_id)`,
  ])
}
