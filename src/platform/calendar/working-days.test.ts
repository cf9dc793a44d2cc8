import { describe, expect, it } from 'vitest'
import type { HolidayCalendar } from './bank-holidays.ts'
import { clearWorkingDays } from './working-days.ts'

/** A made-up calendar: Friday 5 and Monday 8 January 2024 are holidays. */
const holidays: HolidayCalendar = { isHoliday: (date) => date === '2024-01-05' || date === '2024-01-08' }
const none: HolidayCalendar = { isHoliday: () => false }

describe('clearWorkingDays', () => {
  it.each([
    // from, count, expected, why
    ['2024-01-15', 5, '2024-01-22', 'Monday: Tuesday to Friday, then Monday'],
    ['2024-01-19', 1, '2024-01-22', 'Friday: the next working day is Monday'],
    ['2024-01-20', 1, '2024-01-22', 'Saturday: the same'],
    ['2024-01-25', -5, '2024-01-18', 'before a Thursday meeting: Wednesday back to the Thursday before'],
    ['2024-01-22', -1, '2024-01-19', 'the working day before a Monday is the Friday'],
    ['2024-01-22', 0, '2024-01-22', 'no days: the day itself'],
  ])('%s, %i → %s (%s)', (from, count, expected) => {
    expect(clearWorkingDays(from, count, none)).toBe(expected)
  })

  it('skips the calendar’s holidays both ways', () => {
    expect(clearWorkingDays('2024-01-04', 1, holidays)).toBe('2024-01-09')
    expect(clearWorkingDays('2024-01-09', -1, holidays)).toBe('2024-01-04')
  })

  it('keeps to the calendar date across the change to British Summer Time', () => {
    expect(clearWorkingDays('2024-03-29', 1, none)).toBe('2024-04-01')
    expect(clearWorkingDays('2024-10-25', 1, none)).toBe('2024-10-28')
  })

  it.each(['2024-02-30', '22/01/2024', ''])('refuses %j, which is not a date', (from) => {
    expect(() => clearWorkingDays(from, 5, none)).toThrow(RangeError)
  })
})
