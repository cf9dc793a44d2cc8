import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, rawQuery } from '#src/platform/forms/values.ts'
import type { MeetingRow } from '../repository.ts'
import { type MeetingsRouteDeps, meetingParams } from '../route-context.ts'
import type { VoteRecordRow, VoteRow } from './repository.ts'
import { voteFieldOrder, voteSchema } from './schema.ts'
import type { VoteSubjectQuery } from './service.ts'
import { type Voter, voteField } from './tally.ts'

const views = 'modules/meetings/votes/views'
const position = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number)
const voteParams = { schema: { params: z.object({ slug: z.string(), n: position }), querystring: rawQuery } }
const newVoteParams = { schema: { ...meetingParams.schema, querystring: rawQuery } }

/** `?motion=2`, `?amendment=2-1` or `?item=4`; anything else names nothing (NaN), which the service finds missing. */
function subjectQuery(query: Record<string, unknown>): VoteSubjectQuery {
  const number = (value: unknown) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : NaN)
  const given = (value: unknown) => (value === undefined ? undefined : number(value))
  const [motion, amendment] = typeof query.amendment === 'string' ? query.amendment.split('-') : []
  return {
    motion: given(query.motion),
    amendment: query.amendment === undefined ? undefined : [number(motion), number(amendment)],
    item: given(query.item),
  }
}

/** What the form shows of a saved vote and its named votes. */
function voteValues(vote: VoteRow, records: VoteRecordRow[]): FormValues {
  return {
    description: vote.description,
    votesFor: String(vote.votesFor),
    votesAgainst: String(vote.votesAgainst),
    abstentions: String(vote.abstentions),
    recorded: vote.recorded ? 'yes' : '',
    castingVote: vote.castingVote ?? '',
    ...Object.fromEntries(records.map((record) => [voteField(record.personId), record.vote])),
    ...versionValue(vote),
  }
}

/** Recording the votes taken at a meeting (scrutiny officers): on a motion, an amendment or a recommendation. */
export function voteRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  function voteForm(
    reply: FastifyReply,
    data: { meeting: MeetingRow; subject: { type: string; label: string }; voters: Voter[]; vote?: VoteRow },
    action: string,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    return reply.page(`${views}/vote-form.njk`, { ...data, action, values, ...errors }, formStatus(errors))
  }

  const meetingPath = (meeting: MeetingRow, vote: VoteRow) => `/meetings/${meeting.slug}#vote-${vote.position}`

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/meetings/:slug/votes/new', newVoteParams, async (request, reply) => {
      const found = await service.voteToAdd(request.ctx, request.params.slug, subjectQuery(request.query))
      return voteForm(reply, found, request.url, { recorded: '' })
    })

    app.post('/meetings/:slug/votes/new', newVoteParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.voteToAdd(request.ctx, request.params.slug, subjectQuery(request.query))
      return submitForm(request, reply, {
        schema: voteSchema(found.voters, found.subject.type),
        order: voteFieldOrder(found.voters),
        confirmation: 'Vote recorded',
        save: (input) => service.addVote(request.ctx, found.meeting, found.subject.ids, input),
        render: (values, errors) => voteForm(reply, found, request.url, values, errors),
        redirect: (saved) => meetingPath(found.meeting, saved),
      })
    })

    app.get('/meetings/:slug/votes/:n/edit', voteParams, async (request, reply) => {
      const found = await service.voteToEdit(request.ctx, request.params.slug, request.params.n)
      return voteForm(reply, found, request.url, voteValues(found.vote, found.records))
    })

    app.post('/meetings/:slug/votes/:n/edit', voteParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.voteToEdit(request.ctx, request.params.slug, request.params.n)
      return submitForm(request, reply, {
        schema: voteSchema(found.voters, found.subject.type),
        order: voteFieldOrder(found.voters),
        confirmation: 'Vote updated',
        save: (input, version) => service.updateVote(request.ctx, found.meeting, found.vote, version, input),
        render: (values, errors) => voteForm(reply, found, request.url, values, errors),
        redirect: (saved) => meetingPath(found.meeting, saved),
      })
    })
  }
}
