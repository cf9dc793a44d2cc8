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
})
