import { randomBytes } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { inject } from 'vitest'
import type { Database } from '#src/database.ts'
import { loadDemo } from '#src/demo/index.ts'
import { type DatabaseHandle, type OpenOptions, openPglite, openPostgres } from '#src/platform/db/database.ts'
import { migrateToLatest } from '#src/platform/db/migrate.ts'
import { type Prepared, onServer, pgliteSnapshotFile, postgresTemplate } from './prepared.ts'
import { TEST_PASSWORD } from './test-password.ts'

/** What a suite starts from: the schema alone, or the schema with the demo data and its accounts. */
export type { Prepared }

export interface TestDatabase {
  name: 'pglite' | 'postgres'
  /** A fresh database with nothing in it, not even the schema. */
  open(options?: OpenOptions): Promise<TestDatabaseHandle>
  /**
   * A fresh database, migrated, with the demo data when asked: a copy of one prepared once per test
   * run (the first suite to ask prepares it), since migrating and loading the demo cost seconds a suite.
   */
  openPrepared(prepared: Prepared, options?: OpenOptions): Promise<TestDatabaseHandle>
}

/** A test's database; on PostgreSQL, with the address another process may connect to it by. */
export type TestDatabaseHandle = DatabaseHandle<Database> & { url?: string }

async function prepare(handle: DatabaseHandle<Database>, prepared: Prepared) {
  await migrateToLatest(handle.db)
  if (prepared === 'demo') await loadDemo(handle.db, { password: TEST_PASSWORD })
}

/** This run's id (from test/support/global-setup.ts), which names its prepared copies; none outside Vitest's runs. */
function runId(): string | undefined {
  try {
    return inject('testRunId')
  } catch {
    return undefined
  }
}

/** PGlite in memory: what every integration suite runs on, and what the browser journeys serve from. */
export const pglite: TestDatabase = {
  name: 'pglite',
  open: (options) => openPglite<Database>(undefined, undefined, options),
  async openPrepared(prepared, options) {
    const run = runId()
    const file = run && pgliteSnapshotFile(run, prepared)
    if (file) {
      const snapshot = await readFile(file).catch(() => undefined)
      if (snapshot) return openPglite<Database>(undefined, new Blob([snapshot]), options)
    }
    const handle = await openPglite<Database>(undefined, undefined, options)
    await prepare(handle, prepared)
    if (file) {
      // Written whole, then renamed: a suite never reads half a snapshot, and two suites preparing at once
      // both finish (named apart even when they share a process, as the browser journeys' threads do).
      const partial = `${file}.${randomBytes(6).toString('hex')}`
      await writeFile(partial, Buffer.from(await (await handle.dump()).arrayBuffer()))
      await rename(partial, file)
    }
    return handle
  },
}

const errorCode = (error: unknown) => (error as { code?: string }).code

/**
 * Drops a suite's database once its connections have gone. The pool has ended them, but a backend
 * may take a moment to leave; forcing it out at once sends its closing client a FATAL error that
 * no one listens for any more, which Vitest reports as an unhandled error. So wait (up to about two
 * seconds) for 55006, "being accessed by other users", to clear, and force only after that.
 */
async function dropWhenFree(url: string, name: string) {
  await onServer(url, async (client) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await client.query(`drop database if exists ${name}`)
        return
      } catch (error) {
        if (errorCode(error) !== '55006') throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    await client.query(`drop database if exists ${name} with (force)`)
  })
}

/**
 * A fresh database on the PostgreSQL server at TEST_DATABASE_URL for each suite, dropped on close,
 * so suites running side by side never see each other's rows.
 */
function postgres(url: string): TestDatabase {
  const databaseUrl = (name: string) => {
    const target = new URL(url)
    target.pathname = `/${name}`
    return target.toString()
  }
  const freshName = () => `oversight_test_${randomBytes(6).toString('hex')}`

  async function open(name: string, create: string, options?: OpenOptions) {
    await onServer(url, (client) => client.query(create))
    const handle = openPostgres<Database>(databaseUrl(name), 4, options)
    return {
      ...handle,
      url: databaseUrl(name),
      async close() {
        await handle.close()
        await dropWhenFree(url, name)
      },
    }
  }

  /** Makes the template for `prepared` under its name, unless another suite has just made it. */
  async function makeTemplate(template: string, prepared: Prepared) {
    const building = freshName()
    await onServer(url, (client) => client.query(`create database ${building}`))
    const handle = openPostgres<Database>(databaseUrl(building), 4)
    try {
      await prepare(handle, prepared)
    } finally {
      await handle.close()
    }
    await onServer(url, async (client) => {
      try {
        await client.query(`alter database ${building} rename to ${template}`)
      } catch (error) {
        if (errorCode(error) !== '42P04') throw error // 42P04: another suite made it first
        await client.query(`drop database ${building} with (force)`)
      }
    })
  }

  const openEmpty = (options?: OpenOptions) => {
    const name = freshName()
    return open(name, `create database ${name}`, options)
  }

  return {
    name: 'postgres',
    open: openEmpty,
    async openPrepared(prepared, options) {
      const run = runId()
      if (!run) {
        const handle = await openEmpty(options)
        await prepare(handle, prepared)
        return handle
      }
      const template = postgresTemplate(run, prepared)
      const name = freshName()
      try {
        return await open(name, `create database ${name} template ${template}`, options)
      } catch (error) {
        if (errorCode(error) !== '3D000') throw error // 3D000: no such template yet
        await makeTemplate(template, prepared)
        return open(name, `create database ${name} template ${template}`, options)
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
