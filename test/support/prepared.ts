import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/**
 * Where a test run keeps the databases it prepares once (migrated, or with the demo data too) for
 * its suites to copy: PGlite clusters as tarballs in the temp folder, PostgreSQL databases as
 * templates on the server. Named by the run's id, which test/support/global-setup.ts gives out
 * and whose teardown removes them.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string
  }
}

export type Prepared = 'migrated' | 'demo'
const PREPARED: Prepared[] = ['migrated', 'demo']

export const pgliteSnapshotFile = (run: string, prepared: Prepared) =>
  join(tmpdir(), `oversight-test-${run}-${prepared}.tar`)

export const postgresTemplate = (run: string, prepared: Prepared) => `oversight_template_${run}_${prepared}`

/** Runs `work` with a connection to the server at `url` (its maintenance database), then closes it. */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Removes what test run `run` prepared. */
export async function removePrepared(run: string) {
  await Promise.all(PREPARED.map((prepared) => rm(pgliteSnapshotFile(run, prepared), { force: true })))
  const url = process.env.TEST_DATABASE_URL
  if (!url) return
  await onServer(url, async (client) => {
    for (const prepared of PREPARED) {
      await client.query(`drop database if exists ${postgresTemplate(run, prepared)} with (force)`)
    }
  })
}
