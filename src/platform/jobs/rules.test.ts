import { describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS, retryDelayMs } from './rules.ts'

const MINUTE = 60_000

describe('the wait before a failed job is tried again', () => {
  it('starts at a minute and grows fourfold', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, 10))).toEqual([
      MINUTE,
      4 * MINUTE,
      16 * MINUTE,
      64 * MINUTE,
      256 * MINUTE,
    ])
  })

  it('never waits more than a day', () => {
    expect(retryDelayMs(6, 10)).toBe(1024 * MINUTE)
    expect(retryDelayMs(7, 10)).toBe(24 * 60 * MINUTE)
    expect(retryDelayMs(9, 10)).toBe(24 * 60 * MINUTE)
  })

  it('gives up after the last attempt', () => {
    expect(retryDelayMs(MAX_ATTEMPTS - 1)).not.toBeNull()
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull()
    expect(retryDelayMs(MAX_ATTEMPTS + 1)).toBeNull()
  })

  it('refuses an attempt count that is not a whole number from 1', () => {
    for (const attempts of [0, -1, 1.5, Number.NaN]) expect(() => retryDelayMs(attempts)).toThrow(RangeError)
  })
})
