import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, type PersonRecord, builders, submit } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { confirmation, errorSummary, fieldError, table, text, textAt } from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'

const counts = (votesFor: number, votesAgainst: number, abstentions = 0) => ({
  votesFor: String(votesFor),
  votesAgainst: String(votesAgainst),
  abstentions: String(abstentions),
})

/** Votes at a meeting, checked against its attendance: recorded by scrutiny officers, read with the minutes. */
describe.each(testDatabases())('votes on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord
  let people: Record<'chair' | 'member' | 'remote' | 'replaced' | 'substitute' | 'coopted' | 'voting', PersonRecord>
  const vote = (person: PersonRecord) => `vote-${person.id}`
  const votesOfMeeting = () => t.db.selectFrom('votes').select('id').where('meetingId', '=', meeting.id).execute()

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody()
    const person = (name: string, kind: 'councillor' | 'co-opted member' = 'councillor') =>
      build.aPerson({ name, kind, honorific: kind === 'councillor' ? 'Councillor' : 'Mrs' })
    people = {
      chair: await person('Ann Chair'),
      member: await person('Bob Member'),
      remote: await person('Cat Remote'),
      replaced: await person('Dan Replaced'),
      substitute: await person('Eve Substitute'),
      coopted: await person('Fay Coopted', 'co-opted member'),
      voting: await person('Gus Voting', 'co-opted member'),
    }
    for (const key of ['chair', 'member', 'remote', 'replaced'] as const) await build.aMembership(body, people[key])
    await build.aMembership(body, people.coopted, { role: 'co-opted member', votingRights: 'none' })
    await build.aMembership(body, people.voting, { role: 'co-opted member', votingRights: 'all matters' })
    meeting = await build.aMeeting(body, { date: '2024-01-18' })
    await build.anAgendaItem(meeting, { number: 4, title: 'Fostering allowances' })
    await build.anAgendaItem(meeting, { number: 5, title: 'A placement contract', exempt: { paragraph: 3 } })

    const minutes = `${meeting.url}/minutes`
    await submit(scrutiny, `${minutes}/start`)
    const attend = (who: PersonRecord, fields: Record<string, string>) =>
      submit(scrutiny, `${minutes}/attendance`, { personId: who.id, capacity: 'member', status: 'present', ...fields })
    await attend(people.chair, { chaired: 'yes' })
    await attend(people.member, {})
    await attend(people.remote, { status: 'present remotely' })
    await attend(people.replaced, { status: 'apologies' })
    await attend(people.substitute, { capacity: 'substitute', substituteForId: people.replaced.id })
    await attend(people.coopted, { capacity: 'co-opted member' })
    await attend(people.voting, { capacity: 'co-opted member' })
  })
  afterAll(() => t?.close())

  const newVote = (query = 'item=1') => `${meeting.url}/votes/new?${query}`

  it('lists everyone who attended on the form, saying who cannot vote and why', async () => {
    const form = (await scrutiny.get(newVote())).body
    expect(textAt(form, `[id="${vote(people.remote)}-hint"]`)).toBe(
      'Cannot vote: Councillor Cat Remote attended remotely and cannot vote',
    )
    expect(textAt(form, `[id="${vote(people.coopted)}-hint"]`)).toBe(
      'Cannot vote: Mrs Fay Coopted is a co-opted member without voting rights',
    )
    expect(textAt(form, 'h1')).toBe('Record a vote: A recommendation under item 4')
  })

  it('refuses a tally that does not match the named votes, next to the field, and saves nothing', async () => {
    const response = await scrutiny.post(newVote(), {
      description: 'Recommendation 2',
      ...counts(3, 0),
      recorded: 'yes',
      [vote(people.chair)]: 'for',
      [vote(people.member)]: 'for',
      [vote(people.voting)]: 'against',
      castingVote: '',
    })
    expect(response.statusCode).toBe(400)
    expect(fieldError(response.body, 'votesFor')).toBe('Error: Votes for must match the 2 members named as voting for')
    expect(fieldError(response.body, 'votesAgainst')).toBe(
      'Error: Votes against must match the 1 member named as voting against',
    )
    expect(errorSummary(response.body)).toEqual([
      'Votes for must match the 2 members named as voting for',
      'Votes against must match the 1 member named as voting against',
    ])
    expect(await votesOfMeeting()).toEqual([])
  })

  it('refuses a co-optee without voting rights and a remote attender recorded as voting, naming them', async () => {
    const response = await scrutiny.post(newVote(), {
      description: 'Recommendation 1',
      ...counts(2, 0),
      recorded: 'yes',
      [vote(people.coopted)]: 'for',
      [vote(people.remote)]: 'for',
    })
    expect(response.statusCode).toBe(400)
    expect(fieldError(response.body, vote(people.coopted))).toBe(
      'Error: Mrs Fay Coopted is a co-opted member without voting rights',
    )
    expect(fieldError(response.body, vote(people.remote))).toBe(
      'Error: Councillor Cat Remote attended remotely and cannot vote',
    )
    expect(await votesOfMeeting()).toEqual([])
  })

  it("accepts a substitute's vote and refuses the member they replaced", async () => {
    const refused = await scrutiny.post(newVote(), {
      description: 'Recommendation 1',
      ...counts(1, 0),
      recorded: 'yes',
      [vote(people.replaced)]: 'for',
    })
    expect(refused.statusCode).toBe(400)
    expect(fieldError(refused.body, vote(people.replaced))).toBe(
      'Error: Councillor Dan Replaced sent apologies and was replaced by Councillor Eve Substitute, who votes instead',
    )
    const accepted = await scrutiny.post(newVote(), {
      description: 'Recommendation 1',
      ...counts(3, 1),
      recorded: 'yes',
      [vote(people.chair)]: 'for',
      [vote(people.member)]: 'for',
      [vote(people.substitute)]: 'for',
      [vote(people.voting)]: 'against',
      [vote(people.coopted)]: 'none',
    })
    expect(accepted.statusCode).toBe(303)
    expect(accepted.headers.location).toBe(`${meeting.url}#vote-1`)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Vote recorded')
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', meeting.id)
      .where('action', '=', 'recorded vote')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('refuses more votes than members who may vote', async () => {
    const response = await scrutiny.post(newVote(), { description: 'Recommendation 3', ...counts(4, 2) })
    expect(response.statusCode).toBe(400)
    expect(fieldError(response.body, 'votesFor')).toBe(
      'Error: Votes for, against and abstentions add up to 6, but only 4 members present may vote',
    )
  })

  it("takes the chair's casting vote only on a tie", async () => {
    await t.db
      .insertInto('motions')
      .values({
        meetingId: meeting.id,
        position: 1,
        text: 'That the committee asks for a review of allowances.',
        substantiveText: '',
      })
      .execute()
    const untied = await scrutiny.post(newVote('motion=1'), { ...counts(2, 1), castingVote: 'for' })
    expect(untied.statusCode).toBe(400)
    expect(fieldError(untied.body, 'castingVote')).toBe(
      'Error: The chair can only give a casting vote when the votes for and against are equal',
    )
    const tied = await scrutiny.post(newVote('motion=1'), { ...counts(2, 2), castingVote: 'against' })
    expect(tied.statusCode).toBe(303)
    const again = await scrutiny.post(newVote('motion=1'), { ...counts(2, 2) })
    expect(again.statusCode).toBe(400)
    expect(errorSummary(again.body)).toEqual(['The vote on this has already been recorded: change that vote instead'])
    expect((await scrutiny.get(newVote('motion=9'))).statusCode).toBe(404)
  })

  it('takes a vote on an amendment, found by its motion and its place', async () => {
    const motion = await t.db
      .selectFrom('motions')
      .select('id')
      .where('meetingId', '=', meeting.id)
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('motionAmendments')
      .values({ motionId: motion.id, position: 1, text: 'To add "within six months".' })
      .execute()
    expect((await scrutiny.get(newVote('amendment=1-2'))).statusCode).toBe(404)
    expect((await scrutiny.get(newVote('amendment=1'))).statusCode).toBe(404)
    expect((await scrutiny.get(newVote('item=1&motion=1'))).statusCode).toBe(404)
    expect(textAt((await scrutiny.get(newVote('amendment=1-1'))).body, 'h1')).toBe(
      'Record a vote: Amendment 1 to motion 1',
    )
    const response = await scrutiny.post(newVote('amendment=1-1'), { ...counts(1, 3) })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`${meeting.url}#vote-3`)
  })

  it('refuses members and the public', async () => {
    const member = await t.as('member')
    expect((await member.get(newVote())).statusCode).toBe(403)
    expect((await member.post(newVote(), { description: 'R', ...counts(1, 0) })).statusCode).toBe(403)
    const visitor = await t.visitor().post(`${meeting.url}/votes/1/edit`, { ...counts(1, 0) })
    expect([302, 303, 401, 403]).toContain(visitor.statusCode)
    expect(await votesOfMeeting()).toHaveLength(3)
  })

  it('records a vote under an exempt item, which the public never sees', async () => {
    const response = await scrutiny.post(newVote('item=2'), {
      description: 'The exempt recommendation',
      ...counts(1, 0),
      recorded: 'yes',
      [vote(people.substitute)]: 'for',
    })
    expect(response.statusCode).toBe(303)
  })

  it('changes a vote from its form, refusing a save over a newer change', async () => {
    const opened = await scrutiny.openForm(`${meeting.url}/votes/1/edit`)
    expect(opened[vote(people.substitute)]).toBe('for')
    const changed = await scrutiny.post(`${meeting.url}/votes/1/edit`, {
      ...opened,
      ...counts(2, 1, 1),
      [vote(people.member)]: 'abstain',
    })
    expect(changed.statusCode).toBe(303)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Vote updated')
    const stale = await scrutiny.post(`${meeting.url}/votes/1/edit`, opened)
    expect(stale.statusCode).toBe(409)
    expect(text(stale.body)).toContain('This vote was changed by')
  })

  it('shows the vote under the item once the minutes are published, not before', async () => {
    const before = (await t.visitor().get(meeting.url)).body
    expect(text(before)).not.toContain('Recommendation 1')
    const draft = (await scrutiny.get(meeting.url)).body
    expect(textAt(draft, '#item-1 .app-vote-outcome')).toBe('Carried: 2 for, 1 against, 1 abstention')

    await submit(scrutiny, `${meeting.url}/minutes/declarations/none`, { none: 'yes' })
    await submit(scrutiny, `${meeting.url}/minutes/items/1`, { minute: 'The committee considered allowances.' })
    await submit(scrutiny, `${meeting.url}/minutes/items/2`, { minute: 'The committee agreed the contract.' })
    await submit(scrutiny, `${meeting.url}/minutes/publish`)
    const page = (await t.visitor().get(meeting.url)).body
    const votes = textAt(page, '#item-1 .app-votes')
    expect(votes).toContain('Recommendation 1')
    expect(votes).toContain('Carried: 2 for, 1 against, 1 abstention')
    expect(textAt(page, '#item-1 .app-recorded-vote')).toBe(
      'For Councillor Ann Chair, Councillor Eve Substitute Against Mrs Gus Voting Abstained Councillor Bob Member',
    )
    const minutes = (await t.visitor().get(`${meeting.url}/minutes`)).body
    expect(textAt(minutes, '#item-1 .app-vote-outcome')).toBe('Carried: 2 for, 1 against, 1 abstention')
    expect(text(page)).not.toContain('The exempt recommendation')
    expect(text(minutes)).not.toContain('The exempt recommendation')
    expect(textAt((await scrutiny.get(meeting.url)).body, '#item-2 .app-votes')).toContain('The exempt recommendation')
  })

  it("lists a member's recorded votes on their page", async () => {
    const page = (await t.visitor().get(people.substitute.url)).body
    expect(table(page, { caption: 'recorded by name' })).toEqual([
      ['Meeting', 'Voted on', 'Their vote', 'Outcome'],
      [expect.stringContaining('18 January 2024'), 'Recommendation 1, 4. Fostering allowances', 'For', 'Carried'],
    ])
  })

  it('gives the votes in the API, and each motion and amendment with the vote taken on it', async () => {
    const api = json<{
      votes: unknown[]
      motions: { vote: { position: number } | null; amendments: { vote: { position: number } | null }[] }[]
    }>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`))
    expect(api.motions.map((motion) => motion.vote?.position)).toEqual([2])
    expect(api.motions[0].amendments.map((amendment) => amendment.vote?.position)).toEqual([3])
    const item = await t.db
      .selectFrom('agendaItems')
      .select('id')
      .where('meetingId', '=', meeting.id)
      .executeTakeFirst()
    expect(api.votes).toEqual([
      expect.objectContaining({
        position: 1,
        subject: { type: 'recommendation', agendaItem: item!.id, description: 'Recommendation 1' },
        for: 2,
        outcome: 'carried',
        recorded: true,
        members: expect.arrayContaining([
          { id: people.member.id, name: 'Councillor Bob Member', vote: 'abstain' },
        ]) as unknown,
      }),
      expect.objectContaining({
        position: 2,
        subject: { type: 'motion', motion: 1 },
        castingVote: 'against',
        outcome: 'lost',
        recorded: false,
        members: [],
      }),
      expect.objectContaining({
        position: 3,
        subject: { type: 'amendment', motion: 1, amendment: 1 },
        for: 1,
        against: 3,
        outcome: 'lost',
      }),
    ])
  })
})
