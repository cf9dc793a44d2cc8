import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * A meeting's agenda is a draft until published (Local Government Act 1972 Part VA): the date it was
 * published (null while a draft), the reason given when that was later than the council's notice,
 * and the reason a meeting was cancelled or postponed.
 *
 * Every agenda already held was public the moment its items were saved, and the public may have read
 * it and linked to it: it stays public. Its publication date is taken as the day the meeting was
 * entered, or the meeting's own date when it was entered afterwards (a record of a past meeting),
 * because that is the earliest the agenda can be shown to have been public. No late reason is
 * invented for them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table meetings
      add column agenda_published_on date,
      add column agenda_late_reason text not null default '' check (char_length(agenda_late_reason) <= 2000),
      add column status_reason text not null default '' check (char_length(status_reason) <= 2000)`,
    `update meetings set agenda_published_on = least((created_at at time zone 'Europe/London')::date, date)`,
  ])
}
