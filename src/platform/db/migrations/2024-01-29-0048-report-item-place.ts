import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * A report's item's meeting, number, place and exemption, kept on the report for search. A search
 * ranks every matching report, and on a large council reading each one's item by its key took longer
 * than matching and ranking the reports themselves (ADR 26). These columns are copies the database
 * keeps true, whatever writes the rows: a report takes its item's when it is written, and an item's
 * change is copied to its report. Nothing but search reads them; the agenda item is the record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table reports add column meeting_id uuid, add column item_number text, add column item_position integer,
      add column item_exempt_paragraph smallint`,
    `create function report_takes_item_place() returns trigger language plpgsql as $$
    begin
      select ai.meeting_id, ai.number, ai.position, ai.exempt_paragraph
        into new.meeting_id, new.item_number, new.item_position, new.item_exempt_paragraph
        from agenda_items ai where ai.id = new.agenda_item_id;
      return new;
    end $$`,
    `create trigger reports_take_item_place before insert or update on reports
      for each row execute function report_takes_item_place()`,
    `create function item_place_to_reports() returns trigger language plpgsql as $$
    begin
      update reports set meeting_id = new.meeting_id, item_number = new.number, item_position = new.position,
        item_exempt_paragraph = new.exempt_paragraph
      where agenda_item_id = new.id;
      return null;
    end $$`,
    `create trigger agenda_items_place_to_reports after update of meeting_id, number, position, exempt_paragraph
      on agenda_items for each row
      when (old.meeting_id is distinct from new.meeting_id or old.number is distinct from new.number
        or old.position is distinct from new.position or old.exempt_paragraph is distinct from new.exempt_paragraph)
      execute function item_place_to_reports()`,
    // Every report takes its item's place now (the trigger fills the columns).
    `update reports set agenda_item_id = agenda_item_id`,
  ])
}
