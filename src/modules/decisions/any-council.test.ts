import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import {
  type BodyRecord,
  type MeetingRecord,
  type PersonRecord,
  builders,
  dateFields,
} from '../../../test/support/builders/index.ts'
import { confirmation, errorSummary, heading, summaryList, table, text } from '../../../test/support/html.ts'
import { json } from '../../../test/support/json.ts'

interface DecisionApi {
  number: string | null
  title: string
  takerType: string
  decisionTaker: string
  alternativesConsidered: string | null
  wardsAffected: string | null
  interestsDeclared: string | null
  contact: string | null
  effectiveOn: string | null
  callInStatus: string
  callIns: unknown[]
  url: string
}

/** Decisions as councils other than Blackpool keep them: their own references or none, any decision taker. */
describe.each(testDatabases())('decisions of any council on $name', (database) => {
  let t: TestApp
  let executive: BodyRecord
  let committee: BodyRecord
  let director: PersonRecord
  let meeting: MeetingRecord

  const form = (fields: Record<string, string | string[] | undefined> = {}) => ({
    number: '',
    title: 'Home to school transport policy',
    ...dateFields('decidedOn', '2024-03-05'),
    taker: `body:${executive.id}`,
    parts: 'To approve the policy.',
    keyDecision: 'yes',
    callInStatus: 'none',
    ...fields,
  })

  async function apiDecision(url: string) {
    const { decisions } = json<{ decisions: DecisionApi[] }>(await t.visitor().get('/api/v1/decisions?pageSize=100'))
    return decisions.find((d) => d.url === url)
  }

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    executive = await build.aBody({ name: 'Cabinet', kind: 'executive' })
    committee = await build.aBody({ name: 'Children and Families Scrutiny Committee' })
    director = await build.aPerson({ name: 'Sam Okafor', kind: 'officer', jobTitle: 'Director of Children’s Services' })
    meeting = await build.aMeeting(committee, { date: '2024-03-14' })
  })
  afterAll(() => t?.close())

  describe('references', () => {
    it('records a decision with no reference at an address from its date and title', async () => {
      const agent = await t.as('scrutiny_officer')
      const first = await agent.post('/decisions', form())
      expect(first.statusCode).toBe(303)
      expect(first.headers.location).toBe('/decisions/2024-03-05-home-to-school-transport-policy')
      const again = await agent.post('/decisions', form())
      expect(again.headers.location).toBe('/decisions/2024-03-05-home-to-school-transport-policy-2')

      const page = await t.visitor().get('/decisions/2024-03-05-home-to-school-transport-policy')
      expect(heading(page.body)).toBe('Home to school transport policy')
      const row = table((await t.visitor().get('/decisions')).body).find(
        (r) => r[1] === 'Home to school transport policy',
      )
      expect(row?.[0]).toBe('None')
      expect(await apiDecision('/decisions/2024-03-05-home-to-school-transport-policy')).toMatchObject({
        number: null,
        title: 'Home to school transport policy',
      })
    })

    it.each([
      ['FEB14/CAB/09', '/decisions/feb14-cab-09'],
      ['  Key decision   2024/07 ', '/decisions/key-decision-2024-07'],
    ])('keeps the council’s own reference %j as typed, spaces tidied', async (reference, address) => {
      const agent = await t.as('scrutiny_officer')
      const created = await agent.post('/decisions', form({ number: reference, title: `Fees ${reference}` }))
      expect(created.statusCode).toBe(303)
      expect(created.headers.location).toBe(address)
      const tidied = reference.trim().replace(/\s+/g, ' ')
      expect(text((await t.visitor().get(address)).body)).toContain(`Decision ${tidied}`)
      expect((await apiDecision(address))?.number).toBe(tidied)
    })

    it('refuses a reference another decision has, whatever its capitals, and one too long', async () => {
      const agent = await t.as('scrutiny_officer')
      await agent.post('/decisions', form({ number: 'MAR01/24', title: 'Youth service' }))
      const taken = await agent.post('/decisions', form({ number: 'mar01/24', title: 'Another' }))
      expect(taken.statusCode).toBe(400)
      expect(errorSummary(taken.body)).toEqual(['There is already a decision with the reference mar01/24'])
      const long = await agent.post('/decisions', form({ number: 'R'.repeat(61) }))
      expect(errorSummary(long.body)).toEqual(['Reference must be 60 characters or fewer'])
    })
  })

  describe('decision takers and the notice’s other parts', () => {
    it('records a committee’s decision and an officer’s key decision, with their type', async () => {
      const agent = await t.as('scrutiny_officer')
      const byCommittee = await agent.post(
        '/decisions',
        form({ title: 'Scope of the school exclusions review', taker: `body:${committee.id}`, keyDecision: 'no' }),
      )
      expect(byCommittee.statusCode).toBe(303)
      const committeePage = summaryList((await t.visitor().get(byCommittee.headers.location as string)).body)
      expect(committeePage['Decision taker']).toBe('Children and Families Scrutiny Committee')
      expect(committeePage['Type of decision taker']).toBe('Committee')

      const byOfficer = await agent.post(
        '/decisions',
        form({
          number: 'OKD 2024/03',
          title: 'Award of the foster carer recruitment contract',
          taker: `person:${director.id}`,
          alternativesConsidered: 'To extend the current contract.',
          wardsAffected: 'All wards',
          interestsDeclared: 'None declared.',
          contact: 'Sam Okafor, 01234 567890',
          ...dateFields('effectiveOn', '2024-03-13'),
        }),
      )
      expect(byOfficer.statusCode).toBe(303)
      const page = await t.visitor().get(byOfficer.headers.location as string)
      const rows = summaryList(page.body)
      expect(rows['Decision taker']).toBe('Sam Okafor, Director of Children’s Services')
      expect(rows['Type of decision taker']).toBe('Officer (key decision)')
      expect(rows['Takes effect']).toBe('13 March 2024')
      expect(rows['Wards affected']).toBe('All wards')
      expect(text(page.body)).toContain('Alternative options considered To extend the current contract.')
      expect(text(page.body)).toContain('Interests declared and dispensations None declared.')
      expect(await apiDecision(byOfficer.headers.location as string)).toMatchObject({
        number: 'OKD 2024/03',
        takerType: 'officer',
        decisionTaker: 'Sam Okafor, Director of Children’s Services',
        alternativesConsidered: 'To extend the current contract.',
        wardsAffected: 'All wards',
        interestsDeclared: 'None declared.',
        contact: 'Sam Okafor, 01234 567890',
        effectiveOn: '2024-03-13',
      })
      expect((await apiDecision(byCommittee.headers.location as string))?.takerType).toBe('committee')
    })

    it('refuses a date of effect before the decision, or not a real date', async () => {
      const agent = await t.as('scrutiny_officer')
      const early = await agent.post('/decisions', form({ ...dateFields('effectiveOn', '2024-03-04') }))
      expect(errorSummary(early.body)).toEqual([
        'Date the decision takes effect must be the same as or after the date of the decision',
      ])
      const unreal = await agent.post('/decisions', form({ ...dateFields('effectiveOn', '2024-02-30') }))
      expect(errorSummary(unreal.body)).toEqual(['Date the decision takes effect must be a real date'])
    })
  })

  describe('call-ins', () => {
    it('records a call-in whose two recommendations had different outcomes, on the page and in the API', async () => {
      const build = builders(t)
      const decision = await build.aDecision({
        number: 'CAB 2024/11',
        title: 'Closure of the Marsh Lane children’s centre',
        taker: executive,
        decidedOn: '2024-03-04',
        publishedOn: '2024-03-05',
      })
      await build.aCallIn(decision, {
        requestedOn: '2024-03-08',
        requestedBy: 'Councillors Hunter and Roe',
        grounds: 'Families were not consulted.',
        meeting,
        recommendations: [
          { text: 'That the closure go ahead for the building.', outcome: 'released' },
          { text: 'That the outreach service be reconsidered.', outcome: 'referred back' },
        ],
        response: 'The Cabinet kept the outreach service.',
      })
      const page = await t.visitor().get(decision.url)
      const shown = text(page.body)
      expect(shown).toContain('Call-in requested on 8 March 2024')
      expect(shown).toContain('Considered at Children and Families Scrutiny Committee, 14 March 2024')
      expect(table(page.body, { caption: 'Recommendations and outcomes' })).toEqual([
        ['Recommendation', 'Outcome'],
        ['That the closure go ahead for the building.', 'Released: the decision may be carried out'],
        ['That the outreach service be reconsidered.', 'Referred back to the decision maker'],
      ])
      expect(summaryList(page.body)['Call-in']).toBe('Called in')
      expect(await apiDecision(decision.url)).toMatchObject({
        callInStatus: 'called in',
        callIns: [
          {
            requestedBy: 'Councillors Hunter and Roe',
            requestedOn: '2024-03-08',
            grounds: 'Families were not consulted.',
            meeting: { date: '2024-03-14', body: 'Children and Families Scrutiny Committee', url: meeting.url },
            recommendations: [
              { recommendation: 'That the closure go ahead for the building.', outcome: 'released' },
              { recommendation: 'That the outreach service be reconsidered.', outcome: 'referred back' },
            ],
            response: 'The Cabinet kept the outreach service.',
          },
        ],
      })
    })

    it('explains what is wrong with a call-in, and refuses one outside the call-in period', async () => {
      const build = builders(t)
      const decision = await build.aDecision({
        title: 'Youth service fees',
        taker: executive,
        decidedOn: '2024-04-02',
        publishedOn: '2024-04-02',
      })
      const agent = await t.as('scrutiny_officer')
      const blank = await agent.post(`${decision.url}/call-ins`, {
        'recommendation-1': 'That the fees be halved.',
        'outcome-2': 'referred to council',
      })
      expect(blank.statusCode).toBe(400)
      expect(errorSummary(blank.body)).toEqual([
        'Enter who requested the call-in',
        'Enter the date the call-in was requested',
        'Enter the grounds for the call-in',
        'Select the outcome of recommendation 1',
        'Enter recommendation 2',
      ])
      const valid = { requestedBy: 'Councillor Hunter', grounds: 'No consultation.' }
      const late = await agent.post(`${decision.url}/call-ins`, {
        ...valid,
        ...dateFields('requestedOn', '2024-04-10'),
      })
      expect(errorSummary(late.body)).toEqual([
        'Date of the request must be on or before the call-in deadline, 9 April 2024',
      ])
      const early = await agent.post(`${decision.url}/call-ins`, {
        ...valid,
        ...dateFields('requestedOn', '2024-04-01'),
      })
      expect(errorSummary(early.body)).toEqual([
        'Date of the request must be the same as or after the decision was published',
      ])
      expect((await (await t.as('member')).get(`${decision.url}/call-ins/new`)).statusCode).toBe(403)
      expect((await t.visitor().post(`${decision.url}/call-ins`, valid)).statusCode).toBe(303)
      expect((await (await t.as('officer')).post(`${decision.url}/call-ins`, valid)).statusCode).toBe(403)

      // Once recorded, and once changed, the decision's page says so.
      const recorded = await agent.post(`${decision.url}/call-ins`, {
        ...valid,
        ...dateFields('requestedOn', '2024-04-05'),
      })
      expect(recorded.statusCode).toBe(303)
      expect(confirmation((await agent.get(String(recorded.headers.location))).body)).toBe('Call-in recorded')
      const edit = `${decision.url}/call-ins/1/edit`
      const changed = await agent.post(edit, { ...(await agent.openForm(edit)), grounds: 'No consultation at all.' })
      expect(changed.statusCode).toBe(303)
      expect(confirmation((await agent.get(String(changed.headers.location))).body)).toBe('Call-in updated')
    })
  })
})
