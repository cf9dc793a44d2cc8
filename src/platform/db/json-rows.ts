import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely'

/**
 * The rows of `query` as one JSON array column (`[]` when there are none), so that one statement
 * can bring a record and its lists: `select …, ${jsonRows(sql`select * from x where …`, sql`position`)} as xs`.
 * Works alike on PGlite and PostgreSQL. Read it back with `fromJsonRows`.
 */
export function jsonRows(query: RawBuilder<unknown>, orderBy: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select coalesce(json_agg(row_to_json(listed) order by ${orderBy}), '[]') from (${query}) as listed)`
}

/** Column names are few and read on every row: each is converted once. */
const camelNames = new Map<string, string>()
function camel(name: string): string {
  let converted = camelNames.get(name)
  if (converted === undefined) {
    converted = name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
    if (camelNames.size < 10_000) camelNames.set(name, converted)
  }
  return converted
}

/**
 * Rows read through `jsonRows`, with their columns named as the CamelCasePlugin names them elsewhere.
 * JSON keeps text, numbers, booleans and dates (as the 'YYYY-MM-DD' the date parser gives) as they
 * are; an instant comes back as text, and the caller must make it a Date.
 */
export function fromJsonRows<T>(rows: unknown): T[] {
  return (rows as Record<string, unknown>[]).map((row) => {
    const named: Record<string, unknown> = {}
    for (const key in row) named[camel(key)] = row[key]
    return named as T
  })
}

/**
 * The rows of `query`, sent by the database as one JSON value and read back as rows (fromJsonRows),
 * ordered by `orderBy` (of `listed`, the query's rows, by their columns' database names), or in no
 * particular order. For a read of hundreds or thousands of rows: the embedded database hands over
 * each field of each row one at a time, so one value of the same rows takes it about half as long.
 * Only for rows without instants (`timestamptz`), which JSON would give as text.
 */
export async function selectJsonRows<O>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app database and query
  db: Kysely<any>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query's tables
  query: SelectQueryBuilder<any, any, O>,
  orderBy?: RawBuilder<unknown>,
): Promise<O[]> {
  const ordered = orderBy ? sql` order by ${orderBy}` : sql``
  const row = await db
    .selectFrom(query.as('listed'))
    .select(sql<unknown>`coalesce(json_agg(listed${ordered}), '[]')`.as('rows'))
    .executeTakeFirstOrThrow()
  return fromJsonRows<O>(row.rows)
}
