import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, text } from '../../../test/support/html.ts'
import { LIMIT_MESSAGES, MAX_SPREADSHEET_BYTES } from '#src/platform/files/limits.ts'
import { multipartForm } from '../../../test/support/sample-files.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const HEADER = 'Indicator code,Period,Target,Actual,Count,Note'
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/spreadsheets/${name}`, import.meta.url))
const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`)

async function importFile(agent: Agent, filename: string, data: Buffer, type = 'text/csv') {
  const form = multipartForm({ _csrf: await agent.token() }, { filename, data, type })
  return agent.inject({ method: 'POST', url: '/outcomes/import', ...form })
}

/** How long a request took, and the most the heap grew meanwhile (sampled every 5ms). */
async function measured<T>(work: () => Promise<T>) {
  const heap = process.memoryUsage().heapUsed
  let peak = 0
  const sampling = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed - heap)), 5)
  const started = performance.now()
  const result = await work()
  const ms = Math.round(performance.now() - started)
  clearInterval(sampling)
  return { result, ms, heapMB: Math.max(peak, process.memoryUsage().heapUsed - heap) / 1e6 }
}

describe.each(testDatabases())('importing figures within the limits, on $name', (database) => {
  let t: TestApp
  let analyst: Agent
  beforeAll(async () => {
    t = await startTestApp(database)
    analyst = await t.as('analyst')
  })
  afterAll(() => t?.close())

  const stored = async (code: string, period: string) =>
    t.db
      .selectFrom('indicatorValues')
      .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
      .innerJoin('indicatorPeriods', 'indicatorPeriods.id', 'indicatorValues.periodId')
      .select(['indicatorValues.actual', 'indicatorValues.note'])
      .where('indicators.code', '=', code)
      .where('indicatorPeriods.slug', '=', period)
      .executeTakeFirst()

  it('tells the analyst the limits before they upload', async () => {
    expect(text((await analyst.get('/outcomes/import')).body)).toContain(
      'smaller than 2MB, with up to 10,000 rows and 50 columns',
    )
  })

  it('refuses the small workbook with one cell in column XFD at once, saying why, without using much memory', async () => {
    // A workbook read first, so that the time measured is the refusal's, not the first read's.
    const warm = await importFile(analyst, 'figures.xlsx', fixture('figures.xlsx'), XLSX)
    expect(text(warm.body)).toContain(
      '1 problem in figures.xlsx Row Column What is wrong 5 Count There is no population of children for 2023',
    )
    const { result, ms, heapMB } = await measured(() =>
      importFile(analyst, 'wide.xlsx', fixture('wide-xfd.xlsx'), XLSX),
    )
    console.info(
      `wide-xfd.xlsx through HTTP on ${database.name}: refused in ${ms}ms, heap at most ${heapMB.toFixed(1)}MB more`,
    )
    expect(result.statusCode).toBe(400)
    expect(errorSummary(result.body)).toEqual(['The file has more than 50 columns: remove the columns you do not need'])
    // Under a second on a quiet machine (about 100ms); the bound allows for two busy shared cores.
    // Read cell by cell to column XFD, the file took tens of seconds and then ran out of memory.
    expect(ms).toBeLessThan(5000)
    expect(heapMB).toBeLessThan(50)
  })

  it('refuses a CSV of 100,000 rows at the 10,000th, and files that are too large or expand too far', async () => {
    const rows = csv([
      'Indicator code,Period,Actual',
      ...Array.from({ length: 100_000 }, (_, i) => `OF1.2,2023-10,${i}`),
    ])
    expect(rows.length).toBeLessThan(MAX_SPREADSHEET_BYTES) // so it is the rows that are refused
    const { result, ms } = await measured(() => importFile(analyst, 'long.csv', rows))
    console.info(`100,000-row CSV (${Math.round(rows.length / 1024)}KB) on ${database.name}: refused in ${ms}ms`)
    expect(errorSummary(result.body)).toEqual([
      'The file has more than 10,000 rows of figures: split it into smaller files',
    ])
    // Under a second on a quiet machine; the bound allows for two busy shared cores.
    expect(ms).toBeLessThan(5000)

    const large = await importFile(analyst, 'large.csv', Buffer.alloc(MAX_SPREADSHEET_BYTES + 10, 'a'))
    expect(errorSummary(large.body)).toEqual(['The file must be smaller than 2MB'])
    for (const name of ['expands-too-far.xlsx', 'lies-about-its-size.xlsx']) {
      const bomb = await importFile(analyst, name, fixture(name), XLSX)
      expect(bomb.statusCode).toBe(400)
      expect(errorSummary(bomb.body)).toEqual([LIMIT_MESSAGES.expandsTooFar])
    }
  })

  it('answers other requests while it reads and checks a file of 10,000 rows', async () => {
    const rows = csv([
      HEADER,
      ...Array.from({ length: 10_000 }, (_, i) => `NO-SUCH-${i},October 2023,,${i},,A note on row ${i + 2}`),
    ])
    const delay = monitorEventLoopDelay({ resolution: 10 })
    const pings: number[] = []
    let importing = true
    const pinging = (async () => {
      while (importing) {
        // A request every 20ms, as other users' would arrive, in turn with the import.
        await sleep(20)
        const sent = performance.now()
        const ping = await t.visitor().get('/ping')
        if (importing && ping.statusCode === 200) pings.push(performance.now() - sent)
      }
    })()
    delay.enable()
    const { result, ms } = await measured(() => importFile(analyst, 'many.csv', rows))
    importing = false
    delay.disable()
    await pinging
    const held = Math.round(delay.max / 1e6)
    console.info(
      `10,000-row CSV on ${database.name}: ${ms}ms; ${pings.length} pings answered meanwhile; event loop held at most ${held}ms`,
    )
    expect(text(result.body)).toContain('10,000 problems in many.csv')
    // A ping goes every 20ms or so, so how many are answered follows how long the import took
    // (5 to 13 seen); held for the whole import, none would be.
    expect(pings.length).toBeGreaterThanOrEqual(2)
    // Read in one go, the loop would be held for the whole import; read in chunks, for a small part of it.
    expect(held).toBeLessThan(ms / 3)
  })

  it('lists the first 100 problems of a 1.2MB file and counts the rest, on a small page', async () => {
    const code = 'X'.repeat(80)
    const rows = csv([HEADER, ...Array.from({ length: 10_000 }, (_, i) => `${code}${i},Someday,lots,many,,`)])
    expect(rows.length).toBeGreaterThan(1_000_000)
    const response = await importFile(analyst, 'bad.csv', rows)
    expect(response.statusCode).toBe(400)
    console.info(
      `1.2MB CSV of 40,000 problems on ${database.name}: a page of ${Math.round(response.body.length / 1024)}KB`,
    )
    expect(response.body.length).toBeLessThan(200 * 1024)
    const page = text(response.body)
    expect(page).toContain('40,000 problems in bad.csv')
    expect(page).toContain('And 39,900 more problems, not listed here')
    expect(response.body.match(/<tr class="govuk-table__row">/g)).toHaveLength(101) // the header and 100 problems
    expect(page).toMatch(
      /2 Indicator code There is no indicator X{40}… 2 Period There is no period called Someday 2 Target Target must be a number/,
    )
    expect(page).toMatch(/26 Actual Actual must be a number, like 422 or 14\.5 And 39,900 more/)
  })

  it('holds an imported row to the form’s rules: the note’s length, a percentage, a whole count', async () => {
    const note = 'Long. '.repeat(330_000) // 1.9MB, where the form allows 2,000 characters
    const longNote = await importFile(analyst, 'note.csv', csv([HEADER, `OF1.4,October 2023,,20,,${note}`]))
    expect(longNote.statusCode).toBe(400)
    expect(longNote.body.length).toBeLessThan(200 * 1024)
    expect(text(longNote.body)).toMatch(/2 Note Must be 2,000 characters or fewer/)

    const before = await stored('OF1.4', '2023-10')
    const file = csv([HEADER, 'OF1.4,October 2023,,140%', 'OF3.5,October 2023,,12.5'])
    const imported = text((await importFile(analyst, 'figures.csv', file)).body)
    expect(imported).toContain(
      '2 Actual Actual for “% of referrals which are repeat referrals” must be a percentage from 0 to 100',
    )
    expect(imported).toContain(
      '3 Actual Actual for “Number of children supported through pre-proceedings” must be a whole number, like 1,200',
    )
    expect(await stored('OF1.4', '2023-10')).toEqual(before)

    // The same figures through the form meet the same rules, in the same words, naming the indicator.
    const form = {
      target: '',
      aspiration: '',
      count: '',
      note: '',
      england: '',
      region: '',
      statisticalNeighbours: '',
      benchmarkSource: '',
    }
    const percentage = await analyst.post('/outcomes/OF1.4/2023-10/edit', { ...form, actual: '140%' })
    expect(percentage.statusCode).toBe(400)
    expect(errorSummary(percentage.body)).toEqual([
      'Actual for “% of referrals which are repeat referrals” must be a percentage from 0 to 100, like 43',
    ])
    const count = await analyst.post('/outcomes/OF3.5/2023-10/edit', { ...form, actual: '12.5' })
    expect(errorSummary(count.body)).toEqual([
      'Actual for “Number of children supported through pre-proceedings” must be a whole number, like 1,200',
    ])
    const note2001 = await analyst.post('/outcomes/OF1.4/2023-10/edit', {
      ...form,
      actual: '20',
      note: 'x'.repeat(2_001),
    })
    expect(errorSummary(note2001.body)).toEqual(['Must be 2,000 characters or fewer'])
    expect(await stored('OF1.4', '2023-10')).toEqual(before)
  })
})
