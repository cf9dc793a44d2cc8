import pg from 'pg'
import { TYPE_PARSERS } from './column-types.ts'
import {
  DATA_STATEMENT,
  PLAN_OUTLIVED_TABLE,
  PREPARED_STATEMENTS,
  SCHEMA_CHANGE,
  noteSchemaChange,
  schemaChangeCount,
} from './prepared.ts'

// Loaded only when Oversight runs on PostgreSQL (openPostgres), so that the embedded database's
// start does not load pg.

for (const [oid, parse] of Object.entries(TYPE_PARSERS)) pg.types.setTypeParser(Number(oid), parse)

export { pg }

const TRANSACTION_START = /^\s*(begin|start)\b/i
const TRANSACTION_END = /^\s*(commit|rollback|end)\b/i

/**
 * A pg client that prepares Kysely's data statements once on its connection (pg's named statements),
 * so PostgreSQL parses and plans each of a page's queries once rather than on every request. Past
 * PREPARED_STATEMENTS, or after a schema change, it lets them all go and starts again.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>()
  #schemaChanges = schemaChangeCount()
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
        noteSchemaChange()
        return result
      })
    }
    return this.#runPrepared(config, values).catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== PLAN_OUTLIVED_TABLE) throw error
      // Another process changed a table this statement reads.
      noteSchemaChange()
      if (this.#inTransaction) throw error
      return await this.#runPrepared(config, values)
    })
  }

  async #runPrepared(text: string, values: unknown[]): Promise<pg.QueryResult> {
    if (this.#schemaChanges !== schemaChangeCount() || this.#names.size >= PREPARED_STATEMENTS) await this.#forgetAll()
    let name = this.#names.get(text)
    if (name === undefined) {
      name = `oversight_${this.#next++}`
      this.#names.set(text, name)
    }
    return (await super.query({ name, text, values })) as pg.QueryResult
  }

  async #forgetAll(): Promise<void> {
    this.#schemaChanges = schemaChangeCount()
    if (this.#names.size === 0) return
    this.#names.clear()
    // pg remembers which names it has parsed on this connection; after DEALLOCATE none are.
    ;(this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements = {}
    await super.query('deallocate all')
  }
}
