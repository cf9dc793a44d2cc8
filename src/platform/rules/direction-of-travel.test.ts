import { describe, expect, it } from 'vitest'
import { directionOfTravel } from './direction-of-travel.ts'

describe('directionOfTravel', () => {
  it.each([
    // An indicator: section 47 investigations per 10,000 fell from the baseline to October 2023.
    ['a lower-is-better figure falls', 422, 478, 'lower is better', { direction: 'improving', delta: -56 }],
    ['a lower-is-better figure rises', 43, 39, 'lower is better', { direction: 'worsening', delta: 4 }],
    // Waiting lists: speech and language therapy, 296 waiting in November 2023 and 331 in December.
    ['more children waiting', 331, 296, 'lower is better', { direction: 'worsening', delta: 35 }],
    ['fewer children waiting', 285, 294, 'lower is better', { direction: 'improving', delta: -9 }],
    ['a higher-is-better figure rises', 68, 66, 'higher is better', { direction: 'improving', delta: 2 }],
    ['a higher-is-better figure falls', 51, 56, 'higher is better', { direction: 'worsening', delta: -5 }],
    ['a higher-is-better figure falls by one', 69, 70, 'higher is better', { direction: 'worsening', delta: -1 }],
    ['a higher-is-better rate rises a little', 0.72, 0.7, 'higher is better', { direction: 'improving', delta: 0.02 }],
    ['a figure with no better direction moves', 16, 12, 'neither', { direction: 'changed', delta: 4 }],
    ['a figure with no better direction moves by one', 5, 4, 'neither', { direction: 'changed', delta: 1 }],
  ] as const)('%s', (_case, current, previous, polarity, expected) => {
    expect(directionOfTravel(current, previous, polarity)).toEqual(expected)
  })

  it('is no change when the figures are equal, whatever the polarity', () => {
    for (const polarity of ['higher is better', 'lower is better', 'neither'] as const) {
      expect(directionOfTravel(137, 137, polarity)).toEqual({ direction: 'no change', delta: 0 })
    }
  })

  it('is no change when the difference is only floating-point noise', () => {
    expect(directionOfTravel(0.1 + 0.2, 0.3, 'higher is better')).toEqual({ direction: 'no change', delta: 0 })
  })

  it('draws no arrow from a missing figure', () => {
    expect(directionOfTravel(26, null, 'lower is better')).toBeNull()
    expect(directionOfTravel(null, 26, 'lower is better')).toBeNull()
  })
})
