import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startScheduler } from './scheduler.ts'

describe('the scheduled sending', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('waits a minute after start, so the first pages are not kept waiting, then runs every hour', async () => {
    const runs: string[] = []
    const service = {
      sendUpdateRequests: () => Promise.resolve(runs.push('update requests') && 0),
      sendOverdueDigest: () => Promise.resolve(0),
      sendAlerts: () => Promise.resolve(0),
    }
    const scheduler = startScheduler(service, { info: () => {}, error: () => {} })
    try {
      await vi.advanceTimersByTimeAsync(59_000)
      expect(runs).toEqual([])
      expect(scheduler.running).toBeUndefined()
      await vi.advanceTimersByTimeAsync(1_000)
      expect(runs).toHaveLength(1)
      await scheduler.running
      await vi.advanceTimersByTimeAsync(60 * 60 * 1000)
      expect(runs).toHaveLength(2)
    } finally {
      scheduler.stop()
    }
  })

  it('stopped before its first run, never runs', async () => {
    const sendUpdateRequests = vi.fn(() => Promise.resolve(0))
    const scheduler = startScheduler(
      { sendUpdateRequests, sendOverdueDigest: () => Promise.resolve(0), sendAlerts: () => Promise.resolve(0) },
      { info: () => {}, error: () => {} },
    )
    scheduler.stop()
    await vi.advanceTimersByTimeAsync(2 * 60 * 60 * 1000)
    expect(sendUpdateRequests).not.toHaveBeenCalled()
  })
})
