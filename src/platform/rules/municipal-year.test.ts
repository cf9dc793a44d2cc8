import { describe, expect, it } from 'vitest'
import { municipalYearOf } from './municipal-year.ts'

describe('municipalYearOf', () => {
  it.each([
    // A year from May, as most English councils' annual meetings.
    ['2024-04-30', 5, 2023, '2023/24'],
    ['2024-05-01', 5, 2024, '2024/25'],
    ['2023-12-31', 5, 2023, '2023/24'],
    ['2024-01-01', 5, 2023, '2023/24'],
    ['2099-06-15', 5, 2099, '2099/00'],
    // A year from January is the calendar year.
    ['2024-01-01', 1, 2024, '2024'],
    ['2023-12-31', 1, 2023, '2023'],
    // A year from April; and from December, where only that month is in the year it starts.
    ['2024-03-31', 4, 2023, '2023/24'],
    ['2024-04-01', 4, 2024, '2024/25'],
    ['2024-11-30', 12, 2023, '2023/24'],
    ['2024-12-01', 12, 2024, '2024/25'],
  ])('%s with the year starting in month %i is %i (%s)', (date, startMonth, start, label) => {
    expect(municipalYearOf(date, startMonth)).toEqual({ start, label })
  })
})
