import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Alerts: anyone may ask for an email when a body publishes papers. Only the address, the body, the
 * day it was confirmed (null until the link in the confirming email is followed) and the random token
 * of its links are kept; leaving deletes the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table alert_subscriptions (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references bodies(id) on delete cascade,
      email text not null check (char_length(email) between 3 and 254),
      token text not null unique check (token ~ '^[A-Za-z0-9_-]{43}$'),
      confirmed_on date,
      created_at timestamptz not null default now(),
      unique (body_id, email)
    )`,
  ])
}
