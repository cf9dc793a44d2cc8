import { describe, expect, it } from 'vitest'
import { TABLES_903 } from './records.ts'
import { openReturnsStore, schemaStatements } from './store.ts'

const episode = {
  child: 'p-1',
  decom: '2023-04-05',
  rne: 'S',
  ls: 'C2',
  cin: 'N1',
  place: 'U1',
  place_provider: null,
  dec: null,
  rec: null,
  reason_place_change: null,
  home_district: 'FY1',
  place_district: null,
}

describe('the store of child-level rows', () => {
  it('makes a table for each table of the returns, with the extract and row beside the fields', () => {
    const [header] = schemaStatements([TABLES_903.header])
    expect(header).toBe(
      'create table if not exists ssda903_header (extract_id varchar not null, "row" integer not null, child varchar, sex varchar, birth_month date, ethnic varchar, mother boolean, mother_child_birth_month date)',
    )
  })

  it('keeps rows as read, tagged with their extract and row, and deletes an extract whole', async () => {
    const store = await openReturnsStore(':memory:')
    try {
      const first = await store.loader('extract-1', [TABLES_903.episodes])
      first.sink('ssda903_episodes', episode, 2)
      first.sink('ssda903_episodes', { ...episode, child: 'p-2', dec: '2024-01-31', rec: 'E11' }, 3)
      await first.finish()
      const second = await store.loader('extract-2', [TABLES_903.episodes])
      second.sink('ssda903_episodes', episode, 2)
      await second.finish()

      const rows = await store.query(
        `select "row", child, decom, dec, datediff('day', decom, coalesce(dec, date '2024-03-31')) as days
         from ssda903_episodes where extract_id = $1 order by "row"`,
        ['extract-1'],
      )
      expect(rows).toEqual([
        { row: 2, child: 'p-1', decom: '2023-04-05', dec: null, days: 361 },
        { row: 3, child: 'p-2', decom: '2023-04-05', dec: '2024-01-31', days: 301 },
      ])

      await store.deleteExtract('extract-1')
      expect(await store.query('select extract_id, count(*) as rows from ssda903_episodes group by 1')).toEqual([
        { extract_id: 'extract-2', rows: 1 },
      ])
    } finally {
      store.close()
    }
  })

  it('refuses a row for a table the extract was not opened for', async () => {
    const store = await openReturnsStore(':memory:')
    try {
      const load = await store.loader('extract-1', [TABLES_903.header])
      expect(() => load.sink('ssda903_episodes', episode, 2)).toThrow('The store has no table ssda903_episodes')
      await load.finish()
    } finally {
      store.close()
    }
  })

  it('appends a batch of rows as the rows one at a time, and refuses a batch of the wrong width', async () => {
    const store = await openReturnsStore(':memory:')
    try {
      const load = await store.loader('extract-1', [TABLES_903.episodes])
      const fields = TABLES_903.episodes.fields.map((field) => field.name)
      const second = { ...episode, child: 'p-2', dec: '2024-01-31', rec: 'E11' }
      load.append({
        table: 'ssda903_episodes',
        rowNumbers: [2, 3],
        values: [episode, second].flatMap((row) => fields.map((field) => row[field as keyof typeof row])),
      })
      expect(() => load.append({ table: 'ssda903_episodes', rowNumbers: [4], values: ['p-3', '2023-04-05'] })).toThrow(
        `A batch for ssda903_episodes has 2 values, not ${fields.length} a row`,
      )
      await load.finish()
      expect(await store.query('select "row", child, dec, rec from ssda903_episodes order by "row"')).toEqual([
        { row: 2, child: 'p-1', dec: null, rec: null },
        { row: 3, child: 'p-2', dec: '2024-01-31', rec: 'E11' },
      ])
    } finally {
      store.close()
    }
  })

  it('runs queries two at a time, each lane with the temporary table its setup makes, answers in order', async () => {
    const store = await openReturnsStore(':memory:')
    try {
      const answers = await store.queryAll(
        [1, 2, 3, 4, 5].map((n) => ({ sql: 'select sum(x) * $n as total from numbers', params: { n } })),
        { lanes: 2, setup: { sql: 'create temp table numbers as select range as x from range(4)' } },
      )
      expect(answers).toEqual([[{ total: 6 }], [{ total: 12 }], [{ total: 18 }], [{ total: 24 }], [{ total: 30 }]])
      // The lanes' temporary tables went with their connections.
      await expect(store.query('select count(*) from numbers')).rejects.toThrow(/numbers/)
    } finally {
      store.close()
    }
  })
})
