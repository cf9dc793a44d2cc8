import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Bodies as councils have them: a type from the council down to a task and finish group (a
 * "group" becomes a task and finish group), a parent body, the dates it was set up and wound up,
 * and how long its meetings usually last. People: a councillor's party, ward and term of office, a
 * co-optee's category, an officer's phone. Memberships: observers, and a co-optee's voting rights.
 * Rows already kept stay valid: every new column may be empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table bodies drop constraint bodies_kind_check`,
    `update bodies set kind = 'task and finish group' where kind = 'group'`,
    `alter table bodies
      add constraint bodies_kind_check check (kind in ('council', 'executive', 'committee', 'sub-committee', 'panel',
        'task and finish group', 'joint committee', 'board')),
      add column established_on date,
      add column dissolved_on date,
      add column default_meeting_minutes integer check (default_meeting_minutes between 15 and 720),
      add constraint bodies_dissolved_after_established check (dissolved_on >= established_on)`,
    // A table of its own rather than a column of bodies: backups load a table's rows with its
    // foreign keys on, and cannot order the rows of a table that refers to itself (backup/load-order.ts).
    `create table body_parents (
      body_id uuid primary key references bodies(id) on delete cascade,
      parent_id uuid not null references bodies(id) on delete restrict,
      check (parent_id <> body_id)
    )`,
    `create index body_parents_parent_idx on body_parents (parent_id)`,
    `alter table people
      add column party text check (char_length(party) <= 200),
      add column ward text check (char_length(ward) <= 200),
      add column term_starts_on date,
      add column term_ends_on date,
      add column co_option_category text check (co_option_category in ('parent governor', 'diocesan', 'other')),
      add column phone text check (char_length(phone) <= 50),
      add constraint people_term_ends_after_start check (term_ends_on >= term_starts_on)`,
    `alter table memberships drop constraint memberships_role_check`,
    `alter table memberships
      add constraint memberships_role_check check (role in ('chair', 'vice-chair', 'member', 'co-opted member', 'observer')),
      add column voting_rights text check (voting_rights in ('none', 'all matters', 'education matters only'))`,
  ])
}
