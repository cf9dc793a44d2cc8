import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { links, parse, text } from '../../../test/support/html.ts'
import { PERIODS_PER_PAGE } from './period-pages.ts'
import { createIndicatorsRepository } from './repository.ts'

const S47 = '/outcomes/OF3.1'
const ADDED = 30

/** The periods in the indicator page's table of figures, in the order shown. */
const rows = (html: string) => {
  const $ = parse(html)
  return $('tbody tr[id^="period-"]')
    .toArray()
    .map((row) => $(row).attr('id')!.slice('period-'.length))
}

describe.each(testDatabases())('an indicator’s figures a page of periods at a time on $name', (database) => {
  let t: TestApp
  let slugs: string[]

  beforeAll(async () => {
    t = await startTestApp(database)
    const repo = createIndicatorsRepository(t.db)
    // Thirty months after the demo's periods, so that the periods fill more than one page.
    await t.db.transaction().execute(async (trx) => {
      for (let n = 1; n <= ADDED; n++) {
        const month = new Date(Date.UTC(2030, n - 1, 1))
        const endsOn = new Date(Date.UTC(2030, n, 0)).toISOString().slice(0, 10)
        const name = month.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
        await repo.insertPeriod(trx, { slug: endsOn.slice(0, 7), name, endsOn, isBaseline: false })
      }
    })
    slugs = (await repo.listPeriods()).map((period) => period.slug)
  })
  afterAll(() => t?.close())

  it('shows the latest periods first, in time order, with pages of the earlier ones', async () => {
    const page = await t.visitor().get(S47)
    expect(page.statusCode).toBe(200)
    expect(rows(page.body)).toEqual(slugs.slice(-PERIODS_PER_PAGE))
    const total = slugs.length
    expect(text(page.body)).toContain(`Showing periods ${total - PERIODS_PER_PAGE + 1} to ${total} of ${total}`)
    const pages = Math.ceil(total / PERIODS_PER_PAGE)
    expect(links(page.body)).toContain(`${S47}?page=${pages - 1}#figures`)
    expect(parse(page.body)('.govuk-pagination__item--current').text().trim()).toBe(String(pages))
  })

  it('shows the earliest periods on the first page, the demo’s own among them', async () => {
    const page = await t.visitor().get(`${S47}?page=1`)
    const shown = rows(page.body)
    expect(shown[0]).toBe(slugs[0])
    expect(shown).toContain('2024-03')
    expect(text(page.body)).toMatch(/October 2023 .*Green ↓ Improving since Baseline April 2023/)
  })

  it('shows the latest page for a page number that is not one, or past the end', async () => {
    for (const asked of ['nonsense', '0', '99']) {
      expect(rows((await t.visitor().get(`${S47}?page=${asked}`)).body), asked).toEqual(slugs.slice(-PERIODS_PER_PAGE))
    }
  })

  it('goes back to the page that holds a period after its figures are saved', async () => {
    const analyst = await t.as('analyst')
    const form = `${S47}/2024-03/edit`
    const back = `${S47}?period=2024-03#period-2024-03`
    expect(links((await analyst.get(form)).body)).toContain(back)
    const saved = await analyst.post(form, {
      ...(await analyst.versionOf(form)),
      target: '400',
      aspiration: '',
      actual: '390',
      count: '',
      note: '',
      england: '',
      region: '',
      statisticalNeighbours: '',
      benchmarkSource: '',
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(back)
    const page = await analyst.get(back)
    expect(rows(page.body)).toContain('2024-03')
    expect(text(page.body)).toMatch(/March 2024 .*400 per 10,000 390 per 10,000/)
  })
})
