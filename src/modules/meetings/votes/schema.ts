import { z } from 'zod'
import { checkbox, isWholeNumber, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import type { VoteCast } from '../tables.ts'
import { type Attendee, type Voter, checkVote, voteField } from './tally.ts'

/** The most votes of one kind the record holds (the table's limit). */
const MAX_VOTES = 10_000

/** What the form may say of each person: how they voted, or that they did not. */
export const PERSON_VOTES = ['for', 'against', 'abstain', 'none'] as const
export const CASTING_VOTES = ['for', 'against'] as const

const count = (label: string, example: string) =>
  z
    .string({ error: `Enter the number of ${label}` })
    .trim()
    .min(1, `Enter the number of ${label}`)
    .refine(
      (value) => isWholeNumber(value) && Number(value.replace(/,/g, '')) <= MAX_VOTES,
      `The number of ${label} must be a whole number, like ${example}`,
    )
    .transform((value) => Number(value.replace(/,/g, '')))

const DESCRIPTION = 'Enter what was put to the vote, for example Recommendation 2'

/** The form fields every vote has; a person's vote is `vote-<their id>`. */
const voteFields = {
  votesFor: count('votes for', '6'),
  votesAgainst: count('votes against', '3'),
  abstentions: count('abstentions', '0'),
  recorded: checkbox,
  castingVote: z
    .union([z.literal(''), z.enum(CASTING_VOTES)], { error: 'Select the casting vote' })
    .optional()
    .transform((value) => value || null),
}

const personVote = (value: unknown): VoteCast | null =>
  value === 'for' || value === 'against' || value === 'abstain' ? value : null

/**
 * The form that records a vote at a meeting, given who attended it and who of them may vote
 * (whoMayVote): the tallies, each attendee's vote when the vote was recorded by name, and the
 * chair's casting vote, checked together (checkVote) so that every error shows at once. A
 * recommendation's vote also says which recommendation it was.
 */
export function voteSchema(voters: Voter[], subject: 'motion' | 'amendment' | 'recommendation') {
  const named = voters.filter((voter): voter is Voter & { personId: string } => voter.personId !== null)
  return z
    .looseObject({
      ...voteFields,
      description: subject === 'recommendation' ? requiredText(DESCRIPTION, 500) : optionalText(500),
    })
    .transform((form) => ({
      description: subject === 'recommendation' ? form.description : '',
      votesFor: form.votesFor,
      votesAgainst: form.votesAgainst,
      abstentions: form.abstentions,
      recorded: form.recorded,
      castingVote: form.castingVote,
      // Not recorded by name: whatever the radios say is not part of the record.
      named: form.recorded
        ? named.flatMap((voter) => {
            const vote = personVote(form[voteField(voter.personId)])
            return vote ? [{ personId: voter.personId, vote }] : []
          })
        : [],
    }))
    .superRefine((vote, ctx) => {
      for (const issue of checkVote(vote, voters))
        ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message })
    })
}

export type VoteInput = z.output<ReturnType<typeof voteSchema>>

/** The order of the form's fields, for the error summary. */
export function voteFieldOrder(attendance: Attendee[]) {
  return [
    'description',
    'votesFor',
    'votesAgainst',
    'abstentions',
    'recorded',
    ...attendance.flatMap((row) => (row.personId ? [voteField(row.personId)] : [])),
    'castingVote',
  ]
}
