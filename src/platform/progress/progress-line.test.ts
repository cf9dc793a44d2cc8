import { describe, expect, it } from 'vitest'
import { createProgressLine, formatDuration, formatProgress, progressOf } from './progress-line.ts'

describe('progressOf', () => {
  it.each([
    // done, total, elapsed ms → per second, seconds left
    [0, 40, 5000, null, null],
    [10, 40, 0, null, null],
    [10, 40, 5000, 2, 15],
    [40, 40, 8000, 5, 0],
    [3, 1000, 1500, 2, 498.5],
    // More done than the total first said (a total that grew late) never gives negative time.
    [12, 10, 1000, 12, 0],
  ])('%i of %i after %i ms: %s a second, %s s left', (done, total, elapsed, perSecond, left) => {
    expect(progressOf(done, total, elapsed)).toEqual({ done, total, perSecond, secondsLeft: left })
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [0.2, '1 s'],
    [59, '59 s'],
    [59.5, '1 min'],
    [185, '3 min 5 s'],
    [3600, '1 h'],
    [7800, '2 h 10 min'],
  ])('%s s reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})

describe('formatProgress', () => {
  it('gives done of total, the percentage, the rate and the time left', () => {
    expect(formatProgress('Asking the web service', progressOf(12, 40, 4800))).toBe(
      'Asking the web service: 12 of 40 (30%), 2.5 a second, about 12 s left',
    )
  })

  it('rounds a fast rate to a whole number and says nothing of time left once done', () => {
    expect(formatProgress('Applying', progressOf(500, 500, 20_000))).toBe('Applying: 500 of 500 (100%), 25 a second')
  })

  it('gives only the count before anything is done', () => {
    expect(formatProgress('Applying', progressOf(0, 500, 0))).toBe('Applying: 0 of 500 (0%)')
  })
})

describe('createProgressLine', () => {
  const clock = (times: number[]) => () => times.shift() ?? 0

  it('writes over itself on a terminal, wiping a longer line, and ends with a new line', () => {
    const written: string[] = []
    const line = createProgressLine({
      label: 'Fetching',
      write: (text) => written.push(text),
      isTTY: true,
      now: clock([0, 1000, 2000]),
    })
    line.update(1, 4)
    line.update(4, 4)
    line.finish()
    const first = 'Fetching: 1 of 4 (25%), 1.0 a second, about 3 s left'
    expect(written).toEqual([`\r${first}`, `\r${'Fetching: 4 of 4 (100%), 2.0 a second'.padEnd(first.length)}`, '\n'])
  })

  it('writes a terminal at most ten times a second, and always the last report', () => {
    const written: string[] = []
    const line = createProgressLine({
      label: 'Applying',
      write: (text) => written.push(text),
      isTTY: true,
      now: clock([0, 1000, 1050, 1100, 1120]),
    })
    line.update(1, 10)
    line.update(2, 10)
    line.update(3, 10)
    line.update(10, 10)
    expect(written.map((text) => text.trim())).toEqual([
      'Applying: 1 of 10 (10%), 1.0 a second, about 9 s left',
      'Applying: 3 of 10 (30%), 2.7 a second, about 3 s left',
      'Applying: 10 of 10 (100%), 8.9 a second',
    ])
  })

  it('is silent while running when not a terminal, and writes one line at the end', () => {
    const written: string[] = []
    const line = createProgressLine({
      label: 'Fetching',
      write: (text) => written.push(text),
      isTTY: false,
      now: clock([0, 2000]),
    })
    line.update(1, 4)
    line.update(4, 4)
    expect(written).toEqual([])
    line.finish()
    expect(written).toEqual(['Fetching: 4 of 4 (100%), 2.0 a second\n'])
  })

  it('writes nothing at all when nothing was reported', () => {
    const written: string[] = []
    createProgressLine({ label: 'Fetching', write: (text) => written.push(text), isTTY: false }).finish()
    expect(written).toEqual([])
  })
})
