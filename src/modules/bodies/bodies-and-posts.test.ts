import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type BodyRecord, type PersonRecord, builders } from '../../../test/support/builders/index.ts'
import { TEST_BASE_URL, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import {
  errorSummary,
  parse,
  fieldError,
  formFields,
  heading,
  linkTo,
  section,
  summaryList,
  table,
  text,
} from '../../../test/support/html.ts'

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '')

describe.each(testDatabases())('bodies, people and posts on $name', (database) => {
  let t: TestApp
  let scrutiny: BodyRecord
  let review: BodyRecord
  let councillor: PersonRecord
  let governor: PersonRecord
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    await build.aBody({ name: 'Council', kind: 'council' })
    scrutiny = await build.aBody({ name: 'Scrutiny committee', defaultMeetingMinutes: 150 })
    review = await build.aBody({
      name: 'Preparing for adulthood review',
      kind: 'task and finish group',
      parent: scrutiny,
      establishedOn: '2023-10-01',
      dissolvedOn: '2024-03-31',
    })
    councillor = await build.aPerson({
      name: 'Ann Example',
      honorific: 'Councillor',
      party: 'Example Party',
      ward: 'Central',
      termStartsOn: '2023-05-04',
      termEndsOn: '2027-05-06',
      phone: '01234 567890',
    })
    governor = await build.aPerson({
      name: 'Ben Example',
      kind: 'co-opted member',
      coOptionCategory: 'parent governor',
    })
    await build.aMembership(scrutiny, councillor, { role: 'chair' })
    await build.aMembership(scrutiny, governor, { role: 'co-opted member', votingRights: 'education matters only' })
    await build.aMembership(review, governor, { role: 'observer', startsOn: '2023-10-01', endsOn: '2023-12-31' })
    await build.aMeeting(scrutiny, { date: '2024-02-08', startTime: '18:00' })
  })
  afterAll(() => t?.close())

  describe('bodies', () => {
    it('groups the list of bodies by type', async () => {
      const page = (await t.visitor().get('/bodies')).body
      expect(text(section(page, 'Full council'))).toContain('Council')
      expect(text(section(page, 'Committees'))).toContain('Scrutiny committee')
      expect(text(section(page, 'Task and finish groups'))).toContain(
        'Preparing for adulthood review (dissolved 31 March 2024)',
      )
    })

    it('shows a body’s parent, dates and the bodies under it', async () => {
      const child = (await t.visitor().get(review.url)).body
      expect(summaryList(child)).toEqual({
        'Reports to': 'Scrutiny committee',
        Established: '1 October 2023',
        Dissolved: '31 March 2024',
      })
      expect(linkTo(child, 'Scrutiny committee')).toBe(scrutiny.url)
      const parent = (await t.visitor().get(scrutiny.url)).body
      expect(summaryList(parent)).toEqual({ 'Meetings usually last': '150 minutes' })
      expect(text(section(parent, 'Bodies that report to it'))).toContain(
        'Preparing for adulthood review (task and finish group, dissolved 31 March 2024)',
      )
    })

    it('refuses a body that would report to itself or to a body under it', async () => {
      const agent = await t.as('scrutiny_officer')
      const form = (parentId: string) => ({ name: 'Scrutiny committee', kind: 'committee', parentId })
      for (const parentId of [scrutiny.id, review.id]) {
        const page = await agent.post(`${scrutiny.url}/edit`, {
          ...(await agent.versionOf(`${scrutiny.url}/edit`)),
          ...form(parentId),
        })
        expect(page.statusCode).toBe(400)
        expect(errorSummary(page.body)).toEqual(['A body cannot report to itself or to a body that reports to it'])
        expect(fieldError(page.body, 'parentId')).toContain('A body cannot report to itself')
      }
    })

    it('refuses a dissolution before the body was established, and a usual length out of range', async () => {
      const agent = await t.as('scrutiny_officer')
      const dates = await agent.post('/bodies', {
        name: 'Short-lived panel',
        kind: 'panel',
        establishedOn: '2024-01-10',
        dissolvedOn: '2024-01-09',
      })
      expect(dates.statusCode).toBe(400)
      expect(errorSummary(dates.body)).toEqual(['Date dissolved must be the same as or after the date established'])
      expect(formFields(dates.body, '/bodies').establishedOn).toBe('2024-01-10')
      for (const minutes of ['14', '721', '90.5', 'two hours']) {
        const length = await agent.post('/bodies', { name: 'Panel', kind: 'panel', defaultMeetingMinutes: minutes })
        expect(length.statusCode).toBe(400)
        expect(fieldError(length.body, 'defaultMeetingMinutes')).toContain(
          'Usual length of meetings must be a whole number of minutes from 15 to 720',
        )
      }
      const ok = await agent.post('/bodies', { name: 'Long panel', kind: 'panel', defaultMeetingMinutes: '720' })
      expect(ok.statusCode).toBe(303)
    })

    it('ends a meeting with no finish time after its body’s usual length in calendars', async () => {
      const feed = unfold((await t.visitor().get(`/calendar.ics?body=${scrutiny.id}`)).body)
      expect(feed).toContain('DTSTART:20240208T180000Z')
      expect(feed).toContain('DTEND:20240208T203000Z')
    })
  })

  describe('people and posts', () => {
    it('shows a councillor’s party, ward and term, and their phone number only to those signed in', async () => {
      const publicPage = (await t.visitor().get(councillor.url)).body
      expect(summaryList(publicPage)).toEqual({
        Party: 'Example Party',
        Ward: 'Central',
        'Term of office': 'From 4 May 2023 until 6 May 2027',
      })
      const signedIn = (await (await t.as('member')).get(councillor.url)).body
      expect(summaryList(signedIn)['Phone number']).toBe('01234 567890')
    })

    it('shows a co-optee’s category and, body by body, role, voting rights and dates', async () => {
      const page = (await t.visitor().get(governor.url)).body
      expect(summaryList(page)).toEqual({ 'Co-opted as': 'Parent governor representative' })
      expect(table(page, { caption: 'Current' })).toEqual([
        ['Body', 'Role', 'Voting rights', 'From', 'Until'],
        ['Scrutiny committee', 'Co-opted member', 'Votes on education matters only', '18 May 2023', ''],
      ])
      expect(table(page, { caption: 'Past' })).toEqual([
        ['Body', 'Role', 'Voting rights', 'From', 'Until'],
        ['Preparing for adulthood review', 'Observer', 'Non-voting', '1 October 2023', '31 December 2023'],
      ])
    })

    it('asks party, ward and term only of a councillor, and the category only of a co-optee', async () => {
      const form = parse((await (await t.as('scrutiny_officer')).get('/people/new')).body)
      const revealedFor = (field: string) =>
        form(`#${field}`).closest('.govuk-radios__conditional').attr('id')?.replace('conditional-', '')
      expect(['party', 'ward', 'termStartsOn', 'termEndsOn'].map(revealedFor)).toEqual(['kind', 'kind', 'kind', 'kind'])
      expect(revealedFor('coOptionCategory')).toBe('kind-2')
      expect(form('#phone').closest('.govuk-radios__conditional').length).toBe(0)
    })

    it('asks for a co-optee’s voting rights on the body', async () => {
      const agent = await t.as('scrutiny_officer')
      const page = await agent.post(`${review.url}/members`, {
        personId: governor.id,
        role: 'co-opted member',
        votingRights: '',
        startsOn: '',
        endsOn: '',
      })
      expect(page.statusCode).toBe(400)
      expect(errorSummary(page.body)).toEqual(['Select the matters a co-opted member may vote on'])
      expect(fieldError(page.body, 'votingRights')).toContain('Select the matters a co-opted member may vote on')
    })

    it('keeps no co-option or councillor details for another kind of person, and refuses a term ending before it starts', async () => {
      const agent = await t.as('scrutiny_officer')
      const term = await agent.post('/people', {
        name: 'Cara Example',
        kind: 'councillor',
        termStartsOn: '2023-05-04',
        termEndsOn: '2023-05-03',
      })
      expect(term.statusCode).toBe(400)
      expect(errorSummary(term.body)).toEqual(['End of term must be the same as or after the start of term'])
      const officer = await agent.post('/people', {
        name: 'Dan Example',
        kind: 'officer',
        jobTitle: 'Scrutiny officer',
        party: 'Example Party',
        ward: 'Central',
        coOptionCategory: 'diocesan',
      })
      expect(officer.statusCode).toBe(303)
      const page = (await agent.get(officer.headers.location as string)).body
      expect(heading(page)).toBe('Dan Example')
      expect(summaryList(page)).toEqual({ 'Job title': 'Scrutiny officer' })
    })
  })

  describe('open data in the shape of Popolo', () => {
    interface PeoplePage {
      total: number
      next: string | null
      licence: { name: string }
      people: Record<string, unknown>[]
    }

    it('lists people a page at a time with party, ward and term, and no contact details', async () => {
      const first = (await t.visitor().get('/api/v1/people?pageSize=1')).json<PeoplePage>()
      expect(first.total).toBe(3)
      expect(first.next).toBe(`${TEST_BASE_URL}/api/v1/people?pageSize=1&page=2`)
      expect(first.licence.name).toBe('Open Government Licence v3.0')
      expect(first.people).toEqual([
        {
          id: councillor.id,
          slug: councillor.slug,
          name: 'Ann Example',
          honorificPrefix: 'Councillor',
          kind: 'councillor',
          party: 'Example Party',
          ward: 'Central',
          termStartDate: '2023-05-04',
          termEndDate: '2027-05-06',
          coOptionCategory: null,
          jobTitle: null,
          organisation: null,
          url: councillor.url,
        },
      ])
      const all = (await t.visitor().get('/api/v1/people')).body
      expect(all).not.toContain('01234 567890')
      expect(all).not.toContain('phone')
    })

    it('gives a person with each membership: body, role, voting rights, start and end', async () => {
      const response = await t.visitor().get(`/api/v1/people/${governor.id}`)
      expect(response.statusCode).toBe(200)
      const record = response.json<{ coOptionCategory: string; memberships: Record<string, unknown>[] }>()
      expect(record.coOptionCategory).toBe('parent governor')
      expect(record.memberships).toEqual([
        expect.objectContaining({
          role: 'observer',
          votingRights: 'none',
          startDate: '2023-10-01',
          endDate: '2023-12-31',
          current: false,
          organization: { id: review.id, name: 'Preparing for adulthood review', url: review.url },
        }),
        expect.objectContaining({
          role: 'co-opted member',
          votingRights: 'education matters only',
          startDate: '2023-05-18',
          endDate: null,
          current: true,
          organization: { id: scrutiny.id, name: 'Scrutiny committee', url: scrutiny.url },
        }),
      ])
      expect((await t.visitor().get(`/api/v1/people/${governor.slug}`)).json()).toEqual(record)
      expect((await t.visitor().get('/api/v1/people/nobody')).statusCode).toBe(404)
    })

    it('gives a body with its type, parent, dates and current members', async () => {
      const child = (await t.visitor().get(`/api/v1/bodies/${review.id}`)).json<Record<string, unknown>>()
      expect(child).toMatchObject({
        kind: 'task and finish group',
        parentId: scrutiny.id,
        foundingDate: '2023-10-01',
        dissolutionDate: '2024-03-31',
        defaultMeetingMinutes: null,
        memberships: [],
      })
      const parent = (await t.visitor().get(`/api/v1/bodies/${scrutiny.slug}`)).json<{
        parentId: string | null
        defaultMeetingMinutes: number
        memberships: { id: string; role: string; votingRights: string | null; person: { name: string } }[]
      }>()
      expect(parent.parentId).toBeNull()
      expect(parent.defaultMeetingMinutes).toBe(150)
      expect(parent.memberships.map((m) => [m.person.name, m.role, m.votingRights])).toEqual([
        ['Ann Example', 'chair', null],
        ['Ben Example', 'co-opted member', 'education matters only'],
      ])
      expect(parent.memberships.map((m) => m.id)).not.toContain(councillor.id)
      expect((await t.visitor().get('/api/v1/bodies/no-such-body')).statusCode).toBe(404)
      const { bodies } = (await t.visitor().get('/api/v1/bodies')).json<{ bodies: Record<string, unknown>[] }>()
      expect(bodies.find((body) => body.id === review.id)).toMatchObject({
        parentId: scrutiny.id,
        foundingDate: '2023-10-01',
        dissolutionDate: '2024-03-31',
      })
    })
  })
})
