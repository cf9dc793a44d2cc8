import { z } from 'zod'
import { apiId } from '#src/platform/http/api-schemas.ts'
import { CASTING_VOTES } from './schema.ts'
import type { VoteView } from './view.ts'

const position = z.int().min(1)

/** A vote in the open data of its meeting (and, nested, of its motion or amendment). */
export const voteApiSchema = z
  .strictObject({
    position: position.describe('The order it was taken in at the meeting, from 1'),
    subject: z
      .discriminatedUnion('type', [
        z.strictObject({ type: z.literal('motion'), motion: position.describe('The motion’s position') }),
        z.strictObject({
          type: z.literal('amendment'),
          motion: position.describe('The motion’s position'),
          amendment: position.describe('The amendment’s position on its motion'),
        }),
        z.strictObject({
          type: z.literal('recommendation'),
          agendaItem: apiId.describe('The agenda item whose recommendation it was'),
          description: z.string().meta({ examples: ['Recommendation 2'] }),
        }),
      ])
      .describe('What was put to the vote'),
    for: z.int().min(0),
    against: z.int().min(0),
    abstentions: z.int().min(0),
    castingVote: z.enum(CASTING_VOTES).nullable().describe('The chair’s casting vote on a tie; null when none'),
    outcome: z.enum(['carried', 'lost']),
    recorded: z.boolean().describe('Each member’s vote was recorded by name'),
    members: z
      .array(
        z.strictObject({
          id: apiId.describe('The person'),
          name: z.string(),
          vote: z.enum(['for', 'against', 'abstain']),
        }),
      )
      .describe('How each member voted, when the vote was recorded; empty otherwise'),
  })
  .meta({ id: 'Vote' })

/** The vote as open data. */
export function voteApi(vote: VoteView): z.output<typeof voteApiSchema> {
  const { subject } = vote
  return {
    position: vote.position,
    subject:
      subject.type === 'recommendation'
        ? { type: 'recommendation', agendaItem: subject.agendaItemId, description: subject.description }
        : subject,
    for: vote.votesFor,
    against: vote.votesAgainst,
    abstentions: vote.abstentions,
    castingVote: vote.castingVote,
    outcome: vote.outcome,
    recorded: vote.recorded,
    members: vote.members.map((member) => ({ id: member.personId, name: member.name, vote: member.vote })),
  }
}
