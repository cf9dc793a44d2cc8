import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type TestDatabaseHandle, testDatabases } from '../../../test/support/databases.ts'
import { PREPARED_STATEMENTS } from './prepared.ts'

/**
 * Both databases prepare each data statement once (PGlite in pglite-dialect.ts, PostgreSQL through
 * pg's named statements in prepared.ts): a page's queries are parsed and planned once, not per request.
 */
describe.each(testDatabases())('prepared statements on $name', (database) => {
  let handle: TestDatabaseHandle
  beforeAll(async () => {
    handle = await database.open()
  })
  afterAll(() => handle.close())
  beforeEach(async () => {
    await sql`drop table if exists kept`.execute(handle.db)
    await sql`create table kept (n int not null)`.execute(handle.db)
    await sql`insert into kept values (1), (2), (3)`.execute(handle.db)
  })

  /** The prepared statements of the one connection `work` runs on, with the SQL each was prepared from. */
  const preparedOn = async (work: (db: typeof handle.db) => Promise<unknown>) =>
    handle.db.connection().execute(async (db) => {
      await work(db)
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)
      return rows.map((row) => row.statement)
    })

  it('prepares a data statement once and runs it again with other values', async () => {
    const statements = await preparedOn(async (db) => {
      for (const least of [1, 2, 3]) {
        const { rows } = await sql<{ n: number }>`select n from kept where n >= ${least} order by n`.execute(db)
        expect(rows.map((row) => row.n)).toEqual([1, 2, 3].filter((n) => n >= least))
      }
    })
    expect(statements.filter((text) => text.includes('from kept where n >='))).toHaveLength(1)
  })

  it('does not prepare schema changes or transaction control', async () => {
    const statements = await preparedOn(async (db) => {
      await db.transaction().execute(async (trx) => {
        await sql`alter table kept add column note text`.execute(trx)
      })
    })
    expect(statements.some((text) => /alter table|begin|commit/i.test(text))).toBe(false)
  })

  it("reads a table's new shape after a schema change, even when a statement on it was prepared before", async () => {
    const before = await sql<Record<string, unknown>>`select * from kept order by n`.execute(handle.db)
    expect(before.rows[0]).toEqual({ n: 1 })
    await sql`alter table kept add column note text default 'x'`.execute(handle.db)
    const after = await sql<Record<string, unknown>>`select * from kept order by n`.execute(handle.db)
    expect(after.rows[0]).toEqual({ n: 1, note: 'x' })
  })

  it('reports a failing statement and goes on: a later statement, and the same one, run as before', async () => {
    const failing = (n: number) => sql`insert into kept values (${n})`.execute(handle.db)
    await expect(failing(null as unknown as number)).rejects.toMatchObject({ code: '23502' })
    await expect(sql`select nonsense from kept`.execute(handle.db)).rejects.toMatchObject({ code: '42703' })
    await failing(4)
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into kept values (${5})`.execute(trx)
        await sql`insert into kept values (${null})`.execute(trx)
      }),
    ).rejects.toMatchObject({ code: '23502' })
    const { rows } = await sql<{ n: number }>`select n from kept order by n`.execute(handle.db)
    expect(rows.map((row) => row.n)).toEqual([1, 2, 3, 4])
  })

  it('counts the rows a change affects', async () => {
    const result = await sql`update kept set n = n + 10 where n > ${1}`.execute(handle.db)
    expect(result.numAffectedRows).toBe(2n)
  })

  it(`keeps at most ${PREPARED_STATEMENTS} statements prepared on a connection`, async () => {
    const statements = await preparedOn(async (db) => {
      for (let i = 0; i <= PREPARED_STATEMENTS + 10; i++) {
        const { rows } = await sql<{ n: number }>`select ${sql.lit(i)}::int + n as n from kept where n = ${1}`.execute(
          db,
        )
        expect(rows).toEqual([{ n: i + 1 }])
      }
    })
    expect(statements.length).toBeLessThanOrEqual(PREPARED_STATEMENTS)
    expect(statements.length).toBeGreaterThan(0)
  })
})

const postgres = testDatabases().find((database) => database.name === 'postgres')

describe.runIf(postgres)('prepared statements on PostgreSQL with a second process', () => {
  it("reads a table's new shape after another process changed it", async () => {
    const handle = await postgres!.open()
    try {
      await sql`create table kept (n int not null)`.execute(handle.db)
      await sql`insert into kept values (1)`.execute(handle.db)
      const read = () => sql<Record<string, unknown>>`select * from kept`.execute(handle.db)
      // Every connection of the pool prepares it.
      await Promise.all(Array.from({ length: 4 }, read))
      const other = new pg.Client({ connectionString: handle.url })
      await other.connect()
      await other.query(`alter table kept add column note text default 'x'`)
      await other.end()
      const { rows } = await read()
      expect(rows).toEqual([{ n: 1, note: 'x' }])
    } finally {
      await handle.close()
    }
  })
})
