import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type DatabaseHandle, openPglite } from './database.ts'

/**
 * What the rest of the app takes for granted from either database, the in-memory PGlite of the
 * tests included: repositories pass `date` values and counts on without converting them.
 */
describe.each(testDatabases())('values from $name', (database) => {
  let handle: DatabaseHandle<Database>
  beforeAll(async () => {
    handle = await database.open()
  })
  afterAll(() => handle.close())

  it("gives a date as its 'YYYY-MM-DD' string, never a Date that a time zone could shift", async () => {
    const { rows } = await sql<{ day: unknown; none: unknown }>`
      select date '2024-01-22' as day, null::date as none`.execute(handle.db)
    expect(rows).toEqual([{ day: '2024-01-22', none: null }])
  })

  it('gives a count as a number', async () => {
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from generate_series(1, 3)`.execute(handle.db)
    expect(rows).toEqual([{ n: 3 }])
  })
})

describe('a PGlite data folder', () => {
  it('starts new from the empty cluster, and opens again as it was left', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oversight-data-folder-'))
    try {
      const first = await openPglite(dataDir)
      await sql`create table kept (n int)`.execute(first.db)
      await sql`insert into kept values (7)`.execute(first.db)
      await first.close()
      const again = await openPglite(dataDir)
      const { rows } = await sql<{ n: number }>`select n from kept`.execute(again.db)
      await again.close()
      expect(rows).toEqual([{ n: 7 }])
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
