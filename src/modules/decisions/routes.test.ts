import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, TEST_BASE_URL, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import type { Agent } from '../../../test/support/agent.ts'
import { builders } from '../../../test/support/builders/index.ts'
import {
  attribute,
  choices,
  errorSummary,
  formFields,
  heading,
  section,
  table,
  text,
  texts,
  title,
} from '../../../test/support/html.ts'
import { type OpenApiPaths, json } from '../../../test/support/json.ts'
import { parseXml } from '../../../test/support/xml.ts'

const committee = 'children-and-young-peoples-scrutiny-committee'
const SECRET = 'confidential demo placeholder'
const REASON = 'Detailed costings that make the scheme viable'

/** Who may read what: staff with 'exempt:read-any' read the exempt appendix; everyone else gets 404. */
const EXEMPT_READERS: TestRole[] = ['officer', 'scrutiny_officer', 'admin']
const EDITORS: TestRole[] = ['scrutiny_officer', 'admin']

const form = (fields: Record<string, string> = {}) => ({
  number: 'EX1/2024',
  title: 'Home to school transport policy',
  'decidedOn-day': '21',
  'decidedOn-month': '12',
  'decidedOn-year': '2023',
  taker: '',
  parts: '1. To approve the policy.\n2. To review it in a year.',
  description: 'Who can get free transport to school.',
  reasons: 'The law changed.',
  keyDecision: 'yes',
  'publishedOn-day': '21',
  'publishedOn-month': '12',
  'publishedOn-year': '2023',
  callInStatus: 'none',
  ...fields,
})

interface DecisionApi {
  number: string
  callInDeadline: string | null
  documents: unknown[]
}

