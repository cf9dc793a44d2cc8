import { describe, expect, it } from 'vitest'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.ts'
import { callInDeadline, callInPeriod } from './call-in-deadline.ts'

describe('callInDeadline: five clear working days after publication, the fifth inclusive', () => {
  it.each([
    // published, deadline, why
    ['2023-12-11', '2023-12-18', 'Monday: Tue–Fri then Monday'],
    ['2024-01-22', '2024-01-29', 'an ordinary week'],
    ['2024-01-24', '2024-01-31', 'midweek: the weekend does not count'],
    ['2024-01-26', '2024-02-02', 'Friday: counting starts on Monday'],
    ['2024-01-27', '2024-02-02', 'Saturday: the same as Friday'],
    ['2023-12-21', '2024-01-02', 'Christmas Day, Boxing Day and New Year’s Day do not count'],
    ['2023-12-22', '2024-01-03', 'Friday before Christmas'],
    ['2024-03-27', '2024-04-05', 'Easter: Good Friday and Easter Monday do not count'],
    ['2023-05-04', '2023-05-12', 'the Coronation bank holiday (8 May 2023) does not count'],
    ['2022-09-14', '2022-09-22', 'the State Funeral (19 September 2022) does not count'],
    ['2022-05-31', '2022-06-09', 'the moved spring bank holiday and the Jubilee (2 and 3 June 2022)'],
    ['2026-12-21', '2026-12-30', 'Boxing Day 2026 is a Saturday: its substitute Monday does not count'],
  ])('published %s → %s (%s)', (published, deadline) => {
    expect(callInDeadline(published)).toBe(deadline)
  })

  it('is null when there is no publication date', () => {
    expect(callInDeadline(null)).toBeNull()
    expect(callInDeadline('')).toBeNull()
  })

  it('is null rather than a guess when the bank-holiday table does not cover the days', () => {
    expect(callInDeadline('2021-06-01')).toBeNull()
    expect(callInDeadline('2026-12-29')).toBeNull()
  })

  it('never lands on a weekend or a bank holiday', () => {
    const holidays = new Set(Object.values(ENGLAND_AND_WALES_BANK_HOLIDAYS).flat())
    for (let day = Date.UTC(2022, 0, 1); day < Date.UTC(2026, 11, 20); day += 86_400_000) {
      const deadline = callInDeadline(new Date(day).toISOString().slice(0, 10))!
      const weekday = new Date(`${deadline}T00:00:00Z`).getUTCDay()
      expect(weekday === 0 || weekday === 6 || holidays.has(deadline), deadline).toBe(false)
    }
  })

  it('lists every year’s holidays on weekdays, within the year', () => {
    for (const [year, days] of Object.entries(ENGLAND_AND_WALES_BANK_HOLIDAYS)) {
      for (const date of days) {
        expect(date.startsWith(year), date).toBe(true)
        expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay())
      }
    }
  })
})

describe('callInPeriod', () => {
  it.each([
    [null, '2024-01-22', 'not published'],
    ['2024-01-22', '2024-01-29', 'open'],
    ['2024-01-22', '2024-01-30', 'closed'],
    ['2023-12-11', '2024-01-22', 'closed'],
    ['2020-01-06', '2020-01-07', 'unknown'],
  ] as const)('published %s, today %s → %s', (published, today, expected) => {
    expect(callInPeriod(published, today)).toBe(expected)
  })
})
