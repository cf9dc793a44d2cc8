import { describe, expect, it } from 'vitest'
import { periodPage } from './period-pages.ts'

const periods = (count: number) => Array.from({ length: count }, (_, at) => ({ period: { slug: `p${at + 1}` } }))
const slugs = (shown: { periods: { period: { slug: string } }[] }) => shown.periods.map((p) => p.period.slug)

describe('an indicator’s figures a page of periods at a time', () => {
  it('shows every period on one page when they fit', () => {
    expect(periodPage(periods(3), {}, 4)).toEqual({ periods: periods(3), page: 1, pages: 1, first: 1, last: 3 })
    expect(periodPage(periods(0), {}, 4)).toEqual({ periods: [], page: 1, pages: 1, first: 1, last: 0 })
  })

  it('shows the latest full page when none is asked for, in time order', () => {
    const shown = periodPage(periods(10), {}, 4)
    expect(slugs(shown)).toEqual(['p7', 'p8', 'p9', 'p10'])
    expect(shown).toMatchObject({ page: 3, pages: 3, first: 7, last: 10 })
  })

  it('leaves what is over to the first page, of the earliest periods', () => {
    expect(slugs(periodPage(periods(10), { page: 2 }, 4))).toEqual(['p3', 'p4', 'p5', 'p6'])
    expect(periodPage(periods(10), { page: 1 }, 4)).toMatchObject({ periods: periods(2), first: 1, last: 2 })
  })

  it('shows the latest page for a page past the end', () => {
    expect(periodPage(periods(10), { page: 99 }, 4).page).toBe(3)
  })

  it('finds the page that holds a period asked for by its slug, whatever page is asked', () => {
    expect(periodPage(periods(10), { period: 'p2' }, 4).page).toBe(1)
    expect(periodPage(periods(10), { period: 'p3', page: 3 }, 4).page).toBe(2)
    expect(periodPage(periods(10), { period: 'p6' }, 4).page).toBe(2)
    expect(periodPage(periods(10), { period: 'p7' }, 4).page).toBe(3)
    expect(periodPage(periods(10), { period: 'p10' }, 4).page).toBe(3)
  })

  it('ignores a period it does not know', () => {
    expect(periodPage(periods(10), { period: 'nope', page: 1 }, 4).page).toBe(1)
    expect(periodPage(periods(10), { period: 'nope' }, 4).page).toBe(3)
  })
})
