import { type RawBuilder, sql } from 'kysely'

/**
 * The exemption rule in SQL, for queries that read exempt records for everyone at once (search):
 * a row is exempt when its exempt_paragraph is set, as `isExempt` says of a record.
 * `alias` names the table in the query, like 'ai' for agenda_items.
 */
export function isExemptSql(alias: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.exempt_paragraph`)} is not null`
}

/** Open to the public: the row is not exempt. */
export function isOpenSql(alias: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.exempt_paragraph`)} is null`
}
