import { type RawBuilder, sql } from 'kysely'
import type { Db } from '#src/database.ts'

/**
 * What is searched for, read once: the query as a constant (so that the planner can use the stored
 * words' indexes), and any one of its words, which narrows records whose words are not all stored
 * in one row (a meeting's are its body's name too). A match of the query holds at least one word of
 * its indexable part (querytree); a query with none (only words to leave out) narrows nothing.
 */
export interface SearchTerms {
  /** The tsquery, for a condition an index can serve. */
  query: RawBuilder<unknown>
  /** Any one of the query's words, as a tsquery; null when it has none to narrow by. */
  anyWord: RawBuilder<unknown> | null
}

export async function readSearchTerms(db: Db, q: string): Promise<SearchTerms> {
  const result = await sql<{ query: string; tree: string }>`
    select q::text as query, querytree(q) as tree from websearch_to_tsquery('english', ${q}) q`.execute(db)
  const { query, tree } = result.rows[0]
  // The lexemes as querytree quotes them ('it''s' doubles a quote), joined by "or".
  const words = tree.match(/'(?:[^']|'')*'/g) ?? []
  return {
    query: sql`${query}::tsquery`,
    anyWord: words.length > 0 ? sql`${words.join(' | ')}::tsquery` : null,
  }
}

/**
 * `id` is among `candidates` (a query of ids), when the terms narrow; always true otherwise. The
 * candidates are read first, once, as an array that the key's index is read by: written as `in`, the
 * planner could make every row's words first and only then keep the candidates.
 */
export function narrowedTo(
  terms: SearchTerms,
  id: RawBuilder<unknown>,
  candidates: (anyWord: RawBuilder<unknown>) => RawBuilder<unknown>,
): RawBuilder<boolean> {
  return terms.anyWord ? sql<boolean>`${id} = any(array(${candidates(terms.anyWord)}))` : sql<boolean>`true`
}
