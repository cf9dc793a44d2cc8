import { describe, expect, it } from 'vitest'
import { directionOfTravel, ragAgainstTarget, ratePer10000 } from './rules.ts'

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

describe('directionOfTravel', () => {
  it('is improving when a lower-is-better figure falls, worsening when it rises', () => {
    expect(directionOfTravel(422, 478, 'lower is better')).toEqual({ direction: 'improving', delta: -56 })
    expect(directionOfTravel(43, 39, 'lower is better')).toEqual({ direction: 'worsening', delta: 4 })
  })

  it('is improving when a higher-is-better figure rises, worsening when it falls', () => {
    expect(directionOfTravel(68, 66, 'higher is better')).toEqual({ direction: 'improving', delta: 2 })
    expect(directionOfTravel(51, 56, 'higher is better')).toEqual({ direction: 'worsening', delta: -5 })
  })

  it('is no change when equal, and only "changed" for an indicator with no better direction', () => {
    expect(directionOfTravel(16, 16, 'higher is better')).toEqual({ direction: 'no change', delta: 0 })
    expect(directionOfTravel(16, 16, 'lower is better')).toEqual({ direction: 'no change', delta: 0 })
    expect(directionOfTravel(16, 12, 'neither')).toEqual({ direction: 'changed', delta: 4 })
  })

  it('has no direction without both figures', () => {
    expect(directionOfTravel(422, null, 'lower is better')).toBeNull()
    expect(directionOfTravel(null, 478, 'lower is better')).toBeNull()
  })
})

describe('ratePer10000', () => {
  it('is the count per 10,000 children, to one decimal place', () => {
    expect(ratePer10000(1200, 28_400)).toBe(422.5)
    expect(ratePer10000(1, 30_000)).toBe(0.3)
    expect(ratePer10000(0, 30_000)).toBe(0)
    expect(ratePer10000(30_000, 30_000)).toBe(10_000)
  })

  it('refuses a population of zero or a negative count', () => {
    expect(() => ratePer10000(5, 0)).toThrow('The population must be more than zero')
    expect(() => ratePer10000(-1, 100)).toThrow('The count cannot be negative')
  })
})
