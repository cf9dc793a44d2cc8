import { describe, expect, it } from 'vitest'
import { actionRag, countByRag, coverage, isStale, milestoneMatches, milestoneRag, statusOn } from './rules.ts'

const TODAY = '2024-01-22'
const open = (dueOn: string | null) => ({ status: 'in progress' as const, dueOn })

describe('milestoneRag on 22 January 2024', () => {
  it.each([
    ['complete, even past its due date', { status: 'complete', dueOn: '2023-01-01' }, null, 'complete'],
    ['dropped, even past its due date', { status: 'dropped', dueOn: '2023-01-01' }, null, 'dropped'],
    ['overdue by a day, updated today', open('2024-01-21'), TODAY, 'red'],
    ['not started, overdue, never updated', { status: 'not started', dueOn: '2023-11-30' }, null, 'red'],
    ['delayed, overdue, updated last week', { status: 'delayed', dueOn: '2023-11-30' }, '2024-01-16', 'red'],
    ['due today, updated today', open(TODAY), TODAY, 'green'],
    ['due today, never updated', open(TODAY), null, 'amber'],
    ['due in 30 days, never updated', open('2024-02-21'), null, 'amber'],
    ['due in 31 days, never updated', open('2024-02-22'), null, 'green'],
    ['due in 10 days, last updated 60 days ago', open('2024-02-01'), '2023-11-23', 'amber'],
    ['due in 10 days, last updated 59 days ago', open('2024-02-01'), '2023-11-24', 'green'],
    ['no due date, never updated', open(null), null, 'green'],
  ] as const)('%s → %s', (_case, milestone, lastUpdatedOn, expected) => {
    expect(milestoneRag(milestone, lastUpdatedOn, TODAY)).toBe(expected)
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

describe('milestoneMatches', () => {
  const action = {
    themeId: 'theme-4',
    leads: [{ name: 'Head of Early Help' }, { name: 'Director of Children’s Services' }],
  }
  const red = { rag: 'red' as const, stale: true }
  it('matches every milestone when no filter is given', () => {
    expect(milestoneMatches(red, action, {})).toBe(true)
  })
  it('needs every filter given to hold', () => {
    expect(
      milestoneMatches(red, action, { rag: 'red', themeId: 'theme-4', lead: 'Head of Early Help', stale: true }),
    ).toBe(true)
    expect(milestoneMatches(red, action, { rag: 'amber' })).toBe(false)
    expect(milestoneMatches(red, action, { themeId: 'theme-1' })).toBe(false)
    expect(milestoneMatches(red, action, { lead: 'Head of Education' })).toBe(false)
    expect(milestoneMatches({ ...red, stale: false }, action, { stale: true })).toBe(false)
  })
  it('matches a lead by any of the action’s leads, by the whole name', () => {
    expect(milestoneMatches(red, action, { lead: 'Director of Children’s Services' })).toBe(true)
    expect(milestoneMatches(red, action, { lead: 'Director' })).toBe(false)
  })
})

describe('statusOn: a milestone’s status on a past day', () => {
  // Latest first, as stored: started on 1 November, delayed on 12 January, an update without a change between.
  const updates = [
    { onDate: '2024-01-12', statusFrom: 'in progress' as const },
    { onDate: '2023-12-01', statusFrom: null },
    { onDate: '2023-11-01', statusFrom: 'not started' as const },
  ]
  it.each([
    ['after the last change: as now', '2024-01-22', 'delayed'],
    ['on the day of a change: as changed', '2024-01-12', 'delayed'],
    ['between the changes: what the next change changed it from', '2023-12-31', 'in progress'],
    ['before any change: what the first changed it from', '2023-10-01', 'not started'],
  ])('%s', (_, on, expected) => {
    expect(statusOn('delayed', updates, on)).toBe(expected)
  })
})
