import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Minutes taken back to draft withdraw the papers they were published as: each stays stored, with the
 * day and the reason, for the audit trail and for staff, but the public no longer receives it. An agenda
 * pack is never withdrawn, only corrected by a later version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table published_papers
      add column withdrawn_on date,
      add column withdrawn_reason text check (char_length(withdrawn_reason) <= 2000),
      add constraint published_papers_withdrawn_together check ((withdrawn_on is null) = (withdrawn_reason is null)),
      add constraint published_papers_only_minutes_withdrawn check (withdrawn_on is null or kind = 'minutes')`,
  ])
}
