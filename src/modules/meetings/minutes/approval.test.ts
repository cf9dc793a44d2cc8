import { describe, expect, it } from 'vitest'
import { type MeetingFacts, approvalProblem, likelyApprovalItem, possibleApprovingMeetings } from './approval.ts'

const minutesOf: MeetingFacts = { bodyId: 'scrutiny', date: '2023-09-21', status: 'held' }
const today = '2024-01-22'

describe('approvalProblem', () => {
  it.each<[string, Partial<MeetingFacts>, string | null]>([
    ['a later held meeting of the same body', { date: '2023-11-09' }, null],
    ['a later meeting still marked scheduled once it has happened', { date: '2024-01-22', status: 'scheduled' }, null],
    [
      'a meeting of another body',
      { bodyId: 'executive', date: '2023-11-09' },
      'The minutes can only be approved at a meeting of the same body',
    ],
    ['the same meeting', { date: '2023-09-21' }, 'The minutes can only be approved at a later meeting'],
    ['an earlier meeting', { date: '2023-06-22' }, 'The minutes can only be approved at a later meeting'],
    [
      'a cancelled meeting',
      { date: '2023-11-09', status: 'cancelled' },
      'The meeting was cancelled, so it cannot have approved the minutes',
    ],
    [
      'a postponed meeting',
      { date: '2023-11-09', status: 'postponed' },
      'The meeting was postponed, so it cannot have approved the minutes',
    ],
    [
      'a meeting that has not happened yet',
      { date: '2024-01-25', status: 'scheduled' },
      'The meeting has not taken place yet',
    ],
  ])('%s', (_name, change, expected) => {
    const approvingAt: MeetingFacts = { bodyId: 'scrutiny', date: '2023-11-09', status: 'held', ...change }
    expect(approvalProblem(minutesOf, approvingAt, today)).toBe(expected)
  })
})

describe('possibleApprovingMeetings', () => {
  it('keeps later meetings of the same body that have taken place, soonest first', () => {
    const meetings = [
      { id: 'jan', bodyId: 'scrutiny', date: '2024-01-11', status: 'held' as const },
      { id: 'nov', bodyId: 'scrutiny', date: '2023-11-09', status: 'held' as const },
      { id: 'june', bodyId: 'scrutiny', date: '2023-06-22', status: 'held' as const },
      { id: 'march', bodyId: 'scrutiny', date: '2024-03-27', status: 'scheduled' as const },
      { id: 'exec', bodyId: 'executive', date: '2023-12-01', status: 'held' as const },
    ]
    expect(possibleApprovingMeetings(minutesOf, meetings, today).map((m) => m.id)).toEqual(['nov', 'jan'])
  })
})

describe('likelyApprovalItem', () => {
  const item = (title: string) => ({ title })

  it('picks the minutes item of the soonest meeting', () => {
    const choices = [
      { items: [item('Declarations of interest'), item('Minutes of the last meeting held on 21 September 2023')] },
      { items: [item('Minutes of the last meeting held on 9 November 2023')] },
    ]
    expect(likelyApprovalItem(choices)?.title).toBe('Minutes of the last meeting held on 21 September 2023')
  })

  it('picks nothing when the soonest meeting has no minutes item, or there is no meeting', () => {
    expect(likelyApprovalItem([{ items: [item('Public speaking'), item('Draft minutes policy')] }])).toBeUndefined()
    expect(likelyApprovalItem([])).toBeUndefined()
  })
})
