/**
 * An indicator's figures by period, a page at a time. Periods stay in time order, and the pages are
 * counted from the earliest, but the latest page is always full and is the one shown when none is
 * asked for: the first page holds whatever is left over. A period asked for by its slug (the page to go
 * back to after changing its figures) picks the page that holds it.
 */
export const PERIODS_PER_PAGE = 24

export function periodPage<T extends { period: { slug: string } }>(
  periods: readonly T[],
  asked: { page?: number; period?: string },
  perPage = PERIODS_PER_PAGE,
): { periods: T[]; page: number; pages: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(periods.length / perPage))
  const at = asked.period === undefined ? -1 : periods.findIndex((p) => p.period.slug === asked.period)
  // Counted back from the latest: the period's distance from the end says which page holds it.
  const page = at >= 0 ? pages - Math.floor((periods.length - 1 - at) / perPage) : Math.min(asked.page ?? pages, pages)
  const end = periods.length - (pages - page) * perPage
  const start = Math.max(0, end - perPage)
  return { periods: periods.slice(start, end), page, pages, first: start + 1, last: end }
}
