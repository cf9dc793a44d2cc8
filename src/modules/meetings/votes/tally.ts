import type { VotingRights } from '#src/modules/bodies/index.ts'
import type { AttendanceCapacity, AttendanceStatus, VoteCast } from '../tables.ts'

/** Someone in the meeting's attendance, named as the minutes name them. */
export interface Attendee {
  personId: string | null
  name: string
  capacity: AttendanceCapacity
  status: AttendanceStatus
  substituteForId: string | null
  chaired: boolean
}

/** An attendee with whether they may vote at the meeting, and why not when they may not. */
export interface Voter extends Attendee {
  entitled: boolean
  /** Why they may not vote, to follow their name: "attended remotely and cannot vote". */
  reason: string | null
  /** Something the officer should weigh before recording their vote; null when nothing. */
  note: string | null
}

export const EDUCATION_ONLY_NOTE = 'May vote only on education matters: record their vote only if this is one'

const NOT_A_VOTING_CAPACITY: Partial<Record<AttendanceCapacity, string>> = {
  'cabinet member': 'attended as a cabinet member and cannot vote',
  officer: 'attended as an officer and cannot vote',
  other: 'was not attending as a voting member',
}

/** Each person's voting rights on the body on `date`, from memberships that had started and not ended. */
export function votingRightsOn(
  memberships: {
    personId: string
    votingRights: VotingRights | null
    startsOn: string | null
    endsOn: string | null
  }[],
  date: string,
): Map<string, VotingRights | null> {
  const rights = new Map<string, VotingRights | null>()
  for (const membership of memberships) {
    if ((membership.startsOn && membership.startsOn > date) || (membership.endsOn && membership.endsOn < date)) continue
    rights.set(membership.personId, membership.votingRights)
  }
  return rights
}

/**
 * Who may vote at the meeting, from its attendance: a member or substitute present in the room may;
 * someone present remotely may not (not counted in the quorum); a member with apologies whom a
 * substitute replaced may not, the substitute voting in their place; officers, cabinet members in
 * attendance and others may not; a co-opted member votes as their membership of the body allows.
 *
 * A co-optee who votes "on education matters only" counts as entitled, with a note: whether a matter
 * is an education matter is the officer's judgement of that item, which the record does not hold, so
 * the form tells the officer to record their vote only when it is one rather than guessing for them.
 */
export function whoMayVote<T extends Attendee>(attendance: T[], rights: Map<string, VotingRights | null>) {
  return attendance.map((row): T & Voter => {
    const refused = (reason: string) => ({ ...row, entitled: false, reason, note: null })
    if (row.status === 'apologies') {
      const substitute = attendance.find((other) => row.personId !== null && other.substituteForId === row.personId)
      return refused(
        substitute ? `sent apologies and was replaced by ${substitute.name}, who votes instead` : 'sent apologies',
      )
    }
    if (row.status === 'absent') return refused('was absent')
    if (row.status === 'expected') return refused('is not recorded as present')
    if (row.status === 'present remotely') return refused('attended remotely and cannot vote')
    const notVoting = NOT_A_VOTING_CAPACITY[row.capacity]
    if (notVoting) return refused(notVoting)
    if (row.status === 'in attendance') return refused('was in attendance, not as a voting member')
    if (row.capacity === 'co-opted member') {
      const own = row.personId === null ? null : (rights.get(row.personId) ?? null)
      if (own === 'education matters only') return { ...row, entitled: true, reason: null, note: EDUCATION_ONLY_NOTE }
      if (own !== 'all matters') return refused('is a co-opted member without voting rights')
    }
    return { ...row, entitled: true, reason: null, note: null }
  })
}

/** A vote as the form records it: the tallies, each named member's vote when recorded, the casting vote. */
export interface VoteTally {
  votesFor: number
  votesAgainst: number
  abstentions: number
  recorded: boolean
  named: { personId: string; vote: VoteCast }[]
  castingVote: 'for' | 'against' | null
}

export interface TallyIssue {
  /** The form field the message goes next to. */
  field: string
  message: string
}

/** The field of a person's vote on the form. */
export const voteField = (personId: string) => `vote-${personId}`

const members = (count: number) => `${count} ${count === 1 ? 'member' : 'members'}`

const TALLIES = [
  { field: 'votesFor', vote: 'for', label: 'Votes for', as: 'voting for' },
  { field: 'votesAgainst', vote: 'against', label: 'Votes against', as: 'voting against' },
  { field: 'abstentions', vote: 'abstain', label: 'Abstentions', as: 'abstaining' },
] as const

/**
 * What is wrong with a vote, given who may vote at the meeting: more votes than members who may
 * vote; a named vote from someone who may not; tallies that differ from the named votes; a casting
 * vote other than the chair's on a tie. Empty when nothing is.
 */
export function checkVote(tally: VoteTally, voters: Voter[]): TallyIssue[] {
  const issues: TallyIssue[] = []
  const entitled = voters.filter((voter) => voter.entitled).length
  const cast = tally.votesFor + tally.votesAgainst + tally.abstentions
  if (cast > entitled) {
    issues.push({
      field: 'votesFor',
      message: `Votes for, against and abstentions add up to ${cast}, but only ${members(entitled)} present may vote`,
    })
  }
  if (tally.recorded) {
    for (const named of tally.named) {
      const voter = voters.find((candidate) => candidate.personId === named.personId)
      if (!voter) issues.push({ field: voteField(named.personId), message: 'Only people at the meeting can vote' })
      else if (!voter.entitled)
        issues.push({ field: voteField(named.personId), message: `${voter.name} ${voter.reason}` })
    }
    for (const { field, vote, label, as } of TALLIES) {
      const count = tally.named.filter((named) => named.vote === vote).length
      if (tally[field] !== count)
        issues.push({ field, message: `${label} must match the ${members(count)} named as ${as}` })
    }
  }
  if (tally.castingVote) issues.push(...castingVoteIssues(tally, voters))
  return issues
}

function castingVoteIssues(tally: VoteTally, voters: Voter[]): TallyIssue[] {
  const field = 'castingVote'
  if (tally.votesFor !== tally.votesAgainst) {
    return [{ field, message: 'The chair can only give a casting vote when the votes for and against are equal' }]
  }
  const chair = voters.find((voter) => voter.chaired)
  if (!chair) return [{ field, message: 'Record who chaired the meeting in the attendance before their casting vote' }]
  if (!chair.entitled) return [{ field, message: `The chair, ${chair.name}, ${chair.reason}` }]
  return []
}

export type VoteOutcome = 'carried' | 'lost'

/** Carried when more voted for than against, or the chair's casting vote was for on a tie; lost otherwise. */
export function voteOutcome(tally: Pick<VoteTally, 'votesFor' | 'votesAgainst' | 'castingVote'>): VoteOutcome {
  if (tally.votesFor > tally.votesAgainst) return 'carried'
  return tally.votesFor === tally.votesAgainst && tally.castingVote === 'for' ? 'carried' : 'lost'
}
