import { describe, expect, it } from 'vitest'
import { englandAndWalesBankHolidays } from '#src/platform/calendar/bank-holidays.ts'
import { FIVE_WORKING_DAYS, callInDeadline, callInPeriod, callInRuleText } from './call-in-deadline.ts'

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
    ['2026-12-29', '2027-01-06', 'past the end of 2026: New Year’s Day 2027 does not count'],
    ['2027-03-24', '2027-04-02', 'Easter 2027'],
    ['2027-04-29', '2027-05-07', 'the early May bank holiday 2027'],
    ['2027-12-23', '2028-01-04', 'Christmas 2027 at a weekend: both substitute days, and New Year’s Day 2028’s'],
    ['2028-04-12', '2028-04-21', 'Easter 2028'],
    ['2029-03-29', '2029-04-09', 'Easter 2029, at the turn of the month'],
    ['2030-12-23', '2031-01-02', 'Christmas 2030 and New Year’s Day 2031'],
  ])('published %s → %s (%s)', (published, deadline) => {
    expect(callInDeadline(published)).toBe(deadline)
  })

  it('is null when there is no publication date', () => {
    expect(callInDeadline(null)).toBeNull()
    expect(callInDeadline('')).toBeNull()
  })

  it('never lands on a weekend or a bank holiday, and is known for every day from 2022 to 2030', () => {
    const holidays = englandAndWalesBankHolidays()
    for (let day = Date.UTC(2022, 0, 1); day < Date.UTC(2031, 0, 1); day += 86_400_000) {
      const deadline = callInDeadline(new Date(day).toISOString().slice(0, 10))
      expect(deadline).not.toBeNull()
      const weekday = new Date(`${deadline}T00:00:00Z`).getUTCDay()
      expect(weekday === 0 || weekday === 6 || holidays.isHoliday(deadline!), deadline!).toBe(false)
    }
  })

  it('takes another calendar of holidays', () => {
    expect(callInDeadline('2024-01-22', FIVE_WORKING_DAYS, { isHoliday: (date) => date === '2024-01-23' })).toBe(
      '2024-01-30',
    )
  })
})

describe('callInDeadline under another council’s rule', () => {
  it.each([
    // published, rule, deadline, why
    ['2023-12-11', { days: 10, kind: 'working' }, '2023-12-27', 'ten working days: two weeks, then Christmas'],
    ['2024-01-08', { days: 10, kind: 'working' }, '2024-01-22', 'ten working days: two weeks'],
    ['2023-12-21', { days: 3, kind: 'working' }, '2023-12-28', 'three working days over Christmas'],
    ['2024-01-22', { days: 1, kind: 'working' }, '2024-01-23', 'one working day'],
    ['2024-01-26', { days: 1, kind: 'working' }, '2024-01-29', 'one working day after a Friday: the Monday'],
    ['2023-12-11', { days: 7, kind: 'calendar' }, '2023-12-18', 'seven calendar days'],
    ['2023-12-21', { days: 5, kind: 'calendar' }, '2023-12-26', 'calendar days count bank holidays'],
    ['2024-01-26', { days: 1, kind: 'calendar' }, '2024-01-27', 'and weekends'],
    ['2024-02-25', { days: 30, kind: 'calendar' }, '2024-03-26', 'thirty days across 29 February'],
  ] as const)('published %s, %o → %s (%s)', (published, rule, deadline, _why) => {
    expect(callInDeadline(published, rule)).toBe(deadline)
  })

  it('names the rule in words', () => {
    expect(callInRuleText(FIVE_WORKING_DAYS)).toBe('5 clear working days')
    expect(callInRuleText({ days: 1, kind: 'calendar' })).toBe('1 clear calendar day')
  })
})

describe('callInPeriod', () => {
  it.each([
    [null, '2024-01-22', 'not published'],
    ['2024-01-29', '2024-01-29', 'open'],
    ['2024-01-29', '2024-01-30', 'closed'],
    ['2023-12-18', '2024-01-22', 'closed'],
    ['2029-01-02', '2029-01-02', 'open'],
  ] as const)('deadline %s, today %s → %s', (deadline, today, expected) => {
    expect(callInPeriod(deadline, today)).toBe(expected)
  })
})
