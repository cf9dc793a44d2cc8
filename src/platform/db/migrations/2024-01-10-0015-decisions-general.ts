import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Decisions as any council keeps them: the reference is the council's own and may be absent
 * (Modern.gov decisions have none); the decision taker may be the executive, a cabinet member, a
 * committee or an officer; the notice's other parts (alternative options, wards, interests,
 * contact, date effective) have their own columns. Existing decisions keep their references and
 * addresses; a person took theirs as a cabinet member, a body as the executive or a committee.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table decisions alter column number drop not null`,
    `alter table decisions add constraint decisions_number_length check (char_length(number) between 1 and 60)`,
    `alter table decisions
      add column taker_type text not null default 'executive'
        check (taker_type in ('executive', 'cabinet member', 'committee', 'officer')),
      add column alternatives_considered text not null default '',
      add column wards_affected text not null default '',
      add column interests_declared text not null default '',
      add column contact text not null default '',
      add column effective_on date`,
    `update decisions set taker_type = 'cabinet member' where taker_person_id is not null`,
    `update decisions set taker_type = 'committee'
      where taker_body_id in (select id from bodies where kind <> 'executive')`,
  ])
}
