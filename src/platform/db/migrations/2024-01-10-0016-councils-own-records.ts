import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * A council records its own inspections, findings, plan themes and health services through forms.
 * An inspection's type and outcome are the inspectorate's words, not one inspectorate's scale, so
 * they become free text; a finding's number is the report's own reference ("3", "2a", "P1"). The
 * records changed through edit forms carry a version (see 0011).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table inspections drop constraint inspections_kind_check`,
    `alter table inspections drop constraint inspections_overall_judgement_check`,
    `alter table inspection_findings drop constraint inspection_findings_number_check`,
    `alter table inspection_findings alter column number type text using number::text`,
    ...['inspections', 'inspection_findings', 'plan_themes', 'health_services'].map(
      (table) => `alter table ${table} add column version integer not null default 1 check (version >= 1)`,
    ),
  ])
}
