import { describe, expect, it } from 'vitest'
import { pageRangeLabel, pageRangeProblem } from './page-range.ts'

describe('pageRangeLabel', () => {
  it.each([
    { from: 63, to: 112, expected: 'Pages 63 to 112' },
    { from: 5, to: 5, expected: 'Page 5' },
    { from: 5, to: null, expected: 'Page 5' },
    { from: null, to: null, expected: '' },
  ])('is "$expected" for $from to $to', ({ from, to, expected }) => {
    expect(pageRangeLabel(from, to)).toBe(expected)
  })
})

describe('pageRangeProblem', () => {
  it.each([
    { from: 63, to: 112, expected: null },
    { from: 7, to: 7, expected: null },
    { from: 7, to: null, expected: null },
    { from: null, to: null, expected: null },
    { from: 14, to: 7, expected: 'Last page must be the same as or after the first page' },
    { from: null, to: 7, expected: 'Enter the first page' },
  ])('for $from to $to is $expected', ({ from, to, expected }) => {
    expect(pageRangeProblem(from, to)).toBe(expected)
  })
})
