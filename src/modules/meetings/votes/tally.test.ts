import { describe, expect, it } from 'vitest'
import type { AttendanceCapacity, AttendanceStatus } from '../tables.ts'
import {
  type Attendee,
  EDUCATION_ONLY_NOTE,
  type VoteTally,
  checkVote,
  voteOutcome,
  votingRightsOn,
  whoMayVote,
} from './tally.ts'

const row = (
  personId: string,
  capacity: AttendanceCapacity,
  status: AttendanceStatus,
  extra: Partial<Attendee> = {},
): Attendee => ({
  personId,
  name: `Cllr ${personId}`,
  capacity,
  status,
  substituteForId: null,
  chaired: false,
  ...extra,
})

const attendance = [
  row('chair', 'member', 'present', { chaired: true }),
  row('member', 'member', 'present'),
  row('remote', 'member', 'present remotely'),
  row('replaced', 'member', 'apologies'),
  row('sub', 'substitute', 'present', { substituteForId: 'replaced' }),
  row('sorry', 'member', 'apologies'),
  row('absent', 'member', 'absent'),
  row('expected', 'member', 'expected'),
  row('coopted-all', 'co-opted member', 'present'),
  row('coopted-none', 'co-opted member', 'present'),
  row('coopted-education', 'co-opted member', 'present'),
  row('coopted-unlisted', 'co-opted member', 'present'),
  row('cabinet', 'cabinet member', 'in attendance'),
  row('officer', 'officer', 'present'),
  row('guest', 'other', 'in attendance'),
  row('member-in-attendance', 'member', 'in attendance'),
]
const rights = votingRightsOn(
  [
    { personId: 'coopted-all', votingRights: 'all matters', startsOn: '2023-05-18', endsOn: null },
    { personId: 'coopted-none', votingRights: 'none', startsOn: null, endsOn: null },
    { personId: 'coopted-education', votingRights: 'education matters only', startsOn: null, endsOn: '2024-12-31' },
    // Ended before the meeting, and not yet begun: neither gives a vote on the day.
    { personId: 'coopted-unlisted', votingRights: 'all matters', startsOn: null, endsOn: '2023-01-01' },
    { personId: 'coopted-unlisted', votingRights: 'all matters', startsOn: '2025-01-01', endsOn: null },
  ],
  '2024-01-25',
)
const voters = whoMayVote(attendance, rights)
const voter = (personId: string) => voters.find((v) => v.personId === personId)!

describe('whoMayVote', () => {
  it.each([
    ['chair', null],
    ['member', null],
    ['sub', null],
    ['coopted-all', null],
    ['coopted-education', null],
    ['remote', 'attended remotely and cannot vote'],
    ['replaced', 'sent apologies and was replaced by Cllr sub, who votes instead'],
    ['sorry', 'sent apologies'],
    ['absent', 'was absent'],
    ['expected', 'is not recorded as present'],
    ['coopted-none', 'is a co-opted member without voting rights'],
    ['coopted-unlisted', 'is a co-opted member without voting rights'],
    ['cabinet', 'attended as a cabinet member and cannot vote'],
    ['officer', 'attended as an officer and cannot vote'],
    ['guest', 'was not attending as a voting member'],
    ['member-in-attendance', 'was in attendance, not as a voting member'],
  ])('%s: %s', (personId, reason) => {
    expect(voter(personId).entitled).toBe(reason === null)
    expect(voter(personId).reason).toBe(reason)
  })

  it('counts a co-optee who votes on education matters only, with a note for the officer', () => {
    expect(voter('coopted-education').note).toBe(EDUCATION_ONLY_NOTE)
    expect(voter('coopted-all').note).toBeNull()
  })

  it('counts someone recorded only by name when they are a member present in the room', () => {
    const [unmatched] = whoMayVote([{ ...row('x', 'member', 'present'), personId: null }], new Map())
    expect(unmatched.entitled).toBe(true)
  })
})

const tally = (fields: Partial<VoteTally>): VoteTally => ({
  votesFor: 0,
  votesAgainst: 0,
  abstentions: 0,
  recorded: false,
  named: [],
  castingVote: null,
  ...fields,
})

