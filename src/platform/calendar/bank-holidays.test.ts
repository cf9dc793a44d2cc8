import { describe, expect, it } from 'vitest'
import {
  BANK_HOLIDAYS_CHECKED_THROUGH,
  bankHolidayCoverageWarning,
  englandAndWalesBankHolidays,
} from './bank-holidays.ts'

/**
 * Bank holidays in England and Wales as GOV.UK lists them (https://www.gov.uk/bank-holidays), one-off
 * and substitute days included. Add the next year here, from that page, when moving
 * BANK_HOLIDAYS_CHECKED_THROUGH on.
 */
const GOV_UK: Record<number, string[]> = {
  2022: [
    '2022-01-03', // New Year's Day (substitute day)
    '2022-04-15', // Good Friday
    '2022-04-18', // Easter Monday
    '2022-05-02', // Early May bank holiday
    '2022-06-02', // Spring bank holiday (moved)
    '2022-06-03', // Platinum Jubilee bank holiday
    '2022-08-29', // Summer bank holiday
    '2022-09-19', // State Funeral of Queen Elizabeth II
    '2022-12-26', // Boxing Day
    '2022-12-27', // Christmas Day (substitute day)
  ],
  2023: [
    '2023-01-02', // New Year's Day (substitute day)
    '2023-04-07', // Good Friday
    '2023-04-10', // Easter Monday
    '2023-05-01', // Early May bank holiday
    '2023-05-08', // Bank holiday for the Coronation of King Charles III
    '2023-05-29', // Spring bank holiday
    '2023-08-28', // Summer bank holiday
    '2023-12-25', // Christmas Day
    '2023-12-26', // Boxing Day
  ],
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28', // Boxing Day (substitute day)
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27', // Christmas Day (substitute day)
    '2027-12-28', // Boxing Day (substitute day)
  ],
}

/** Every weekday of `year` the calendar calls a holiday (a holiday at a weekend moves to its substitute day). */
function weekdayHolidays(year: number): string[] {
  const calendar = englandAndWalesBankHolidays()
  const found: string[] = []
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
    const date = new Date(day)
    const iso = date.toISOString().slice(0, 10)
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6 && calendar.isHoliday(iso)) found.push(iso)
  }
  return found
}

describe('englandAndWalesBankHolidays', () => {
  it.each(Object.keys(GOV_UK).map(Number))('gives exactly GOV.UK’s bank holidays for %i', (year) => {
    expect(weekdayHolidays(year)).toEqual(GOV_UK[year])
  })

  it('is checked against GOV.UK through the year it claims, and no further', () => {
    expect(Math.max(...Object.keys(GOV_UK).map(Number))).toBe(BANK_HOLIDAYS_CHECKED_THROUGH)
  })

  it.each([2028, 2029, 2030, 2040])('does not run out: %i has its eight bank holidays by the rules', (year) => {
    expect(weekdayHolidays(year)).toHaveLength(8)
  })

  it.each([
    ['2028-04-14', 'Good Friday 2028'],
    ['2029-04-02', 'Easter Monday 2029'],
    ['2030-08-26', 'Summer bank holiday 2030'],
    ['2028-01-03', 'New Year’s Day 2028 (substitute day: 1 January is a Saturday)'],
  ])('knows %s (%s)', (date) => {
    expect(englandAndWalesBankHolidays().isHoliday(date)).toBe(true)
  })

  it('does not count observances such as Mother’s Day or Easter Sunday as bank holidays', () => {
    const calendar = englandAndWalesBankHolidays()
    expect(calendar.isHoliday('2024-03-10')).toBe(false)
    expect(calendar.isHoliday('2024-03-31')).toBe(false)
    expect(calendar.isHoliday('2024-01-22')).toBe(false)
  })
})

describe('bankHolidayCoverageWarning', () => {
  it('says nothing while the checked years run more than a year ahead', () => {
    expect(bankHolidayCoverageWarning('2024-01-22', 2027)).toBeNull()
    expect(bankHolidayCoverageWarning('2026-12-31', 2027)).toBeNull()
  })

  it('warns, naming the last checked year and what to do, from the start of that year', () => {
    const warning = bankHolidayCoverageWarning('2027-01-01', 2027)
    expect(warning).toMatch(
      /^Bank holidays are checked against GOV\.UK's list only to the end of 2027 \(date-holidays \d+\.\d+\.\d+\)/,
    )
    expect(warning).toContain('update Oversight')
    expect(bankHolidayCoverageWarning('2031-06-01', 2027)).toContain('end of 2027')
  })
})
