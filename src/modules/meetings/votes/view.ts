import type { VoteCast } from '../tables.ts'
import type { VoteRecordRow, VoteRow } from './repository.ts'
import { voteOutcome } from './tally.ts'

/** What was put to the vote, as open data and the pages name it. */
export type VoteSubject =
  | { type: 'motion'; motion: number }
  | { type: 'amendment'; motion: number; amendment: number }
  | { type: 'recommendation'; agendaItemId: string; description: string }

export function voteSubject(row: VoteRow): VoteSubject {
  if (row.amendmentId !== null)
    return { type: 'amendment', motion: row.motionPosition!, amendment: row.amendmentPosition! }
  if (row.motionId !== null) return { type: 'motion', motion: row.motionPosition! }
  return { type: 'recommendation', agendaItemId: row.agendaItemId!, description: row.description }
}

/** "Motion 2", "Amendment 1 to motion 2", or the recommendation's own description. */
export function subjectLabel(subject: VoteSubject): string {
  if (subject.type === 'motion') return `Motion ${subject.motion}`
  if (subject.type === 'amendment') return `Amendment ${subject.amendment} to motion ${subject.motion}`
  return subject.description || 'The recommendation'
}

const abstentionsText = (count: number) =>
  count === 0 ? 'no abstentions' : `${count} ${count === 1 ? 'abstention' : 'abstentions'}`

/** "Carried: 6 for, 3 against, 1 abstention". */
export function voteSummary(vote: { votesFor: number; votesAgainst: number; abstentions: number; outcome: string }) {
  const outcome = vote.outcome === 'carried' ? 'Carried' : 'Lost'
  return `${outcome}: ${vote.votesFor} for, ${vote.votesAgainst} against, ${abstentionsText(vote.abstentions)}`
}

const BY_VOTE: { vote: VoteCast; heading: string }[] = [
  { vote: 'for', heading: 'For' },
  { vote: 'against', heading: 'Against' },
  { vote: 'abstain', heading: 'Abstained' },
]

/**
 * A vote as the pages show it: what it was on, the outcome and tallies, the chair's casting vote,
 * and for a recorded vote each member's vote by name. `nameOf` names a person as the minutes do.
 */
export function voteView(
  row: VoteRow,
  records: VoteRecordRow[],
  nameOf: (personId: string) => string,
  chair: string | null,
) {
  const subject = voteSubject(row)
  const outcome = voteOutcome(row)
  const members = records
    .filter((record) => record.voteId === row.id)
    .map((record) => ({ personId: record.personId, name: nameOf(record.personId), vote: record.vote }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return {
    ...row,
    subject,
    label: subjectLabel(subject),
    outcome,
    summary: voteSummary({ ...row, outcome }),
    chair,
    members,
    byVote: row.recorded
      ? BY_VOTE.map(({ vote, heading }) => ({
          heading,
          names: members.filter((member) => member.vote === vote).map((member) => member.name),
        })).filter((group) => group.names.length > 0)
      : [],
  }
}

export type VoteView = ReturnType<typeof voteView>
