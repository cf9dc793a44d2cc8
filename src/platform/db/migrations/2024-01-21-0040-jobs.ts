import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Jobs: work done outside a request, kept in the database so that it survives a restart. A job is
 * claimed with `for update skip locked` and held for a while (`locked_until`), so two processes never
 * run one at once; one that fails waits longer each time (`run_after`) and in the end is marked failed
 * for admins to see. Its subject is a row of the module that owns the work (an outbox message).
 *
 * The outbox learns how each message was delivered: kept only ('outbox', when no delivery service is set
 * up), queued, sent to GOV.UK Notify (with Notify's id and its latest status), or failed. What was sent to
 * Notify's template (`personalisation`) is kept beside the text it makes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (char_length(kind) between 1 and 60),
      subject_id uuid not null,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      run_after timestamptz not null default now(),
      locked_until timestamptz,
      last_error text check (char_length(last_error) <= 2000),
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`,
    `create index jobs_due on jobs (run_after) where status in ('queued', 'running')`,
    `create index jobs_subject on jobs (subject_id)`,
    `alter table outbox_messages
      add column personalisation jsonb,
      add column delivery text not null default 'outbox'
        check (delivery in ('outbox', 'queued', 'sent', 'failed')),
      add column notify_id uuid,
      add column notify_status text check (char_length(notify_status) <= 60),
      add column delivery_error text check (char_length(delivery_error) <= 2000)`,
    `create index outbox_messages_failed on outbox_messages (created_at desc) where delivery = 'failed'`,
  ])
}
