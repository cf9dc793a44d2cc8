import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/** The groups the code used to fix, in their old order: an existing framework keeps its groups. */
const FORMER_GROUPS = [
  'outcome 1',
  'outcome 2',
  'outcome 3',
  'outcome 4',
  'enablers',
  'practice quality',
  'health access',
]

/**
 * A council's own indicator groups, which analysts add, rename and reorder, instead of a fixed
 * list. An indicator names its group by the group's key, which never changes when the group is
 * renamed. The groups existing indicators name are made, named after their keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const order = FORMER_GROUPS.map((key) => `'${key}'`).join(', ')
  await runStatements(db, [
    `create table indicator_groups (
      id uuid primary key default gen_random_uuid(),
      key text not null unique check (key ~ '^[a-z0-9][a-z0-9 -]{0,79}$'),
      name text not null unique check (char_length(name) between 1 and 200),
      position integer not null default 0,
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now()
    )`,
    `insert into indicator_groups (key, name, position)
      select key, upper(left(key, 1)) || substr(key, 2), coalesce(array_position(array[${order}], key), 100)
      from (select distinct indicator_group as key from indicators) as used`,
    `alter table indicators drop constraint indicators_indicator_group_check`,
    `alter table indicators add constraint indicators_indicator_group_fkey
      foreign key (indicator_group) references indicator_groups (key)`,
  ])
}
