import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Agenda item numbers are labels in the council's own form ('1', '4a', 'A1', '12.') and may be left
 * out; items are ordered by their `position` on the agenda instead. A minute may carry the council's
 * own number ('107', 'CYP 1/10'). Existing items keep their number as text and take it as their
 * position, so their order and their addresses stay as they were.
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
      add column minute_number text check (char_length(minute_number) between 1 and 20)`,
  ])
}
