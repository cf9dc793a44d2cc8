import { describe, expect, it } from 'vitest'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, sessionIsLive } from './sessions.ts'

const start = new Date('2024-01-22T09:00:00Z')
const at = (ms: number) => new Date(start.getTime() + ms)
const MINUTE = 60_000

describe('session timeouts', () => {
  it('are 30 minutes idle and 12 hours in all', () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * MINUTE)
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * 60 * MINUTE)
  })
})

describe('sessionIsLive', () => {
  it.each([
    ['just started', 0, 0, true],
    ['idle for exactly 30 minutes', 0, IDLE_TIMEOUT_MS, true],
    ['idle for 30 minutes and a millisecond', 0, IDLE_TIMEOUT_MS + 1, false],
    ['active 1 minute ago, 11 hours 59 minutes in', 12 * 60 * MINUTE - 2 * MINUTE, 12 * 60 * MINUTE - MINUTE, true],
    ['active 1 minute ago, exactly 12 hours in', 12 * 60 * MINUTE - MINUTE, ABSOLUTE_TIMEOUT_MS, true],
    ['active 1 minute ago, 12 hours and a millisecond in', 12 * 60 * MINUTE - MINUTE, ABSOLUTE_TIMEOUT_MS + 1, false],
    ['active just now, 13 hours in', 13 * 60 * MINUTE, 13 * 60 * MINUTE, false],
  ])('%s', (_case, lastSeen, now, live) => {
    expect(sessionIsLive({ createdAt: start, lastSeenAt: at(lastSeen), endedAt: null }, at(now))).toBe(live)
  })

  it('is over once ended, however recent', () => {
    expect(sessionIsLive({ createdAt: start, lastSeenAt: start, endedAt: at(1) }, at(2))).toBe(false)
  })
})
