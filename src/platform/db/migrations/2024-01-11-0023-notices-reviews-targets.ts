import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * A recommendation comes from a committee resolution (as every one so far) or from a task and
 * finish review's report, with the report's title and date; its target may be a month rather than
 * a day, never both. An inspection's area judgement is the inspectorate's words, as its overall
 * outcome already is (0016); a finding may also be a recommendation, an area for priority action
 * (SEND area inspections) or another kind. An improvement plan's details are changed through a
 * form, so the plan carries an edit version (its `version` is the plan document's own, "3.2").
 * Forward plan notices need no change: their address was
 * already unique, only the rule tying it to the month goes, in the service.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table recommendations
      add column source_kind text not null default 'resolution' check (source_kind in ('resolution', 'review')),
      add column review_title text not null default '' check (char_length(review_title) <= 300),
      add column review_reported_on date,
      add column target_month text check (target_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      add constraint recommendations_one_target check (target_date is null or target_month is null)`,
    `alter table inspection_judgements drop constraint inspection_judgements_judgement_check`,
    `alter table inspection_judgements
      add constraint inspection_judgements_judgement_check check (char_length(judgement) between 1 and 200)`,
    `alter table inspection_findings drop constraint inspection_findings_kind_check`,
    `alter table inspection_findings add constraint inspection_findings_kind_check check (kind in (
      'priority action', 'area for improvement', 'significant weakness', 'strength',
      'recommendation', 'area for priority action', 'other'))`,
    `alter table improvement_plans add column edit_version integer not null default 1 check (edit_version >= 1)`,
  ])
}
