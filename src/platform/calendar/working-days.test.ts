import { describe, expect, it } from 'vitest'
import { type HolidayCalendar, englandAndWalesBankHolidays } from './bank-holidays.ts'
import { clearWorkingDays, clearWorkingDaysBetween } from './working-days.ts'

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

describe('clearWorkingDaysBetween', () => {
  const bankHolidays = englandAndWalesBankHolidays()

  it.each([
    // published, meeting, clear working days, why
    ['2024-01-16', '2024-01-25', 6, 'Tuesday for the next Thursday week: 17, 18, 19, 22, 23, 24'],
    ['2024-01-17', '2024-01-25', 5, 'Wednesday for the next Thursday week: just the five'],
    ['2024-01-18', '2024-01-25', 4, 'Thursday for the next Thursday: four, one short'],
    ['2024-01-19', '2024-01-22', 0, 'Friday for Monday: the weekend is not a working day'],
    ['2024-01-24', '2024-01-25', 0, 'the day before: neither day counts'],
    ['2024-01-25', '2024-01-25', 0, 'the day itself'],
    ['2024-01-26', '2024-01-25', 0, 'after the meeting'],
  ])('%s for %s: %i (%s)', (from, to, expected) => {
    expect(clearWorkingDaysBetween(from, to, none)).toBe(expected)
  })

  it('leaves out bank holidays: Good Friday and Easter Monday 2024', () => {
    // Wednesday 27 March for Thursday 4 April: 28 March, 2 and 3 April; 29 March and 1 April are bank holidays.
    expect(clearWorkingDaysBetween('2024-03-27', '2024-04-04', bankHolidays)).toBe(3)
    expect(clearWorkingDaysBetween('2024-03-27', '2024-04-04', none)).toBe(5)
  })

  it('agrees with clearWorkingDays: five clear days before a meeting start the day after publication', () => {
    const firstOfFive = clearWorkingDays('2024-01-25', -5, holidays)
    expect(clearWorkingDaysBetween(clearWorkingDays(firstOfFive, -1, holidays), '2024-01-25', holidays)).toBe(5)
  })

  it.each([
    ['2024-02-30', '2024-03-01'],
    ['2024-01-01', ''],
  ])('refuses %j to %j, not dates', (from, to) => {
    expect(() => clearWorkingDaysBetween(from, to, none)).toThrow(RangeError)
  })
})
