import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Petitions presented to the council: the lead petitioner is named only with their consent, the
 * signatures are counted on paper and online, and the response is dated no earlier than the
 * petition was presented. A new table: no existing row changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table petitions (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      title text not null check (char_length(title) between 1 and 300),
      lead_petitioner text not null default '' check (char_length(lead_petitioner) <= 200),
      lead_named boolean not null default false,
      paper_signatures integer not null default 0 check (paper_signatures between 0 and 10000000),
      e_petition_signatures integer not null default 0 check (e_petition_signatures between 0 and 10000000),
      body_id uuid references bodies(id) on delete set null,
      presented_on date,
      threshold text not null default '' check (char_length(threshold) <= 200),
      response text not null default '' check (char_length(response) <= 20000),
      responded_on date check (responded_on is null or presented_on is null or responded_on >= presented_on),
      created_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1)
    )`,
    `create index petitions_body_idx on petitions (body_id)`,
  ])
}