describe.each(testDatabases())('decisions on $name', (database) => {
  let t: TestApp
  /** A member of the committee, which does not make them a reader of the Executive's exempt papers. */
  let committeeMember: Agent
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    const executive = await build.aBody({ name: 'Executive', kind: 'executive' })
    const benson = await build.aPerson({
      name: 'Kath Benson',
      honorific: 'Councillor',
      jobTitle: 'Cabinet Member for Young People and Aspiration',
    })
    await build.aMembership(executive, benson)
    const scrutiny = await build.aBody({ name: "Children and Young People's Scrutiny Committee" })
    const flanagan = await build.aPerson({ name: 'Jane Flanagan', honorific: 'Councillor' })
    await build.aMembership(scrutiny, flanagan)
    committeeMember = await t.newAccount('member', { personId: flanagan.id })
    await build.aMeeting(scrutiny, { date: '2023-11-09', status: 'held' })
    await build.aMeeting(scrutiny, { date: '2024-01-25' })
    const ex47 = await build.aDecision({
      number: 'EX47/2023',
      title: 'Blackpool Youth Justice Service Annual Plan 2023/24',
      taker: benson,
      decidedOn: '2023-12-11',
    })
    await build.aDecisionDocument(ex47, { title: 'Youth Justice Annual Plan 2023/24', body: 'The plan.' })
    const ex48 = await build.aDecision({
      number: 'EX48/2023',
      title: 'Expansion of Highfurlong Special School phase two',
      taker: benson,
      decidedOn: '2023-12-11',
      parts: 'To approve the budget of £1.99 million for phase two of this scheme.',
    })
    await build.aDecisionDocument(ex48, {
      label: 'Appendix 4(a)',
      title: 'Summary of Executive and Cabinet Member decisions taken',
      url: `/meetings/2024-01-25-${committee}/items/4/report`,
    })
    await build.aDecisionDocument(ex48, {
      label: 'Appendix 5a',
      title: 'Financial considerations',
      body: `Costings: ${SECRET}.`,
      exempt: { paragraph: 3, reason: REASON },
    })
  })
  afterAll(() => t?.close())

  /** The value of the decision-taker choice whose text starts with `label`, as the form offers it. */
  async function takerValue(label: string) {
    const page = await (await t.as('scrutiny_officer')).get('/decisions/new')
    const value = choices(page.body, '/decisions', 'taker').find((choice) => choice.text.startsWith(label))?.value
    expect(value, label).toMatch(/^(body|person):[0-9a-f-]{36}$/)
    return value!
  }

  describe('every page, by role', () => {
    const pages: [string, (role: TestRole) => number][] = [
      ['/decisions', () => 200],
      ['/decisions/ex48-2023', () => 200],
      ['/decisions/ex48-2023/documents/1', () => 200],
      ['/decisions/ex48-2023/documents/2', (role) => (EXEMPT_READERS.includes(role) ? 200 : 404)],
      ['/decisions.atom', () => 200],
      [`/bodies/${committee}/decisions`, () => 200],
      ['/decisions/new', (role) => (role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403)],
      ['/decisions/ex48-2023/edit', (role) => (role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403)],
      ['/decisions/ex48-2023/documents/new', (role) => (role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403)],
      [
        '/decisions/ex48-2023/documents/2/edit',
        (role) => (role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403),
      ],
      ['/api/v1/decisions', () => 200],
    ]
    it.each(ALL_ROLES)('answers a %s as their role allows', async (role) => {
      const agent = await t.as(role)
      for (const [url, expected] of pages) expect((await agent.get(url)).statusCode, url).toBe(expected(role))
    })

    it.each(['public', 'member', 'officer', 'analyst'] as const)('refuses every change to a %s', async (role) => {
      const agent = await t.as(role)
      const expected = role === 'public' ? 303 : 403
      expect((await agent.post('/decisions', form())).statusCode).toBe(expected)
      expect((await agent.post('/decisions/ex48-2023/edit', form())).statusCode).toBe(expected)
      expect(
        (await agent.post('/decisions/ex48-2023/documents', { title: 'x', body: 'y', exempt: 'no' })).statusCode,
      ).toBe(expected)
      expect(
        (await agent.post('/decisions/ex48-2023/documents/1/edit', { title: 'x', body: 'y', exempt: 'no' })).statusCode,
      ).toBe(expected)
    })

    it('answers 404 for decisions and documents that do not exist', async () => {
      const agent = t.visitor()
      for (const url of [
        '/decisions/ex99-2023',
        '/decisions/ex48-2023/documents/9',
        '/decisions/ex48-2023/documents/x',
      ]) {
        const page = await agent.get(url)
        expect(page.statusCode, url).toBe(404)
        expect(heading(page.body)).toBe('Page not found')
      }
    })
  })

  describe('the register and a decision', () => {
    it('lists the decisions with their taker and call-in deadline, filtered by taker and year', async () => {
      const page = await t.visitor().get('/decisions')
      expect(heading(page.body)).toBe('Decisions')
      expect(table(page.body).find((row) => row[0] === 'EX48/2023')).toEqual([
        'EX48/2023',
        'Expansion of Highfurlong Special School phase two',
        '11 December 2023',
        'Councillor Kath Benson, Cabinet Member for Young People and Aspiration',
        'Yes',
        '18 December 2023',
      ])
      expect(attribute(page.body, 'table', 'data-module')).toBe('moj-sortable-table')
      expect(text(page.body)).not.toContain('Record a decision')
      expect(text((await t.visitor().get('/decisions?taker=kath-benson&year=2023')).body)).toContain(
        '2 decisions matching your filter',
      )
      expect(text((await t.visitor().get('/decisions?year=2022')).body)).toContain('No decisions match your filter')
    })

    it('shows the public the exempt appendix’s title and paragraph, never its content or reason', async () => {
      const page = await t.visitor().get('/decisions/ex48-2023')
      expect(heading(page.body)).toBe('Expansion of Highfurlong Special School phase two')
      const shown = text(page.body)
      expect(shown).toContain('To approve the budget of £1.99 million for phase two of this scheme.')
      expect(shown).toContain('Monday 18 December 2023')
      expect(shown).toContain(
        'Financial considerations Not for publication Exempt under paragraph 3 of Part 1 of Schedule 12A',
      )
      expect(page.body).not.toContain(SECRET)
      expect(page.body).not.toContain(REASON)
      expect(page.body).not.toContain('/decisions/ex48-2023/documents/2')
      expect(page.body).not.toContain('History of changes')
    })

    it('keeps exempt decision documents from members, even of the committee, and shows them to officers', async () => {
      const member = await committeeMember.get('/decisions/ex48-2023')
      expect(member.body).not.toContain(REASON)
      expect((await committeeMember.get('/decisions/ex48-2023/documents/2')).statusCode).toBe(404)
      const officer = await t.as('officer')
      const page = await officer.get('/decisions/ex48-2023')
      expect(text(page.body)).toContain(REASON)
      const document = await officer.get('/decisions/ex48-2023/documents/2')
      expect(heading(document.body)).toBe('Financial considerations')
      expect(text(document.body)).toContain(SECRET)
    })
  })

  describe('recording decisions', () => {
    it('records a decision, working out the call-in deadline over Christmas, and keeps its history', async () => {
      const agent = await t.as('scrutiny_officer')
      const created = await agent.post('/decisions', form({ taker: await takerValue('Executive') }))
      expect(created.statusCode).toBe(303)
      expect(created.headers.location).toBe('/decisions/ex1-2024')
      const page = await agent.get('/decisions/ex1-2024')
      const shown = text(page.body)
      expect(shown).toContain('Tuesday 2 January 2024')
      expect(texts(section(page.body, 'The decision'), 'li')).toEqual([
        'To approve the policy.',
        'To review it in a year.',
      ])
      expect(shown).toContain('History of changes')
      expect(shown).toContain('Recorded decision')

      const edited = await agent.post('/decisions/ex1-2024/edit', {
        ...(await agent.versionOf('/decisions/ex1-2024/edit')),
        ...form({ taker: await takerValue('Executive'), callInStatus: 'called in' }),
      })
      expect(edited.statusCode).toBe(303)
      expect(text((await agent.get('/decisions')).body)).toContain('Called in')
    })

    it('works out call-in deadlines in later years too, over Christmas 2027 and Easter 2029', async () => {
      const agent = await t.as('scrutiny_officer')
      const taker = await takerValue('Executive')
      const cases = [
        ['EX90/2027', '23', '12', '2027', 'Tuesday 4 January 2028', '2028-01-04'],
        ['EX91/2029', '29', '3', '2029', 'Monday 9 April 2029', '2029-04-09'],
      ]
      for (const [number, day, month, year, deadline, isoDeadline] of cases) {
        const published = { 'publishedOn-day': day, 'publishedOn-month': month, 'publishedOn-year': year }
        const decided = { 'decidedOn-day': day, 'decidedOn-month': month, 'decidedOn-year': year }
        const created = await agent.post('/decisions', form({ number, taker, ...published, ...decided }))
        expect(created.statusCode).toBe(303)
        const shown = text((await t.visitor().get(created.headers.location as string)).body)
        expect(shown).toContain(`Call-in deadline ${deadline}`)
        const api = await t.visitor().get('/api/v1/decisions')
        const listed = json<{ decisions: DecisionApi[] }>(api).decisions.find((d) => d.number === number)
        expect(listed?.callInDeadline).toBe(isoDeadline)
      }
    })

    it('explains what is wrong, keeping what was typed', async () => {
      const agent = await t.as('admin')
      const blank = await agent.post('/decisions', { parts: '', description: 'Kept description', callInStatus: 'none' })
      expect(blank.statusCode).toBe(400)
      expect(errorSummary(blank.body)).toEqual([
        'Enter the title of the decision',
        'Enter the date of the decision',
        'Select who took the decision',
        'Enter the decision',
        'Select yes if this is a key decision',
      ])
      expect(formFields(blank.body, '/decisions').description).toBe('Kept description')
      expect(title(blank.body)).toMatch(/^Error: /)
      const taker = await takerValue('Councillor Kath Benson')
      const taken = await agent.post('/decisions', form({ number: 'ex47/2023', taker }))
      expect(errorSummary(taken.body)).toEqual(['There is already a decision with the reference ex47/2023'])
      const early = await agent.post('/decisions', form({ number: 'EX2/2024', taker, 'publishedOn-day': '20' }))
      expect(errorSummary(early.body)).toEqual([
        'Publication date must be the same as or after the date of the decision',
      ])
      const odd = await agent.post('/decisions', form({ number: 'x'.repeat(61), taker, 'decidedOn-day': '32' }))
      expect(errorSummary(odd.body)).toEqual([
        'Reference must be 60 characters or fewer',
        'Date of the decision must be a real date',
      ])
      const stranger = await agent.post(
        '/decisions',
        form({ number: 'EX3/2024', taker: 'person:00000000-0000-0000-0000-000000000000' }),
      )
      expect(errorSummary(stranger.body)).toEqual(['Select who took the decision'])
    })

    it('adds an exempt document that the public sees only by title and paragraph', async () => {
      const agent = await t.as('scrutiny_officer')
      const missing = await agent.post('/decisions/ex47-2023/documents', { title: 'Plan', exempt: 'yes' })
      expect(errorSummary(missing.body)).toEqual([
        'Enter the text of the document or a link to it',
        'Select the paragraph of Schedule 12A that applies',
      ])
      const both = await agent.post('/decisions/ex47-2023/documents', {
        title: 'Plan',
        body: 'x',
        url: 'javascript:alert(1)',
        exempt: 'no',
      })
      expect(errorSummary(both.body)).toEqual([
        'Enter a link in the correct format, like https://www.example.gov.uk/report.pdf or /meetings/…',
      ])
      const added = await agent.post('/decisions/ex47-2023/documents', {
        label: 'Appendix B',
        title: 'Named young people <b>',
        body: 'Case details of named children',
        exempt: 'yes',
        exemptParagraph: '2',
        exemptReason: 'Identifies children',
      })
      expect(added.statusCode).toBe(303)
      const visitor = await t.visitor().get('/decisions/ex47-2023')
      expect(text(visitor.body)).toContain('Named young people <b> Not for publication Exempt under paragraph 2')
      expect(visitor.body).not.toContain('people <b>')
      expect(visitor.body).not.toContain('Case details')
      expect((await t.visitor().get('/decisions/ex47-2023/documents/2')).statusCode).toBe(404)
      expect(text((await agent.get('/decisions/ex47-2023/documents/2')).body)).toContain(
        'Case details of named children',
      )
    })
  })

  describe('feeds and open data', () => {
    it('publishes an Atom feed of the newest decisions', async () => {
      const feed = await t.visitor().get('/decisions.atom')
      expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
      const elements = parseXml(feed.body)
      expect(elements[0]).toMatchObject({ name: 'feed', uri: 'http://www.w3.org/2005/Atom' })
      const titles = elements.filter((e) => e.name === 'title').map((e) => e.text)
      expect(titles).toContain('EX48/2023: Expansion of Highfurlong Special School phase two')
      expect(elements.filter((e) => e.name === 'entry').length).toBeGreaterThanOrEqual(2)
      const links = elements.filter((e) => e.name === 'link').map((e) => e.attributes.href)
      expect(links).toContain(`${TEST_BASE_URL}/decisions/ex47-2023`)
      expect(links).toContain(`${TEST_BASE_URL}/decisions.atom`)
      expect(elements.find((e) => e.name === 'id')?.text).toBe(`${TEST_BASE_URL}/decisions.atom`)
      expect(feed.body).not.toContain(SECRET)
    })

    it('lists decisions in the API with exempt documents by paragraph only', async () => {
      const response = await (await t.as('admin')).get('/api/v1/decisions')
      expect(response.statusCode).toBe(200)
      expect(response.body).not.toContain(SECRET)
      expect(response.body).not.toContain(REASON)
      const { decisions } = json<{ decisions: DecisionApi[] }>(response)
      const ex48 = decisions.find((d) => d.number === 'EX48/2023')
      expect(ex48).toMatchObject({
        number: 'EX48/2023',
        title: 'Expansion of Highfurlong Special School phase two',
        date: '2023-12-11',
        decisionTaker: 'Councillor Kath Benson, Cabinet Member for Young People and Aspiration',
        keyDecision: true,
        callInDeadline: '2023-12-18',
      })
      expect(ex48?.documents).toEqual([
        {
          label: 'Appendix 4(a)',
          title: 'Summary of Executive and Cabinet Member decisions taken',
          url: `/meetings/2024-01-25-${committee}/items/4/report`,
        },
        { label: 'Appendix 5a', title: 'Financial considerations', exempt: { paragraph: 3 } },
      ])
      const openapi = json<OpenApiPaths>(await t.visitor().get('/api/v1/openapi.json'))
      expect(Object.keys(openapi.paths)).toEqual(
        expect.arrayContaining(['/api/v1/decisions', '/api/v1/forward-plan', '/decisions.atom']),
      )
    })
  })

  describe('the committee’s view of decisions since its last meeting', () => {
    it('lists the decisions since the last meeting, or since a date given', async () => {
      const page = await t.visitor().get(`/bodies/${committee}/decisions`)
      expect(heading(page.body)).toBe('Executive and Cabinet Member decisions')
      const shown = text(page.body)
      expect(shown).toContain('taken on or after 9 November 2023, the date of the committee’s last meeting')
      expect(shown).toContain('Blackpool Youth Justice Service Annual Plan 2023/24')
      expect(shown).toContain('Expansion of Highfurlong Special School phase two')
      const later = await t.visitor().get(`/bodies/${committee}/decisions?since=2023-12-12`)
      expect(text(later.body)).not.toContain('Highfurlong')
      const wrong = await t.visitor().get(`/bodies/${committee}/decisions?since=31-12-2023`)
      expect(wrong.statusCode).toBe(400)
      expect(errorSummary(wrong.body)).toEqual(['Enter a real date, like 2023-11-09'])
      expect((await t.visitor().get('/bodies/no-such-body/decisions')).statusCode).toBe(404)
    })
  })
})
