import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/** Which improvement-plan actions an indicator measures. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table indicator_action_links (
      indicator_id uuid not null references indicators(id) on delete cascade,
      action_id uuid not null references plan_actions(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (indicator_id, action_id)
    )`,
    `create index indicator_action_links_action_idx on indicator_action_links (action_id)`,
  ])
}
