import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import type { TestDatabaseHandle } from '../../../test/support/databases.ts'
import { migrateTo, migrateToLatest, migrationNames } from './migrate.ts'

describe.each(testDatabases())('migrating ($name)', (database) => {
  let handle: TestDatabaseHandle
  beforeAll(async () => {
    handle = await database.open()
  }, 120_000)
  afterAll(() => handle?.close())

  it('applies what a database lacks, and nothing once it is up to date', async () => {
    const names = await migrationNames()
    expect(await migrateTo(handle.db, names.at(-2)!)).toEqual(names.slice(0, -1))
    expect(await migrateToLatest(handle.db)).toEqual(names.slice(-1))
    expect(await migrateToLatest(handle.db)).toEqual([])
  }, 120_000)

  it('writes every GIN index straight into the index, with no pending list for search to read through', async () => {
    const { rows } = await sql<{ name: string; options: string[] | null }>`
      select c.relname as name, c.reloptions as options from pg_class c
      join pg_am a on a.oid = c.relam
      join pg_namespace n on n.oid = c.relnamespace
      where a.amname = 'gin' and n.nspname = current_schema()`.execute(handle.db)
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.filter((row) => !(row.options ?? []).includes('fastupdate=off')).map((row) => row.name)).toEqual([])
  })
})
