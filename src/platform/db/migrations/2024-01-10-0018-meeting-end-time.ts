import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * When a meeting is planned to finish ('HH:MM', UK time, like its start), for calendars; null for
 * the meetings already held, whose calendars keep showing them as two hours long.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table meetings add column end_time text check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`,
  ])
}
