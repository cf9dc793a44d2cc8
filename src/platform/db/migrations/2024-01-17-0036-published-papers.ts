import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Published means frozen: each paper a meeting publishes (its agenda pack, a supplementary agenda's
 * pack, its minutes) is kept as the PDF the public received, with its SHA-256, never regenerated. A
 * correction is a new version with its reason ('' for the first); every version stays. Versions are
 * numbered from 1 for each meeting, whatever their kind, so each has a stable address. The date is
 * the app's (the day it was published, as an agenda's is), the time the server's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table published_papers (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      kind text not null check (kind in ('agenda', 'supplement', 'minutes')),
      supplement_id uuid references agenda_supplements(id) on delete set null,
      version integer not null check (version >= 1),
      title text not null check (char_length(title) between 1 and 300),
      content bytea not null,
      size_bytes integer not null check (size_bytes >= 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      reason text not null default '' check (char_length(reason) <= 2000),
      published_on date not null,
      published_at timestamptz not null default now(),
      published_by text not null check (char_length(published_by) <= 500),
      unique (meeting_id, version)
    )`,
  ])
}
