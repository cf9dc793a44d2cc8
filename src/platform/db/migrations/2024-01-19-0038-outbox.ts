import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The outbox: every email Oversight sends is kept here, whether or not a delivery service is set up,
 * so that admins can read what went to whom. `dedupe_key` names what a message is about (a meeting's
 * update request to one account): a second message with the same key is never kept, so two app
 * processes, or a restart, never send twice. The day is the app's; the time the server's. The council
 * says how many working days before a meeting the update requests go out (ten unless it says otherwise).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table outbox_messages (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (char_length(kind) between 1 and 60),
      dedupe_key text not null unique check (char_length(dedupe_key) between 1 and 300),
      user_id uuid references users(id) on delete set null,
      recipient text not null check (char_length(recipient) between 3 and 320),
      subject text not null check (char_length(subject) between 1 and 300),
      body text not null check (char_length(body) <= 20000),
      created_on date not null,
      created_at timestamptz not null default now()
    )`,
    `create index outbox_messages_newest on outbox_messages (created_at desc, id)`,
    `alter table council_settings add column update_request_days integer not null default 10
      check (update_request_days between 1 and 30)`,
  ])
}
