import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The month the council's municipal year starts, for the counts a body's page gives per year: May
 * unless the council says otherwise, so that existing settings stay valid and mean what they did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table council_settings add column municipal_year_start_month integer not null default 5
      check (municipal_year_start_month between 1 and 12)`,
  ])
}
