import { describe, expect, it } from 'vitest'
import { FRAMEWORK_PERIODS_SHOWN, periodsShown, ragAgainstTarget, ratePer10000 } from './rules.ts'

describe('ragAgainstTarget', () => {
  describe('lower is better (section 47 investigations per 10,000, target 450)', () => {
    it.each([
      [422, 'green'], // the October 2023 actual
      [450, 'green'], // exactly on target
      [450.1, 'amber'],
      [472.5, 'amber'], // 5% over: the edge of the tolerance
      [472.6, 'red'],
      [500, 'red'],
    ] as const)('%d is %s', (actual, rag) => {
      expect(ragAgainstTarget(actual, 450, 'lower is better')).toBe(rag)
    })
  })

  describe('higher is better (care leavers in education, employment or training, target 58%)', () => {
    it.each([
      [60, 'green'],
      [58, 'green'],
      [57.9, 'amber'],
      [55.1, 'amber'], // 58 − 5% of 58 = 55.1: the edge
      [55, 'red'],
      [51, 'red'], // the October 2023 actual
    ] as const)('%d is %s', (actual, rag) => {
      expect(ragAgainstTarget(actual, 58, 'higher is better')).toBe(rag)
    })
  })

  it('takes the indicator’s own tolerance', () => {
    expect(ragAgainstTarget(43, 35, 'lower is better', 0.25)).toBe('amber') // 35 + 8.75
    expect(ragAgainstTarget(43, 35, 'lower is better', 0.2)).toBe('red') // 35 + 7
    expect(ragAgainstTarget(35.1, 35, 'lower is better', 0)).toBe('red') // no tolerance at all
  })

  it('works at a target of zero: only zero is green', () => {
    expect(ragAgainstTarget(0, 0, 'lower is better')).toBe('green')
    expect(ragAgainstTarget(1, 0, 'lower is better')).toBe('red')
  })

  it('gives no rating without an actual, without a target, or with no better direction', () => {
    expect(ragAgainstTarget(null, 450, 'lower is better')).toBeNull()
    expect(ragAgainstTarget(422, null, 'lower is better')).toBeNull()
    expect(ragAgainstTarget(422, 450, 'neither')).toBeNull()
  })
})

describe('ratePer10000', () => {
  it('is the count per 10,000 children, to one decimal place', () => {
    expect(ratePer10000(1200, 28_400)).toBe(422.5)
    expect(ratePer10000(1, 30_000)).toBe(0.3)
    // A half rounds up, though 3 / 40,000 * 100,000 is computed a little short of 7.5.
    expect(ratePer10000(3, 40_000)).toBe(0.8)
    expect(ratePer10000(0, 30_000)).toBe(0)
    expect(ratePer10000(30_000, 30_000)).toBe(10_000)
  })

  it('refuses a population of zero or a negative count', () => {
    expect(() => ratePer10000(5, 0)).toThrow('The population must be more than zero')
    expect(() => ratePer10000(-1, 100)).toThrow('The count cannot be negative')
  })
})

describe('periodsShown', () => {
  const period = (name: string, isBaseline = false) => ({ name, isBaseline })

  it('shows every period when there are no more than the baselines and six others', () => {
    const periods = [period('Baseline April 2023', true), period('October 2023'), period('March 2024')]
    expect(periodsShown(periods)).toEqual(periods)
  })

  it('shows the baselines and the latest six others, in order, of ten years of periods', () => {
    const months = Array.from({ length: 120 }, (_, n) => period(`Month ${n + 1}`))
    const periods = [
      period('Baseline 2013', true),
      ...months.slice(0, 60),
      period('Rebased 2018', true),
      ...months.slice(60),
    ]
    const shown = periodsShown(periods).map((p) => p.name)
    expect(FRAMEWORK_PERIODS_SHOWN).toBe(6)
    expect(shown).toEqual([
      'Baseline 2013',
      'Rebased 2018',
      'Month 115',
      'Month 116',
      'Month 117',
      'Month 118',
      'Month 119',
      'Month 120',
    ])
  })

  it('shows nothing of no periods', () => {
    expect(periodsShown([])).toEqual([])
  })
})
