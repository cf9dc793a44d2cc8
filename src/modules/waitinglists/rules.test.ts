import { describe, expect, it } from 'vitest'
import { monthLabel, monthsBetween, previousMonth, shareOver18Weeks } from './rules.ts'

describe('shareOver18Weeks', () => {
  it.each([
    // The papers' own figures.
    [331, 198, 60], // speech and language therapy, December 2023
    [650, 441, 68], // speech and language therapy, February 2022
    [204, 137, 67], // Blenheim child development centre, December 2023
    [285, 131, 46], // CAMHS, December 2023
    [49, 3, 6], // neurodevelopmental pathway, December 2023
    [8, 1, 13], // 12.5 rounds half up
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
