import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import type { DatabaseHandle } from './database.ts'
import { fromJsonRows, jsonRows } from './json-rows.ts'

describe.each(testDatabases())('rows as a JSON column on $name', (database) => {
  let handle: DatabaseHandle<Database>
  beforeAll(async () => {
    handle = await database.open()
  })
  afterAll(() => handle.close())

  const listOf = async (upTo: number) => {
    const rows = sql`select n as item_number, date '2024-01-01' + n as due_on from generate_series(1, ${upTo}) as n`
    const { rows: found } = await sql<{
      listed: unknown
    }>`select ${jsonRows(rows, sql`listed.item_number desc`)} as listed`.execute(handle.db)
    return fromJsonRows<{ itemNumber: number; dueOn: string }>(found[0].listed)
  }

  it('gives the rows in the order asked for, their columns named as elsewhere, dates as text', async () => {
    expect(await listOf(2)).toEqual([
      { itemNumber: 2, dueOn: '2024-01-03' },
      { itemNumber: 1, dueOn: '2024-01-02' },
    ])
  })

  it('gives an empty list, not null, when there are no rows', async () => {
    expect(await listOf(0)).toEqual([])
  })
})
