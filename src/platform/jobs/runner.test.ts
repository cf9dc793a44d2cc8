import { describe, expect, it } from 'vitest'
import { type JobRunner, startJobLoop } from './runner.ts'

describe('the loop that runs the due jobs', () => {
  it('runs at once and then each interval, never two runs at a time, and waits for the last on stopping', async () => {
    let runs = 0
    let running = 0
    let most = 0
    const runner: JobRunner = {
      async runDue() {
        runs += 1
        running += 1
        most = Math.max(most, running)
        await new Promise((resolve) => setTimeout(resolve, 30))
        running -= 1
        return { done: 0, retried: 0, failed: 0 }
      },
    }
    const loop = startJobLoop(runner, { error: () => undefined }, 10)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await loop.stop()
    const after = runs
    expect(after).toBeGreaterThanOrEqual(2)
    expect(most).toBe(1)
    expect(running).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(runs).toBe(after)
  })

  it('logs a run that fails and goes on', async () => {
    const errors: string[] = []
    let runs = 0
    const runner: JobRunner = {
      runDue() {
        runs += 1
        return Promise.reject(new Error('database gone'))
      },
    }
    const loop = startJobLoop(runner, { error: (message) => errors.push(message) }, 10)
    await new Promise((resolve) => setTimeout(resolve, 60))
    await loop.stop()
    expect(runs).toBeGreaterThanOrEqual(2)
    expect(errors[0]).toBe('Jobs failed to run: database gone')
  })
})
