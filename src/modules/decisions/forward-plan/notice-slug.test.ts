import { describe, expect, it } from 'vitest'
import { noticeSlug } from './notice-slug.ts'

describe('noticeSlug', () => {
  it.each([
    ['the first notice of a month', '2024-01-01', [], '2024-01'],
    ['the first of its month, beside other months', '2024-02-15', ['2024-01', '2024-01-2'], '2024-02'],
    ['a second notice of the month', '2024-01-15', ['2024-01'], '2024-01-2'],
    ['a third', '2024-01-20', ['2024-01', '2024-01-2'], '2024-01-3'],
    ['after a gap left by a removed notice', '2024-01-20', ['2024-01', '2024-01-3'], '2024-01-2'],
    ['past ten', '2024-01-31', ['2024-01', ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `2024-01-${n}`)], '2024-01-11'],
  ])('%s', (_case, periodFrom, taken, expected) => {
    expect(noticeSlug(periodFrom, taken)).toBe(expected)
  })
})
