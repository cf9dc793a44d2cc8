import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The words of work programme items, inspection findings and improvement plans' milestones, stored
 * and indexed as those of migration 0042 are: search made every row's words again on every search,
 * which costs more than ranking a hundred records. Every column here is not null, so `a || ' ' || b`
 * is the words of the query's concat_ws(' ', a, b). Each index is written directly (migration 0047).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const vector = (table: string, expression: string) => [
    `alter table ${table} add column search tsvector generated always as (${expression}) stored`,
    `create index ${table}_search_idx on ${table} using gin (search) with (fastupdate = off)`,
  ]
  await runStatements(db, [
    ...vector(
      'work_programme_items',
      `to_tsvector('english', title || ' ' || description || ' ' || timing_note || ' ' || origin_note || ' ' || lead_officer)`,
    ),
    ...vector('inspection_findings', `to_tsvector('english', text)`),
    ...vector('plan_milestones', `to_tsvector('english', text || ' ' || due_note)`),
  ])
}
