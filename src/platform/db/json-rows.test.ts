import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import type { DatabaseHandle } from './database.ts'
import { fromJsonRows, jsonRows, selectJsonRows } from './json-rows.ts'

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

  it('reads a query’s rows as JSON just as the driver reads them: numbers, dates, yes or no, text and nulls', async () => {
    const query = (upTo: number) =>
      handle.db
        .selectFrom(
          sql<{
            item_number: number
          }>`(select n as item_number, n / 4.0::float8 as share, date '2024-01-01' + n as due_on, n % 2 = 0 as even,
            'Item ' || n as title, case when n > 1 then null else 'first' end as note from generate_series(1, ${upTo}) as n)`.as(
            'items',
          ),
        )
        .selectAll()
        .where('items.item_number', '>', 0)
    const direct = await query(3).execute()
    const viaJson = await selectJsonRows(handle.db, query(3))
    const byNumber = (rows: Record<string, unknown>[]) =>
      [...rows].sort((a, b) => Number(a.itemNumber) - Number(b.itemNumber))
    expect(byNumber(viaJson as Record<string, unknown>[])).toEqual(byNumber(direct as Record<string, unknown>[]))
    expect(viaJson).toContainEqual({
      itemNumber: 2,
      share: 0.5,
      dueOn: '2024-01-03',
      even: true,
      title: 'Item 2',
      note: null,
    })
    expect(await selectJsonRows(handle.db, query(0))).toEqual([])
    const latestFirst = await selectJsonRows(handle.db, query(3), sql`listed.item_number desc`)
    expect(latestFirst.map((row) => (row as unknown as { itemNumber: number }).itemNumber)).toEqual([3, 2, 1])
  })
})
