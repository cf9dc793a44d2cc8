import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Each filter of the audit trail served by an index, newest first, so that a council with hundreds of
 * thousands of events pages through them without reading them all: the day an event shows (the app's
 * date, else the instant's UK day), the exact record id, and who and what happened, whose distinct
 * values the filters' words are matched against (reader.ts). A record type with its id already has
 * audit_events_subject_idx.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index audit_events_day_idx on audit_events
      ((coalesce(app_date, (at at time zone 'Europe/London')::date)), at desc)`,
    `create index audit_events_subject_type_at_idx on audit_events (subject_type, at desc)`,
    `create index audit_events_subject_id_idx on audit_events (subject_id, at desc)`,
    `create index audit_events_actor_idx on audit_events (actor_label, at desc)`,
    `create index audit_events_action_idx on audit_events (action, at desc)`,
    // The planner knows how many events a day index holds only once the table is analysed.
    `analyze audit_events`,
  ])
}