describe('checkVote', () => {
  // chair, member, sub, coopted-all, coopted-education
  it('accepts a vote of everyone entitled', () => {
    expect(checkVote(tally({ votesFor: 3, votesAgainst: 1, abstentions: 1 }), voters)).toEqual([])
  })

  it('refuses more votes than members who may vote', () => {
    expect(checkVote(tally({ votesFor: 4, votesAgainst: 2 }), voters)).toEqual([
      {
        field: 'votesFor',
        message: 'Votes for, against and abstentions add up to 6, but only 5 members present may vote',
      },
    ])
    const one = whoMayVote([row('a', 'member', 'present')], new Map())
    expect(checkVote(tally({ votesFor: 2 }), one)[0].message).toContain('only 1 member present')
  })

  it('refuses named votes from those who may not vote, naming them and why', () => {
    const issues = checkVote(
      tally({
        recorded: true,
        votesFor: 3,
        named: [
          { personId: 'coopted-none', vote: 'for' },
          { personId: 'remote', vote: 'for' },
          { personId: 'nobody', vote: 'for' },
        ],
      }),
      voters,
    )
    expect(issues).toEqual([
      { field: 'vote-coopted-none', message: 'Cllr coopted-none is a co-opted member without voting rights' },
      { field: 'vote-remote', message: 'Cllr remote attended remotely and cannot vote' },
      { field: 'vote-nobody', message: 'Only people at the meeting can vote' },
    ])
  })

  it('requires each tally to match the named votes', () => {
    const named = [
      { personId: 'chair', vote: 'for' as const },
      { personId: 'member', vote: 'against' as const },
      { personId: 'sub', vote: 'abstain' as const },
    ]
    expect(checkVote(tally({ recorded: true, named, votesFor: 1, votesAgainst: 1, abstentions: 1 }), voters)).toEqual(
      [],
    )
    expect(checkVote(tally({ recorded: true, named, votesFor: 4, votesAgainst: 0, abstentions: 0 }), voters)).toEqual([
      { field: 'votesFor', message: 'Votes for must match the 1 member named as voting for' },
      { field: 'votesAgainst', message: 'Votes against must match the 1 member named as voting against' },
      { field: 'abstentions', message: 'Abstentions must match the 1 member named as abstaining' },
    ])
  })

  it('ignores named votes when the vote was not recorded by name', () => {
    expect(checkVote(tally({ votesFor: 1, named: [{ personId: 'remote', vote: 'for' }] }), voters)).toEqual([])
  })

  it('takes a casting vote only on a tie, from a chair who may vote', () => {
    expect(checkVote(tally({ votesFor: 2, votesAgainst: 2, castingVote: 'for' }), voters)).toEqual([])
    expect(checkVote(tally({ votesFor: 2, votesAgainst: 1, castingVote: 'for' }), voters)).toEqual([
      {
        field: 'castingVote',
        message: 'The chair can only give a casting vote when the votes for and against are equal',
      },
    ])
    const chairless = voters.map((v) => ({ ...v, chaired: false }))
    expect(checkVote(tally({ votesFor: 1, votesAgainst: 1, castingVote: 'against' }), chairless)).toEqual([
      { field: 'castingVote', message: 'Record who chaired the meeting in the attendance before their casting vote' },
    ])
    const remoteChair = whoMayVote(
      [row('c', 'member', 'present remotely', { chaired: true }), row('a', 'member', 'present')],
      new Map(),
    )
    expect(checkVote(tally({ castingVote: 'against' }), remoteChair)).toEqual([
      { field: 'castingVote', message: 'The chair, Cllr c, attended remotely and cannot vote' },
    ])
  })
})

describe('voteOutcome', () => {
  it.each([
    [6, 3, null, 'carried'],
    [3, 6, null, 'lost'],
    [4, 4, 'for', 'carried'],
    [4, 4, 'against', 'lost'],
    [4, 4, null, 'lost'],
    [0, 0, null, 'lost'],
  ] as const)('%i for, %i against, casting vote %s: %s', (votesFor, votesAgainst, castingVote, outcome) => {
    expect(voteOutcome({ votesFor, votesAgainst, castingVote })).toBe(outcome)
  })
})
