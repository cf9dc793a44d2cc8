import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Sign-in throttling (ADR 4) in place of the lockout: one row per throttled key (an account from
 * a source address, or a source address), counted atomically under a row lock. The key is a
 * SHA-256, so the table holds no email addresses (or passwords typed into the email field).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `drop table sign_in_failures`,
    `create table sign_in_throttles (
      key text primary key,
      failures integer not null,
      last_failure_at timestamptz not null
    )`,
    `create index sign_in_throttles_last_failure_idx on sign_in_throttles (last_failure_at)`,
  ])
}
