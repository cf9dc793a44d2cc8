import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * How a session was signed in: null for a password, 'oidc' through the council's OpenID Connect
 * provider, whose own session signing out then also ends (at its end-session address).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`alter table sessions add column signed_in_with text check (signed_in_with in ('oidc'))`])
}
