import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_FROM_SOURCE,
  SOURCE,
  delayAfter,
  recentFailures,
  waitBeforeAttempt,
  waitMessage,
} from './sign-in-delay.ts'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

describe('delayAfter', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30 * SECOND],
    [6, 1 * MINUTE],
    [7, 2 * MINUTE],
    [8, 4 * MINUTE],
    [9, 8 * MINUTE],
    [10, 15 * MINUTE],
    [11, 15 * MINUTE],
    [1000, 15 * MINUTE],
  ])('one account from one source: after %i failures, waits %i ms', (failures, delay) => {
    expect(delayAfter(failures, ACCOUNT_FROM_SOURCE)).toBe(delay)
  })

  it.each([
    [29, 0],
    [30, 30 * SECOND],
    [31, 1 * MINUTE],
    [35, 15 * MINUTE],
  ])('one source across accounts: after %i failures, waits %i ms', (failures, delay) => {
    expect(delayAfter(failures, SOURCE)).toBe(delay)
  })
})

describe('waitBeforeAttempt', () => {
  const last = new Date('2024-01-22T10:00:00Z')
  const at = (ms: number) => new Date(last.getTime() + ms)
  const state = (failures: number) => ({ failures, lastFailureAt: last })

  it.each([
    ['under the free failures', 4, 0, 0],
    ['under the free failures, recorded a moment after this attempt began', 4, -50, 0],
    ['the fifth failure recorded a moment after this attempt began', 5, -50, 30 * SECOND],
    ['the moment of the fifth failure', 5, 0, 30 * SECOND],
    ['10 seconds after it', 5, 10 * SECOND, 20 * SECOND],
    ['30 seconds after it', 5, 30 * SECOND, 0],
    ['1 minute after a sixth', 6, 1 * MINUTE, 0],
    ['at the cap', 20, 5 * MINUTE, 10 * MINUTE],
    ['23 hours later, not yet forgotten', 20, 23 * HOUR, 0],
  ])('%s', (_, failures, elapsed, wait) => {
    expect(waitBeforeAttempt(state(failures), ACCOUNT_FROM_SOURCE, at(elapsed))).toBe(wait)
  })

  it('forgets failures once the last is old enough', () => {
    expect(recentFailures(state(20), ACCOUNT_FROM_SOURCE, at(24 * HOUR - 1))).toBe(20)
    expect(recentFailures(state(20), ACCOUNT_FROM_SOURCE, at(24 * HOUR))).toBe(0)
    expect(recentFailures(state(40), SOURCE, at(59 * MINUTE))).toBe(40)
    expect(recentFailures(state(40), SOURCE, at(1 * HOUR))).toBe(0)
  })
})

describe('waitMessage', () => {
  it.each([
    [1, 'Wait 1 second before trying again'],
    [1000, 'Wait 1 second before trying again'],
    [1001, 'Wait 2 seconds before trying again'],
    [30 * SECOND, 'Wait 30 seconds before trying again'],
    [59 * SECOND + 1, 'Wait 1 minute before trying again'],
    [60 * SECOND, 'Wait 1 minute before trying again'],
    [61 * SECOND, 'Wait 2 minutes before trying again'],
    [15 * MINUTE, 'Wait 15 minutes before trying again'],
  ])('%i ms: %s', (ms, message) => {
    expect(waitMessage(ms)).toBe(message)
  })
})
