import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/** Which work-programme items look at which indicators of the outcomes framework. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table indicator_work_programme_links (
      indicator_id uuid not null references indicators(id) on delete cascade,
      work_programme_item_id uuid not null references work_programme_items(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (indicator_id, work_programme_item_id)
    )`,
    `create index indicator_work_programme_links_item_idx on indicator_work_programme_links (work_programme_item_id)`,
  ])
}
