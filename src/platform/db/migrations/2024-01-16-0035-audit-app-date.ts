import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The app's date when a change was made, if its clock was pinned (the demo's 22 January 2024, a test's
 * day): history panels read in that time, as the rest of the app does. `at` stays the real instant,
 * which the audit trail keeps. Rows written before are null, and read by `at` as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`alter table audit_events add column app_date date`])
}
