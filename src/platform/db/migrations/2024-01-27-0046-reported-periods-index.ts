import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The values with an actual, by period: the framework page asks which period was reported last, and
 * with a large council's tens of thousands of values it would otherwise read them all on every visit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index indicator_values_reported_idx on indicator_values (period_id) where actual is not null`,
  ])
}
