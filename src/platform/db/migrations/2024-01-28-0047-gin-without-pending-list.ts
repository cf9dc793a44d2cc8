import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * Every GIN index (search's words) written straight into the index, not into a pending list first.
 * PostgreSQL's default (fastupdate) queues new entries in a list that every search must read through
 * until a vacuum merges it; the embedded database never vacuums by itself, so the list only ever
 * emptied at 4 MB, and a search on a large council read through megabytes of it (120 ms rather than
 * 75). Inserts into an indexed table cost a little more. A later GIN index must be made
 * `with (fastupdate = off)`: src/platform/db/migrate.test.ts checks every one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `do $$
    declare
      gin regclass;
    begin
      for gin in
        select c.oid::regclass from pg_class c
        join pg_am a on a.oid = c.relam
        join pg_namespace n on n.oid = c.relnamespace
        where a.amname = 'gin' and n.nspname = current_schema()
      loop
        execute format('alter index %s set (fastupdate = off)', gin);
        perform gin_clean_pending_list(gin);
      end loop;
    end $$`,
  ])
}
