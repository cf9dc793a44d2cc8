import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { links, parse, text } from '../../../test/support/html.ts'

/** The numbers in the tracker's table, in the order shown. */
function numbers(html: string): string[] {
  const $ = parse(html)
  return $('table tbody tr')
    .toArray()
    .map((row) => $(row).children('td').first().text().replace('Recommendation', '').trim())
}

describe.each(testDatabases())('a tracker of many recommendations on $name', (database) => {
  let t: TestApp
  let tracker: string

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const body = await builders(t).aBody({ name: 'Busy Scrutiny Committee' })
    tracker = `/bodies/${body.slug}/recommendations`
    // 120 recommendations: 1 to 40 past their target (red), 41 to 120 due in 2025 (green), 1 to 3 complete.
    await t.db
      .insertInto('recommendations')
      .values(
        Array.from({ length: 120 }, (_, index) => ({
          bodyId: body.id,
          number: String(index + 1),
          madeOn: '2023-06-01',
          text: `Recommendation text ${index + 1}`,
          targetDate: index < 40 ? `2023-12-${String(10 + (index % 20)).padStart(2, '0')}` : '2025-03-31',
          targetMonth: null,
          responsiblePersonId: null,
          ...(index < 3 ? { status: 'complete' as const, completedOn: '2023-11-01' } : {}),
        })),
      )
      .execute()
  })
  afterAll(() => t?.close())

  it('shows 50 at a time in the body’s numbering, with the counts over all of them', async () => {
    const page = await t.visitor().get(tracker)
    expect(page.statusCode).toBe(200)
    expect(numbers(page.body)).toEqual(Array.from({ length: 50 }, (_, index) => String(index + 1)))
    const shown = text(page.body)
    expect(shown).toContain('120 recommendations: 37 red, 80 green, 3 complete.')
    expect(shown).toContain('Showing 1 to 50 of 120')
    expect(page.body).toContain('govuk-pagination')
    expect(links(page.body)).toContain(`${tracker}?page=2`)
    // Sorting in the browser would sort one page: the table is not offered for it.
    expect(page.body).not.toContain('moj-sortable-table')
  })

  it('shows the second page, and the last for a page past the end', async () => {
    const second = await t.visitor().get(`${tracker}?page=2`)
    expect(numbers(second.body)).toEqual(Array.from({ length: 50 }, (_, index) => String(index + 51)))
    expect(text(second.body)).toContain('Showing 51 to 100 of 120')
    for (const page of ['3', '99', '100001', 'nonsense', '-1']) {
      const answer = await t.visitor().get(`${tracker}?page=${page}`)
      expect(answer.statusCode).toBe(200)
      const expected = page === '3' || page === '99' ? ['101', '120'] : ['1', '50']
      const shown = numbers(answer.body)
      expect([shown[0], shown.at(-1)]).toEqual(expected)
    }
  })

  it('keeps the filters and the order in the page links, and counts what matches', async () => {
    const page = await t.visitor().get(`${tracker}?status=open&sort=rag`)
    expect(text(page.body)).toContain('Showing 117 of 120 recommendations.')
    expect(text(page.body)).toContain('Showing 1 to 50 of 117')
    // Red first, each rating in the body's numbering.
    expect(numbers(page.body).slice(0, 2)).toEqual(['4', '5'])
    expect(links(page.body)).toContain(`${tracker}?status=open&sort=rag&page=2`)
    const third = await t.visitor().get(`${tracker}?status=open&sort=rag&page=3`)
    expect(numbers(third.body)).toEqual(Array.from({ length: 17 }, (_, index) => String(index + 104)))
  })

  it('downloads every matching recommendation, not one page', async () => {
    const csv = await t.visitor().get(`${tracker}?status=open&page=2&format=csv`)
    expect(csv.statusCode).toBe(200)
    const lines = csv.body.trim().split('\r\n')
    expect(lines).toHaveLength(1 + 117)
  })

  it('orders by target date, soonest first', async () => {
    const page = await t.visitor().get(`${tracker}?sort=target`)
    // 1, 21 (10 December), then 2, 22 (11 December): the body's numbering within a day.
    expect(numbers(page.body).slice(0, 4)).toEqual(['1', '21', '2', '22'])
  })
})
