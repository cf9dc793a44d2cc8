import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Attendance as councils record it: present remotely (not counted in the quorum, no vote), expected
 * (before the meeting), the member a substitute replaced, and the items at which someone arrived late
 * or left early. The member replaced is a person, not their attendance row: a table that refers to
 * itself cannot be ordered for a backup's load, and a member of a body is a person on record.
 * Declarations in the current code's categories, for one, several or no items (the whole meeting),
 * with whether the member left the room and any dispensation. The published draft of minutes
 * approved with amendments is kept.
 *
 * Old declaration types: a disclosable pecuniary interest is the same category under the 2012 code.
 * A "personal" or "prejudicial" interest (the 2007 model code) has no single current category: a
 * personal interest may be a registrable one (a membership) or a non-registrable one (a relative's
 * affairs), and "prejudicial" was a test applied on top of it, not a kind. Guessing would put words
 * in the record that the member did not use, so they become "other" with the council's own word.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table attendance drop constraint attendance_status_check`,
    `alter table attendance
      add constraint attendance_status_check check (status in
        ('present', 'present remotely', 'apologies', 'absent', 'expected', 'in attendance')),
      add column substitute_for_id uuid references people(id),
      add column arrived_at_item text not null default '' check (char_length(arrived_at_item) <= 20),
      add column left_at_item text not null default '' check (char_length(left_at_item) <= 20)`,
    // One substitute for each member who sent apologies.
    `create unique index attendance_substitute_for_idx on attendance (meeting_id, substitute_for_id)`,

    `alter table declarations
      add column category text,
      add column category_label text not null default '' check (char_length(category_label) <= 100),
      add column left_room boolean,
      add column dispensation text not null default '' check (char_length(dispensation) <= 1000)`,
    `update declarations set
      category = case type when 'disclosable pecuniary' then 'disclosable pecuniary interest' else 'other' end,
      category_label = case type when 'personal' then 'Personal' when 'prejudicial' then 'Prejudicial' else '' end`,
    `alter table declarations
      alter column category set not null,
      add constraint declarations_category_check check (category in
        ('disclosable pecuniary interest', 'other registrable interest', 'non-registrable interest', 'other')),
      add constraint declarations_other_labelled check (category <> 'other' or category_label <> '')`,
    `create table declaration_items (
      declaration_id uuid not null references declarations(id) on delete cascade,
      agenda_item_id uuid not null references agenda_items(id) on delete cascade,
      primary key (declaration_id, agenda_item_id)
    )`,
    `create index declaration_items_item_idx on declaration_items (agenda_item_id)`,
    `insert into declaration_items (declaration_id, agenda_item_id)
      select id, agenda_item_id from declarations where agenda_item_id is not null`,
    `alter table declarations drop column agenda_item_id, drop column type`,

    `create table minutes_versions (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references minutes(meeting_id) on delete cascade,
      published_at timestamptz,
      replaced_on date not null,
      content jsonb not null
    )`,
    `create index minutes_versions_meeting_idx on minutes_versions (meeting_id)`,
  ])
}
