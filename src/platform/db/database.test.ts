import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type DatabaseHandle, openPglite, sharedBuffersFor } from './database.ts'
import { pgliteWasm } from './pglite-wasm.ts'

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

  it('starts with shared buffers enough for the database it holds, as it stood on the disk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oversight-data-folder-'))
    const buffers = async (handle: DatabaseHandle<unknown>) =>
      (await sql<{ sharedBuffers: string }>`show shared_buffers`.execute(handle.db)).rows[0].sharedBuffers
    try {
      const first = await openPglite(dataDir)
      expect(await buffers(first)).toBe('16MB')
      // About 24 MB of rows that do not compress.
      await sql`create table big as select g, md5(g::text) || md5((g + 1)::text) as t from generate_series(1, 200000) g`.execute(
        first.db,
      )
      await first.close()
      const again = await openPglite(dataDir)
      expect(await buffers(again)).toBe('32MB')
      await again.close()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('sharedBuffersFor', () => {
  it.each([
    [0, '16MB'],
    [13 * 2 ** 20, '16MB'],
    [16 * 2 ** 20, '16MB'],
    [16 * 2 ** 20 + 1, '32MB'],
    [100 * 2 ** 20, '112MB'],
    [235 * 2 ** 20, '128MB'],
  ])('gives a database of %i bytes %s', (bytes, buffers) => {
    expect(sharedBuffersFor(bytes)).toBe(buffers)
  })
})

describe("PGlite's WebAssembly", () => {
  it('is compiled once in a process and shared by every database it opens, each with its own data', async () => {
    const compiled = pgliteWasm()
    expect(pgliteWasm()).toBe(compiled)
    expect(await compiled).toBeInstanceOf(WebAssembly.Module)
    const [one, two] = await Promise.all([openPglite(), openPglite()])
    try {
      expect(pgliteWasm()).toBe(compiled)
      await sql`create table mine (n int)`.execute(one.db)
      const other = await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename = 'mine'`.execute(
        two.db,
      )
      expect(other.rows).toEqual([{ n: 0 }])
    } finally {
      await one.close()
      await two.close()
    }
  })
})
