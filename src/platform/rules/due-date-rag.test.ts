import { describe, expect, it } from 'vitest'
import { type DueDatePolicy, dueDateRag, dueDayOf, isPastDue } from './due-date-rag.ts'

const TODAY = '2024-01-22'
/** A policy unlike either in use, so that nothing here passes by matching a module's numbers. */
const POLICY: DueDatePolicy = { amberWithinDays: 14, recentUpdateWithinDays: 7 }

describe('dueDateRag on 22 January 2024, amber within 14 days without an update in 7', () => {
  it.each([
    ['no due date', null, null, null],
    ['no due date, updated today', null, TODAY, null],
    ['overdue by a day, updated today', '2024-01-21', TODAY, 'red'],
    ['overdue by months', '2023-10-31', null, 'red'],
    ['due today, never updated', TODAY, null, 'amber'],
    ['due today, updated today', TODAY, TODAY, 'green'],
    ['due on the last day of the window, never updated', '2024-02-05', null, 'amber'],
    ['due the day after the window, never updated', '2024-02-06', null, 'green'],
    ['due within the window, updated 7 days ago', '2024-01-31', '2024-01-15', 'green'],
    ['due within the window, no update since 8 days ago', '2024-01-31', '2024-01-14', 'amber'],
    ['due in months, never updated', '2024-07-31', null, 'green'],
  ])('%s → %s', (_case, dueOn, lastUpdatedOn, expected) => {
    expect(dueDateRag({ dueOn, lastUpdatedOn }, TODAY, POLICY)).toBe(expected)
  })

  it('counts calendar days across the clocks going forward', () => {
    // British Summer Time starts on 31 March 2024: 14 days on is 14 April, whatever the hours.
    expect(dueDateRag({ dueOn: '2024-04-14', lastUpdatedOn: null }, '2024-03-31', POLICY)).toBe('amber')
    expect(dueDateRag({ dueOn: '2024-04-15', lastUpdatedOn: null }, '2024-03-31', POLICY)).toBe('green')
  })

  it('takes its numbers from the policy', () => {
    const work = { dueOn: '2024-02-19', lastUpdatedOn: '2023-12-25' } // due in 28 days, updated 28 days ago
    expect(dueDateRag(work, TODAY, { amberWithinDays: 28, recentUpdateWithinDays: 28 })).toBe('green')
    expect(dueDateRag(work, TODAY, { amberWithinDays: 28, recentUpdateWithinDays: 27 })).toBe('amber')
    expect(dueDateRag(work, TODAY, { amberWithinDays: 27, recentUpdateWithinDays: 27 })).toBe('green')
  })
})

describe('a target of a month is due on its last day', () => {
  it.each([
    ['a day', { on: '2024-03-15', month: '2024-03' }, '2024-03-15'],
    ['March 2025', { on: null, month: '2025-03' }, '2025-03-31'],
    ['April 2024', { on: null, month: '2024-04' }, '2024-04-30'],
    ['February of a leap year', { on: null, month: '2024-02' }, '2024-02-29'],
    ['February of another year', { on: null, month: '2025-02' }, '2025-02-28'],
    ['December', { on: null, month: '2023-12' }, '2023-12-31'],
    ['no target', { on: null, month: null }, null],
  ])('%s → %s', (_case, target, expected) => {
    expect(dueDayOf(target)).toBe(expected)
  })

  it.each([
    ['during the month', { on: null, month: '2024-01' }, false],
    ['the month before', { on: null, month: '2023-12' }, true],
    ['a day target the day before', { on: '2024-01-21', month: null }, true],
    ['a day target today', { on: TODAY, month: null }, false],
    ['no target', { on: null, month: null }, false],
  ])('on 22 January 2024, %s → overdue %s', (_case, target, expected) => {
    expect(isPastDue(target, TODAY)).toBe(expected)
  })

  it('is overdue from the day after the month ends', () => {
    expect(isPastDue({ on: null, month: '2024-01' }, '2024-01-31')).toBe(false)
    expect(isPastDue({ on: null, month: '2024-01' }, '2024-02-01')).toBe(true)
  })

  it('rates a month target against the month’s last day', () => {
    const policy: DueDatePolicy = { amberWithinDays: 14, recentUpdateWithinDays: 7 }
    // January 2024 is due on the 31st, 9 days after 22 January: amber without an update, not red.
    expect(dueDateRag({ dueOn: dueDayOf({ on: null, month: '2024-01' }), lastUpdatedOn: null }, TODAY, policy)).toBe(
      'amber',
    )
    expect(dueDateRag({ dueOn: dueDayOf({ on: null, month: '2023-12' }), lastUpdatedOn: TODAY }, TODAY, policy)).toBe(
      'red',
    )
    expect(dueDateRag({ dueOn: dueDayOf({ on: null, month: '2024-03' }), lastUpdatedOn: null }, TODAY, policy)).toBe(
      'green',
    )
  })
})
