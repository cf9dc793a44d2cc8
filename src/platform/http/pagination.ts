/** Page number from a query string: 1 for anything missing or not a positive whole number. */
export function pageNumber(value: unknown): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1
}

/** How many pages `total` items fill, `pageSize` to a page: 1 when there are none. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

/** Params for govukPagination, or null when everything fits on one page. */
export function paginationParams(options: {
  page: number
  total: number
  pageSize: number
  href: (page: number) => string
}) {
  const pages = pageCount(options.total, options.pageSize)
  if (pages <= 1) return null
  const page = Math.min(options.page, pages)
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 1)
      items.push({ number: n, href: options.href(n), current: n === page })
    else if (items.at(-1) && !('ellipsis' in items.at(-1)!)) items.push({ ellipsis: true })
  }
  return {
    items,
    previous: page > 1 ? { href: options.href(page - 1) } : undefined,
    next: page < pages ? { href: options.href(page + 1) } : undefined,
  }
}

/** One page of a list, and the number of the page after it (null on the last page). */
export function pageOfList<T>(items: readonly T[], page: number, pageSize: number) {
  const start = (page - 1) * pageSize
  return {
    items: items.slice(start, start + pageSize),
    total: items.length,
    nextPage: start + pageSize < items.length ? page + 1 : null,
  }
}
