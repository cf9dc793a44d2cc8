import { describe, expect, it } from 'vitest'
import { pageCount, paginationParams } from './pagination.ts'

describe('pageCount', () => {
  it('is one page for nothing, and a page more for each part of a page over', () => {
    expect(pageCount(0, 50)).toBe(1)
    expect(pageCount(1, 50)).toBe(1)
    expect(pageCount(50, 50)).toBe(1)
    expect(pageCount(51, 50)).toBe(2)
    expect(pageCount(541, 50)).toBe(11)
  })

  it('is what the pagination counts to: no pagination for one page, the last page for one past it', () => {
    const href = (n: number) => `/list?page=${n}`
    expect(paginationParams({ page: 1, total: 50, pageSize: 50, href })).toBeNull()
    const past = paginationParams({ page: 99, total: 51, pageSize: 50, href })
    expect(past?.items.at(-1)).toEqual({ number: 2, href: '/list?page=2', current: true })
    expect(past?.next).toBeUndefined()
  })
})
