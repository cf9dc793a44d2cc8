import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { links, parse, text } from '../../../test/support/html.ts'
import { readDocx } from '../../../test/support/papers.ts'
import { createGroupsRepository } from './groups.ts'
import { createIndicatorsRepository } from './repository.ts'
import { INDICATORS_PER_PAGE } from './service.ts'

/** The framework page's group headings and, under each, the names of its indicators, in the order shown. */
function shownGroups(html: string): { heading: string; indicators: string[] }[] {
  const $ = parse(html)
  return $('h2.govuk-heading-m')
    .toArray()
    .map((heading) => ({
      heading: $(heading).text().trim(),
      indicators: $(heading)
        .next()
        .find('tbody th a')
        .toArray()
        .map((link) => $(link).text().trim()),
    }))
}

const names = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, at) => `Extra ${from + at}`)

describe.each(testDatabases())('the outcomes framework in pages on $name', (database) => {
  let t: TestApp
  let demoCount: number

  beforeAll(async () => {
    t = await startTestApp(database)
    const repo = createIndicatorsRepository(t.db)
    demoCount = await repo.countIndicators({ publishedOnly: true })
    // The demo's indicators, then 55 in a group of their own after its groups: "Extra 1" to "Extra 55",
    // of which 51 to 55 are internal. Extra 20 has figures: green against its target, and improving.
    const [before, after] = (await repo.listPeriods()).filter((p) => !p.isBaseline).slice(-2)
    await t.db.transaction().execute(async (trx) => {
      await createGroupsRepository(t.db).insertGroup(trx, { key: 'extra', name: 'Extra measures', position: 99 })
      let position = await repo.nextPosition(trx)
      for (let n = 1; n <= 55; n++) {
        const indicator = await repo.insertIndicator(trx, {
          code: `EX${n}`,
          name: `Extra ${n}`,
          indicatorGroup: 'extra',
          unit: 'count',
          polarity: 'higher is better',
          decimals: 0,
          tolerance: 0.05,
          definition: '',
          source: '',
          owner: '',
          reference: '',
          published: n <= 50,
          position: position++,
        })
        if (n !== 20) continue
        const figures = { aspiration: null, actualCount: null, note: '', england: null, region: null }
        const rest = { statisticalNeighbours: null, benchmarkSource: '', provenance: 'Test', suppressed: false }
        const value = { ...figures, ...rest, enteredBy: 'Test' }
        await repo.insertValue(trx, indicator.id, before.id, { ...value, target: 10, actual: 5 })
        await repo.insertValue(trx, indicator.id, after.id, { ...value, target: 10, actual: 12 })
      }
    })
  })
  afterAll(() => t?.close())

  it(`shows the first ${INDICATORS_PER_PAGE} indicators in the framework's order, with a link to the next page`, async () => {
    const page = await t.visitor().get('/outcomes')
    expect(page.statusCode).toBe(200)
    const groups = shownGroups(page.body)
    expect(groups.flatMap((group) => group.indicators)).toHaveLength(INDICATORS_PER_PAGE)
    // The demo's groups first, whole, then the start of the new group under its own heading.
    expect(groups.at(-1)).toEqual({ heading: 'Extra measures', indicators: names(1, INDICATORS_PER_PAGE - demoCount) })
    expect(groups.slice(0, -1).map((group) => group.heading)).not.toContainEqual(expect.stringMatching(/continued/))
    expect(text(page.body)).toContain(`Showing 1 to ${INDICATORS_PER_PAGE} of ${demoCount + 50} indicators`)
    expect(page.body).toContain('govuk-pagination')
    expect(links(page.body)).toContain('/outcomes?page=2')
    expect(links(page.body)).not.toContain('/outcomes?page=3')
  })

  it('shows the rest on the second page, under the group’s heading marked as continued', async () => {
    const page = await t.visitor().get('/outcomes?page=2')
    expect(shownGroups(page.body)).toEqual([
      { heading: 'Extra measures (continued)', indicators: names(INDICATORS_PER_PAGE - demoCount + 1, 50) },
    ])
    expect(text(page.body)).toContain(`Showing 51 to ${demoCount + 50} of ${demoCount + 50} indicators`)
    expect(links(page.body)).toContain('/outcomes?page=1')
  })

  it('rates an indicator on a later page from its own figures', async () => {
    const page = await t.visitor().get('/outcomes?page=2')
    const $ = parse(page.body)
    const row = $('tbody tr').filter((_, tr) => $(tr).find('th').text().includes('Extra 20'))
    expect(row.find('td').eq(-2).text()).toMatch(/Green\s+↑ Improving/)
  })

  it('counts and shows internal indicators only for those signed in', async () => {
    const member = await t.as('member')
    const page = await member.get('/outcomes?page=2')
    const last = shownGroups(page.body).at(-1)!
    expect(last.indicators.at(-1)).toBe('Extra 55')
    expect(text(page.body)).toContain(`of ${demoCount + 55} indicators`)
  })

  it('shows the last page for a page past the end, and the first for a page number that is not one', async () => {
    const last = shownGroups((await t.visitor().get('/outcomes?page=2')).body)
    for (const [asked, shown] of [
      ['99', last],
      ['100001', null],
      ['nonsense', null],
      ['-1', null],
      ['0', null],
    ] as const) {
      const page = await t.visitor().get(`/outcomes?page=${asked}`)
      expect(page.statusCode, asked).toBe(200)
      const groups = shownGroups(page.body)
      if (shown) expect(groups, asked).toEqual(shown)
      else expect(groups.at(-1)?.heading, asked).toBe('Extra measures')
    }
  })

  it('keeps every indicator in the framework paper, whatever the page', async () => {
    const paper = await readDocx((await t.visitor().get('/outcomes?format=docx&page=1')).rawPayload)
    for (const name of ['Extra 1', 'Extra 20', 'Extra 50']) expect(paper).toContain(name)
    expect(paper).not.toContain('Extra 51')
  })
})
