import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * An import's batch: what one run read and planned, kept for an admin to review and then apply or discard.
 * The plan is JSON (documents' content base64 inside it); the preview is what applying would do when the
 * batch was made, the result what applying did. A run started from the admin page is 'running', with its
 * progress, until its plan is ready. No created_by: the command line.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table import_batches (
      id uuid primary key default gen_random_uuid(),
      system text not null check (system in ('moderngov')),
      source text not null check (char_length(source) between 1 and 2000),
      options jsonb not null check (jsonb_typeof(options) = 'object'),
      plan jsonb check (plan is null or jsonb_typeof(plan) = 'object'),
      preview jsonb,
      status text not null check (status in ('running', 'ready', 'applied', 'discarded', 'failed')),
      failure text check (char_length(failure) <= 4000),
      created_at timestamptz not null default now(),
      created_by uuid references users (id),
      decided_at timestamptz,
      decided_by uuid references users (id),
      result jsonb,
      progress_done integer check (progress_done >= 0),
      progress_total integer check (progress_total >= 0),
      progress_started_at timestamptz,
      check (plan is not null or status in ('running', 'failed', 'discarded')),
      check ((status in ('applied', 'discarded')) = (decided_at is not null))
    )`,
    `create index import_batches_created_idx on import_batches (created_at desc)`,
  ])
}
