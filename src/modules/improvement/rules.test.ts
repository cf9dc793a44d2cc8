import { describe, expect, it } from 'vitest'
import { actionRag, countByRag, coverage, isStale, milestoneRag } from './rules.ts'

const TODAY = '2024-01-22'
const open = (dueOn: string | null) => ({ status: 'in progress' as const, dueOn })

describe('milestoneRag', () => {
  it('is complete when complete, and dropped when dropped, whatever the dates', () => {
    expect(milestoneRag({ status: 'complete', dueOn: '2023-01-01' }, null, TODAY)).toBe('complete')
    expect(milestoneRag({ status: 'dropped', dueOn: '2023-01-01' }, null, TODAY)).toBe('dropped')
  })

  it('is red the day after its due date, not on it', () => {
    expect(milestoneRag(open('2024-01-21'), TODAY, TODAY)).toBe('red')
    expect(milestoneRag(open('2024-01-22'), TODAY, TODAY)).toBe('green') // due today, updated today
    expect(milestoneRag({ status: 'not started', dueOn: '2023-11-30' }, null, TODAY)).toBe('red')
    expect(milestoneRag({ status: 'delayed', dueOn: '2023-11-30' }, '2024-01-16', TODAY)).toBe('red')
  })

  it('is amber when due within 30 days and not updated for 60 days', () => {
    expect(milestoneRag(open('2024-02-21'), null, TODAY)).toBe('amber') // due in 30 days, never updated
    expect(milestoneRag(open('2024-02-22'), null, TODAY)).toBe('green') // due in 31 days
    expect(milestoneRag(open('2024-02-01'), '2023-11-23', TODAY)).toBe('amber') // last update 60 days ago
    expect(milestoneRag(open('2024-02-01'), '2023-11-24', TODAY)).toBe('green') // 59 days ago
  })

  it('is green with no due date', () => {
    expect(milestoneRag(open(null), null, TODAY)).toBe('green')
  })
})

describe('isStale', () => {
  it('is stale with no update since the last meeting that considered the plan', () => {
    expect(isStale(open('2024-03-31'), '2023-09-20', '2023-09-21')).toBe(true)
    expect(isStale(open('2024-03-31'), null, '2023-09-21')).toBe(true)
    expect(isStale(open('2024-03-31'), '2023-09-21', '2023-09-21')).toBe(false) // updated on the day
  })

  it('is never stale when complete or dropped, or before the plan was first considered', () => {
    expect(isStale({ status: 'complete' }, null, '2023-09-21')).toBe(false)
    expect(isStale({ status: 'dropped' }, null, '2023-09-21')).toBe(false)
    expect(isStale(open('2024-03-31'), null, null)).toBe(false)
  })
})

describe('actionRag and countByRag', () => {
  it('rolls an action up to its worst milestone, setting dropped ones aside', () => {
    expect(actionRag(['complete', 'green', 'amber'])).toBe('amber')
    expect(actionRag(['complete', 'red', 'green'])).toBe('red')
    expect(actionRag(['complete', 'complete'])).toBe('complete')
    expect(actionRag(['complete', 'dropped'])).toBe('complete')
    expect(actionRag(['dropped'])).toBe('no milestones')
    expect(actionRag([])).toBe('no milestones')
  })

  it('counts milestones by RAG', () => {
    expect(countByRag(['red', 'red', 'green', 'complete', 'dropped'])).toEqual({
      red: 2,
      amber: 0,
      green: 1,
      complete: 1,
      dropped: 1,
    })
  })
})

describe('coverage', () => {
  it('lists findings no action answers, actions with no milestone and open milestones with no due date', () => {
    const findings = [{ id: 'f1' }, { id: 'f2' }, { id: 'f3' }]
    const actions = [
      { id: 'a1', findingIds: ['f1'], milestoneCount: 2 },
      { id: 'a2', findingIds: ['f1', 'f3'], milestoneCount: 0 },
    ]
    const milestones = [
      { dueOn: null, dueNote: 'Ongoing', status: 'in progress' as const },
      { dueOn: null, dueNote: '', status: 'complete' as const },
      { dueOn: '2024-03-31', dueNote: '', status: 'not started' as const },
    ]
    const result = coverage(findings, actions, milestones)
    expect(result.findingsWithoutAction.map((f) => f.id)).toEqual(['f2'])
    expect(result.actionsWithoutMilestone.map((a) => a.id)).toEqual(['a2'])
    expect(result.milestonesWithoutDueDate).toEqual([milestones[0]])
  })
})
