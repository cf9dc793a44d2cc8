import { describe, expect, it } from 'vitest'
import { createClock, londonToday } from './clock.ts'

describe('today in London', () => {
  it('turns at midnight in London, in winter (GMT) and in summer (BST)', () => {
    expect(londonToday(new Date('2026-01-15T23:59:59.999Z'))).toBe('2026-01-15')
    expect(londonToday(new Date('2026-01-16T00:00:00Z'))).toBe('2026-01-16')
    expect(londonToday(new Date('2026-06-01T22:59:59.999Z'))).toBe('2026-06-01')
    expect(londonToday(new Date('2026-06-01T23:00:00Z'))).toBe('2026-06-02')
  })

  it('gives the same date for every moment of a minute, asked in any order', () => {
    for (const at of ['2026-06-01T22:59:30Z', '2026-06-01T22:59:00Z', '2026-06-01T22:59:59.999Z']) {
      expect(londonToday(new Date(at)), at).toBe('2026-06-01')
    }
    expect(londonToday(new Date('2026-06-01T23:00:30Z'))).toBe('2026-06-02')
  })

  it('follows the clocks going forward and back', () => {
    // 29 March 2026, 01:00 GMT becomes 02:00 BST; 25 October 2026, 02:00 BST becomes 01:00 GMT.
    expect(londonToday(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28')
    expect(londonToday(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29')
    expect(londonToday(new Date('2026-10-24T22:59:00Z'))).toBe('2026-10-24')
    expect(londonToday(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25')
    expect(londonToday(new Date('2026-10-25T23:59:00Z'))).toBe('2026-10-25')
  })

  it('is pinned by a demo or a test, and real otherwise', () => {
    expect(createClock('2024-01-22').today()).toBe('2024-01-22')
    expect(createClock().today()).toBe(londonToday(new Date()))
  })
})
