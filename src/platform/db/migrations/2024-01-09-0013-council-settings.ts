import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The council's settings, one row at most: what differs from one council to another (its name, its
 * call-in rule, its notice of meetings, its report template, the look of its references) rather
 * than being written into the rules. The table starts empty, so that a backup restores into a
 * migrated database; until an admin first saves, the code's defaults apply.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table council_settings (
      id text primary key default 'council' check (id = 'council'),
      council_name text check (char_length(council_name) between 1 and 120),
      call_in_days integer not null default 5 check (call_in_days between 1 and 30),
      call_in_kind text not null default 'working' check (call_in_kind in ('working', 'calendar')),
      notice_days integer not null default 5 check (notice_days between 0 and 30),
      report_sections jsonb not null check (jsonb_typeof(report_sections) = 'array' and jsonb_array_length(report_sections) <= 30),
      decision_reference_hint text check (char_length(decision_reference_hint) <= 60),
      forward_plan_reference_hint text check (char_length(forward_plan_reference_hint) <= 60),
      minutes_reference_hint text check (char_length(minutes_reference_hint) <= 60),
      version integer not null default 1 check (version >= 1)
    )`,
  ])
}
