import { describe, expect, it } from 'vitest'
import { type RagFacts, computedRag, isOverdue, ragOf } from './rag.ts'

const TODAY = '2024-01-22'
const open = (facts: Partial<RagFacts>): RagFacts => ({
  status: 'open',
  targetDate: null,
  targetMonth: null,
  latestUpdateOn: null,
  ragOverride: null,
  ...facts,
})

describe('computedRag on 22 January 2024', () => {
  it.each([
    ['complete, even past its target', { status: 'complete' as const, targetDate: '2023-12-31' }, 'complete'],
    ['withdrawn', { status: 'withdrawn' as const, targetDate: '2023-12-31' }, 'withdrawn'],
    ['no target date', { targetDate: null }, 'target date needed'],
    ['no target date, updated today', { targetDate: null, latestUpdateOn: TODAY }, 'target date needed'],
    ['target yesterday, updated today', { targetDate: '2024-01-21', latestUpdateOn: TODAY }, 'red'],
    ['target long past', { targetDate: '2023-12-31' }, 'red'],
    ['due today, no update', { targetDate: TODAY }, 'amber'],
    ['due today, updated today', { targetDate: TODAY, latestUpdateOn: TODAY }, 'green'],
    ['due in 28 days, no update', { targetDate: '2024-02-19' }, 'amber'],
    ['due in 29 days, no update', { targetDate: '2024-02-20' }, 'green'],
    ['due in 28 days, updated 28 days ago', { targetDate: '2024-02-19', latestUpdateOn: '2023-12-25' }, 'green'],
    ['due in 28 days, updated 29 days ago', { targetDate: '2024-02-19', latestUpdateOn: '2023-12-24' }, 'amber'],
    ['due in 9 days, last updated in July', { targetDate: '2024-01-31', latestUpdateOn: '2023-07-18' }, 'amber'],
    ['due in months, never updated', { targetDate: '2024-07-31' }, 'green'],
    ['target December 2023, updated today', { targetMonth: '2023-12', latestUpdateOn: TODAY }, 'red'],
    ['target January 2024 (due on the 31st), no update', { targetMonth: '2024-01' }, 'amber'],
    ['target January 2024, updated today', { targetMonth: '2024-01', latestUpdateOn: TODAY }, 'green'],
    ['target February 2024 (due in 38 days), no update', { targetMonth: '2024-02' }, 'green'],
  ])('%s → %s', (_case, facts, expected) => {
    expect(computedRag(open(facts), TODAY)).toBe(expected)
  })

  it('counts calendar days across the clocks going forward', () => {
    // 31 March 2024 is when British Summer Time starts; 28 days before 28 April is 31 March.
    expect(computedRag(open({ targetDate: '2024-04-28' }), '2024-03-31')).toBe('amber')
    expect(computedRag(open({ targetDate: '2024-04-29' }), '2024-03-31')).toBe('green')
  })
})

describe('ragOf', () => {
  it('lets a scrutiny officer’s override win while open, keeping the computed rating beside it', () => {
    expect(ragOf(open({ targetDate: '2023-12-31', ragOverride: 'amber' }), TODAY)).toEqual({
      rag: 'amber',
      computed: 'red',
      overridden: true,
    })
    expect(ragOf(open({ targetDate: null, ragOverride: 'green' }), TODAY).rag).toBe('green')
  })

  it('ignores an override once the recommendation is closed', () => {
    expect(ragOf(open({ status: 'complete', ragOverride: 'red' }), TODAY)).toEqual({
      rag: 'complete',
      computed: 'complete',
      overridden: false,
    })
  })

  it('gives the computed rating when there is no override', () => {
    expect(ragOf(open({ targetDate: '2024-09-30' }), TODAY)).toEqual({
      rag: 'green',
      computed: 'green',
      overridden: false,
    })
  })
})

describe('isOverdue', () => {
  it.each([
    [{ status: 'open' as const, targetDate: '2024-01-21' }, true],
    [{ status: 'open' as const, targetDate: TODAY }, false],
    [{ status: 'open' as const, targetDate: null }, false],
    [{ status: 'complete' as const, targetDate: '2023-12-31' }, false],
    [{ status: 'withdrawn' as const, targetDate: '2023-12-31' }, false],
    [{ status: 'open' as const, targetMonth: '2023-12' }, true],
    [{ status: 'open' as const, targetMonth: '2024-01' }, false],
    [{ status: 'complete' as const, targetMonth: '2023-12' }, false],
  ])('%o → %s', (facts, expected) => {
    expect(isOverdue({ targetDate: null, targetMonth: null, ...facts }, TODAY)).toBe(expected)
  })
})
