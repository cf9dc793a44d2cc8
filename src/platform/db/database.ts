import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'

export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle<DB> {
  db: Kysely<DB>
  kind: DatabaseKind
  close(): Promise<void>
}

const DATE_OID = 1082
const INT8_OID = 20

// Dates stay as 'YYYY-MM-DD' strings: a JS Date at local midnight shifts a day in some time zones.
// Counts (int8) come back as numbers; no count here approaches 2^53.
pg.types.setTypeParser(DATE_OID, (value) => value)
pg.types.setTypeParser(INT8_OID, (value) => Number(value))

const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })]

/** An embedded PostgreSQL (PGlite) in `dataDir`, or in memory when dataDir is undefined. */
export async function openPglite<DB>(dataDir?: string): Promise<DatabaseHandle<DB>> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const client = await PGlite.create(dataDir ? join(dataDir, 'pglite') : undefined, {
    parsers: { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => Number(value) },
  })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client), plugins })
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy() // the dialect closes PGlite too
      if (!client.closed) await client.close()
    },
  }
}

/** A pool on a real PostgreSQL server. */
export function openPostgres<DB>(connectionString: string, max = 10): DatabaseHandle<DB> {
  const pool = new pg.Pool({ connectionString, max })
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins })
  return {
    db,
    kind: 'postgres',
    async close() {
      await db.destroy()
    },
  }
}

export async function openDatabase<DB>(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle<DB>> {
  return options.databaseUrl ? openPostgres<DB>(options.databaseUrl) : openPglite<DB>(options.dataDir)
}

/** Runs `work` in one transaction: everything it writes, audit events included, lands together or not at all. */
export function withTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work)
}
