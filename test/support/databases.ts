import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Database } from '#src/database.ts'
import { type DatabaseHandle, type OpenOptions, openPglite, openPostgres } from '#src/platform/db/database.ts'

export interface TestDatabase {
  name: 'pglite' | 'postgres'
  open(options?: OpenOptions): Promise<DatabaseHandle<Database>>
}

const pglite: TestDatabase = { name: 'pglite', open: (options) => openPglite<Database>(undefined, options) }

/**
 * A fresh database on the PostgreSQL server at TEST_DATABASE_URL for each suite, dropped on close,
 * so suites running side by side never see each other's rows.
 */
function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    async open(options) {
      const name = `oversight_test_${randomBytes(6).toString('hex')}`
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      await admin.query(`create database ${name}`)
      await admin.end()
      const target = new URL(url)
      target.pathname = `/${name}`
      const handle = openPostgres<Database>(target.toString(), 4, options)
      return {
        ...handle,
        async close() {
          await handle.close()
          const cleanup = new pg.Client({ connectionString: url })
          await cleanup.connect()
          await cleanup.query(`drop database if exists ${name} with (force)`)
          await cleanup.end()
        },
      }
    },
  }
}

/**
 * The databases every integration suite runs against: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set. Under CI=true a missing PostgreSQL is a failure, not a skip.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL
  if (url) return [pglite, postgres(url)]
  if (process.env.CI === 'true') {
    throw new Error('TEST_DATABASE_URL is not set: under CI the suite must also run on PostgreSQL (see .ci/run)')
  }
  return [pglite]
}
