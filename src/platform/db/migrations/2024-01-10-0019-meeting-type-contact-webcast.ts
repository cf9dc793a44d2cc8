import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * A meeting's type (ordinary unless said otherwise: extraordinary or special, call-in, budget), who
 * to contact about it, and where it is webcast. Meetings already held are ordinary, with neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table meetings
      add column type text not null default 'ordinary'
        check (type in ('ordinary', 'extraordinary', 'call-in', 'budget')),
      add column contact text not null default '' check (char_length(contact) <= 500),
      add column webcast_url text check (char_length(webcast_url) <= 2000 and webcast_url ~ '^https?://')`,
  ])
}
