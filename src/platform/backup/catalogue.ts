import { sql } from 'kysely'
import type { AnyDb } from '#src/platform/db/database.ts'
import { loadOrder } from './load-order.ts'

/** Kysely's own bookkeeping: the schema version stands for it, and a restore's migrations write it. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock']

export interface CatalogueColumn {
  name: string
  /** The type without modifiers, to cast a text value to ('timestamp with time zone', 'text[]'). */
  type: string
  /** A bytea column: its values travel as parts of their own. */
  file: boolean
  /** The identity or serial sequence behind the column, if any. */
  sequence: string | null
}

export interface CatalogueTable {
  name: string
  /** Stored columns in their order; generated columns are computed again, so they are left out. */
  columns: CatalogueColumn[]
  primaryKey: string[]
}

/**
 * Any handle on the database: backup and restore use it `withoutPlugins()`, as catalogue and archive
 * speak snake_case.
 */
export type RawDb = AnyDb

/**
 * Every table of the app's schema, read from the database itself so that a module's new table is
 * never left out, in an order that loads without breaking a foreign key.
 */
export async function readCatalogue(db: RawDb): Promise<CatalogueTable[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and c.relname not in (${sql.join(MIGRATION_TABLES)})`.execute(db)
  const columns = await sql<{ tab: string; name: string; type: string; file: boolean; sequence: string | null }>`
    select c.relname as tab, a.attname as name, format_type(a.atttypid, null) as type,
      a.atttypid = 'bytea'::regtype as file, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db)
  const keys = await sql<{ tab: string; name: string }>`
    select c.relname as tab, a.attname as name
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
    where n.nspname = current_schema() and i.indisprimary
    order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db)
  const references = await sql<{ tab: string; refers: string }>`
    select c.relname as tab, r.relname as refers
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and k.contype = 'f'`.execute(db)

  const byName = new Map<string, CatalogueTable>(
    tables.rows.map(({ name }) => [name, { name, columns: [], primaryKey: [] }]),
  )
  for (const { tab, ...column } of columns.rows) byName.get(tab)?.columns.push(column)
  for (const { tab, name } of keys.rows) byName.get(tab)?.primaryKey.push(name)
  const order = loadOrder(
    [...byName.keys()].map((name) => ({
      name,
      references: references.rows.filter((row) => row.tab === name).map((row) => row.refers),
    })),
  )
  return order.map((name) => byName.get(name)!)
}

/** The last migration applied, or undefined for a database without the app's schema. */
export async function schemaVersion(db: RawDb): Promise<string | undefined> {
  const exists = await sql<{ found: boolean }>`select to_regclass('kysely_migration') is not null as found`.execute(db)
  if (!exists.rows[0]?.found) return undefined
  const last = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db)
  return last.rows[0]?.name
}

/** Session settings under which every value's text form is exact and the same on every server. */
export async function useExactTextForms(db: RawDb): Promise<void> {
  for (const statement of [
    `set local timezone = 'UTC'`,
    `set local datestyle = 'ISO, YMD'`,
    `set local intervalstyle = 'postgres'`,
    `set local extra_float_digits = 3`,
  ]) {
    await sql.raw(statement).execute(db)
  }
}
