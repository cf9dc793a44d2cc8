import { describe, expect, it } from 'vitest'
import { type DueDatePolicy, dueDateRag } from './due-date-rag.ts'

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
