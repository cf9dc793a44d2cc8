import pg from 'pg'

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

const TRANSACTION_START = /^\s*(begin|start)\b/i
const TRANSACTION_END = /^\s*(commit|rollback|end)\b/i

/**
 * A pg client that prepares Kysely's data statements once on its connection (pg's named statements),
 * so PostgreSQL parses and plans each of a page's queries once rather than on every request. Past
 * PREPARED_STATEMENTS, or after a schema change, it lets them all go and starts again.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>()
  #schemaChanges = schemaChanges
  #next = 0
  #inTransaction = false

  // pg's query has a dozen overloads; Kysely calls query(text, values) and expects a promise.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config !== 'string' || !Array.isArray(values) || callback !== undefined) {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- passed on as pg was given them
      return super.query(config, values, callback)
    }
    if (TRANSACTION_START.test(config)) this.#inTransaction = true
    else if (TRANSACTION_END.test(config)) this.#inTransaction = false
    if (!DATA_STATEMENT.test(config)) {
      if (!SCHEMA_CHANGE.test(config)) return super.query(config, values)
      return (super.query(config, values) as Promise<pg.QueryResult>).then((result) => {
        schemaChanges++
        return result
      })
    }
    return this.#runPrepared(config, values).catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== PLAN_OUTLIVED_TABLE) throw error
      // Another process changed a table this statement reads.
      schemaChanges++
      if (this.#inTransaction) throw error
      return await this.#runPrepared(config, values)
    })
  }

  async #runPrepared(text: string, values: unknown[]): Promise<pg.QueryResult> {
    if (this.#schemaChanges !== schemaChanges || this.#names.size >= PREPARED_STATEMENTS) await this.#forgetAll()
    let name = this.#names.get(text)
    if (name === undefined) {
      name = `oversight_${this.#next++}`
      this.#names.set(text, name)
    }
    return (await super.query({ name, text, values })) as pg.QueryResult
  }

  async #forgetAll(): Promise<void> {
    this.#schemaChanges = schemaChanges
    if (this.#names.size === 0) return
    this.#names.clear()
    // pg remembers which names it has parsed on this connection; after DEALLOCATE none are.
    ;(this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements = {}
    await super.query('deallocate all')
  }
}
