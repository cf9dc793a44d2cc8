import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The words of each record search reads most, stored and indexed, so that a search reads the index
 * rather than making every row's words again (25,000 agenda items take seconds). Each column is
 * generated, so every way a row is written keeps it true. Text columns here are all not null, so
 * `a || ' ' || b` is the words of the query's concat_ws(' ', a, b), positions and all.
 * - agenda items: the title alone (an exempt item), and the title with the purpose (minutes not yet
 *   published), beside `search` (all three);
 * - reports: the title, for the rank's bonus;
 * - bodies, recommendations, their updates and indicators: exactly the words search matches;
 * - meetings: the notice's words without the body's name, and decisions: every word of their own
 *   (the parts too), but not their documents': these only narrow, and the query checks the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const vector = (table: string, column: string, expression: string) => [
    `alter table ${table} add column ${column} tsvector generated always as (${expression}) stored`,
    `create index ${table}_${column}_idx on ${table} using gin (${column})`,
  ]
  await runStatements(db, [
    ...vector('agenda_items', 'title_search', `to_tsvector('english', title)`),
    ...vector('agenda_items', 'open_search', `to_tsvector('english', title || ' ' || purpose)`),
    ...vector('reports', 'title_search', `to_tsvector('english', title)`),
    ...vector('bodies', 'search', `to_tsvector('english', name || ' ' || remit)`),
    ...vector('meetings', 'search', `to_tsvector('english', venue || ' ' || notes || ' ' || status_reason)`),
    ...vector(
      'recommendations',
      'search',
      `to_tsvector('english', text || ' ' || review_title || ' ' || response_reasons)`,
    ),
    ...vector('recommendation_updates', 'search', `to_tsvector('english', text)`),
    ...vector(
      'decisions',
      'search',
      `to_tsvector('english', title || ' ' || coalesce(number, '') || ' ' || description || ' ' || reasons || ' ' ||
        alternatives_considered || ' ' || wards_affected) || jsonb_to_tsvector('english', parts, '["string"]')`,
    ),
    ...vector(
      'indicators',
      'search',
      `to_tsvector('english', code || ' ' || name || ' ' || definition || ' ' || source || ' ' || owner || ' ' || reference)`,
    ),
  ])
}
