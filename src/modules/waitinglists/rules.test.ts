import { describe, expect, it } from 'vitest'
import { gapsIn, monthLabel, monthToShow, monthsBetween, monthsFrom, previousMonth, shareOver18Weeks } from './rules.ts'

describe('shareOver18Weeks', () => {
  it.each([
    // The papers' own figures.
    [331, 198, 60], // speech and language therapy, December 2023
    [650, 441, 68], // speech and language therapy, February 2022
    [204, 137, 67], // Blenheim child development centre, December 2023
    [285, 131, 46], // CAMHS, December 2023
    [49, 3, 6], // neurodevelopmental pathway, December 2023
    [8, 1, 13], // 12.5 rounds half up
    [40, 23, 58], // 57.5 too, though 23 / 40 * 100 is computed a little short of it
    [3, 1, 33],
    [10, 0, 0],
  ])('%i waiting, %i over 18 weeks: %i%%', (referralsWaiting, over18Weeks, expected) => {
    expect(shareOver18Weeks({ referralsWaiting, over18Weeks })).toBe(expected)
  })

  it('is not known without both figures, or with nobody waiting', () => {
    expect(shareOver18Weeks({ referralsWaiting: null, over18Weeks: 3 })).toBeNull()
    expect(shareOver18Weeks({ referralsWaiting: 40, over18Weeks: null })).toBeNull()
    expect(shareOver18Weeks({ referralsWaiting: 0, over18Weeks: 0 })).toBeNull()
  })
})

describe('months', () => {
  it('steps back a month, across the year end', () => {
    expect(previousMonth('2023-12')).toBe('2023-11')
    expect(previousMonth('2024-01')).toBe('2023-12')
    expect(previousMonth('2023-10')).toBe('2023-09')
  })

  it('names a month and counts the months between two', () => {
    expect(monthLabel('2023-12')).toBe('December 2023')
    expect(monthLabel('2022-02')).toBe('February 2022')
    expect(monthsBetween('2020-08', '2023-12')).toBe(40)
    expect(monthsBetween('2023-12', '2023-12')).toBe(0)
  })
})

describe('the month the dashboard opens on', () => {
  const months = [
    { month: '2024-01', services: 1 },
    { month: '2023-12', services: 4 },
    { month: '2023-11', services: 5 },
  ]
  it('is the latest month most services have figures for, not one with a single early return', () => {
    expect(monthToShow(months, 5)).toBe('2023-12')
  })
  it('needs more than half of the services that have figures', () => {
    expect(
      monthToShow(
        [
          { month: '2024-01', services: 2 },
          { month: '2023-12', services: 3 },
        ],
        4,
      ),
    ).toBe('2023-12')
    expect(
      monthToShow(
        [
          { month: '2024-01', services: 3 },
          { month: '2023-12', services: 4 },
        ],
        4,
      ),
    ).toBe('2024-01')
  })
  it('falls back to the month with the most services, the latest of those, when none has most', () => {
    expect(
      monthToShow(
        [
          { month: '2024-01', services: 1 },
          { month: '2023-12', services: 2 },
          { month: '2023-11', services: 2 },
        ],
        6,
      ),
    ).toBe('2023-12')
  })
  it('is the only month when one service has figures, and none when none has', () => {
    expect(monthToShow([{ month: '2023-05', services: 1 }], 1)).toBe('2023-05')
    expect(monthToShow([], 0)).toBeNull()
  })
})

describe('the months a history covers', () => {
  it('lists every month from the first to the last, across a year end', () => {
    expect(monthsFrom('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(monthsFrom('2024-02', '2024-02')).toEqual(['2024-02'])
  })
})

describe('the gaps in a history', () => {
  it('gives each run of months without figures, first, last and length', () => {
    expect(gapsIn(['2023-12', '2022-02', '2023-11', '2020-08', '2023-02'])).toEqual([
      { from: '2020-09', to: '2022-01', months: 17 },
      { from: '2022-03', to: '2023-01', months: 11 },
      { from: '2023-03', to: '2023-10', months: 8 },
    ])
    expect(gapsIn(['2023-11', '2023-12'])).toEqual([])
    expect(gapsIn(['2023-10', '2023-12'])).toEqual([{ from: '2023-11', to: '2023-11', months: 1 }])
  })
})
