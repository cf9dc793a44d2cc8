import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The fields of an imported record as the last import gave them, so that a later import can tell a
 * change made there (the fields differ from these) from an edit made here (the record differs from
 * them). Rows written before are null: what they were imported as is not known, so a later import
 * updates none of them and lists each that differs as a conflict, until the record is as imported again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`alter table import_sources add column fields jsonb`])
}
