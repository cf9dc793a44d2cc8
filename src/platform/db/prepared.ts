/** How many statements a connection keeps prepared; beyond it, statements are parsed each time they run. */
export const PREPARED_STATEMENTS = 500

/** Data statements are prepared once and kept; anything else (DDL, BEGIN, SET) runs as it comes. */
export const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i
/** Statements that may change a table's shape, after which every prepared statement is let go. */
export const SCHEMA_CHANGE = /^\s*(create|alter|drop|truncate|do|import)\b/i
/** PostgreSQL's "cached plan must not change result type": a prepared statement outlived a table's shape. */
export const PLAN_OUTLIVED_TABLE = '0A000'

/** Counts schema changes made through this process: a connection lets its statements go when it falls behind. */
let schemaChanges = 0
export const schemaChangeCount = () => schemaChanges
export function noteSchemaChange(): void {
  schemaChanges++
}
