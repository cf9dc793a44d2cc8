import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The records people change through edit forms carry a version, counted up by every update
 * that changes what the form shows. A form posts the version it was opened at, and the update
 * applies only while the record is still at it, so a second editor cannot overwrite the first
 * unseen. Existing rows start at 1.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const versioned = [
    'meetings',
    'reports',
    'recommendations',
    'plan_milestones',
    'indicator_values',
    'work_programme_items',
    'bodies',
    'people',
    'indicators',
    'decisions',
    'forward_plan_items',
  ]
  await runStatements(
    db,
    versioned.map((table) => `alter table ${table} add column version integer not null default 1 check (version >= 1)`),
  )
}
