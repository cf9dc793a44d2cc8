import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, heading, text } from '../../../test/support/html.ts'

const slug = 'children-and-young-peoples-scrutiny-committee'
const tracker = `/bodies/${slug}/recommendations`
const anId = '00000000-0000-4000-8000-000000000000'

/** Rows of the tracker table as "number: RAG". */
function rows(html: string): string[] {
  return [
    ...html.matchAll(
      /<span class="govuk-visually-hidden">Recommendation <\/span>([^<]+)<\/a>[\s\S]*?<strong class="govuk-tag [^"]+">([^<]+)<\/strong>/g,
    ),
  ].map((m) => `${m[1]}: ${m[2]}`)
}

const date = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-')
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year }
}

describe.each(testDatabases())('the recommendations tracker on $name', (database) => {
  let t: TestApp
  const agents = {} as Record<TestRole, Agent>
  const ids: Record<string, string> = {}

  async function resolutionId(meetingDate: string, item: number, number: number) {
    const row = await t.db
      .selectFrom('resolutions')
      .innerJoin('agendaItems', 'agendaItems.id', 'resolutions.agendaItemId')
      .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
      .select('resolutions.id')
      .where('meetings.slug', '=', `${meetingDate}-${slug}`)
      .where('agendaItems.number', '=', item)
      .where('resolutions.number', '=', number)
      .executeTakeFirstOrThrow()
    return row.id
  }

  beforeAll(async () => {
    t = await startTestApp(database)
    for (const role of ALL_ROLES) agents[role] = await t.as(role)
    for (const row of await t.db.selectFrom('recommendations').select(['id', 'number']).execute())
      ids[row.number] = row.id
  })
  afterAll(() => t?.close())

  describe('reading, for everyone', () => {
    it.each(ALL_ROLES)('shows the tracker, a recommendation and the API to %s', async (role) => {
      const agent = agents[role]
      const page = await agent.get(tracker)
      expect(page.statusCode).toBe(200)
      expect(heading(page.body)).toBe('Recommendations tracker')
      expect(rows(page.body)).toHaveLength(11)
      expect((await agent.get(`/recommendations/${ids['4']}`)).statusCode).toBe(200)
      expect((await agent.get('/api/v1/recommendations')).statusCode).toBe(200)
      expect(page.body.includes('Add a recommendation')).toBe(role === 'scrutiny_officer' || role === 'admin')
    })

    it('shows Appendix 10(b) live: red, amber and green as of 22 January 2024', async () => {
      const page = await t.visitor().get(tracker)
      expect(rows(page.body)).toEqual([
        '1: Target date needed',
        '2: Green',
        '3: Amber',
        '4: Green',
        '5: Target date needed',
        '6: Green',
        '7: Complete',
        '8: Green',
        '9: Red',
        '10: Green',
        '11: Red',
      ])
      const shown = text(page.body)
      expect(shown).toContain('11 recommendations: 2 red, 1 amber, 5 green, 2 with no target date, 1 complete.')
      expect(shown).toContain("Recommendations of Children and Young People's Scrutiny Committee")
      expect(shown).toMatch(
        /11 9 November 2023 The Committee agreed to receive a written response on the child death data for Blackpool\. 31 December 2023 Overdue Victoria Gent No update yet Red/,
      )
      expect(page.body).toContain('data-module="moj-sortable-table"')
      expect(page.body).toContain('<th scope="col" class="govuk-table__header" aria-sort="ascending">Number</th>')
    })

    it('filters by RAG, status, officer and overdue, ignoring values it does not know', async () => {
      const get = async (query: string) => rows((await t.visitor().get(`${tracker}?${query}`)).body)
      expect(await get('rag=red')).toEqual(['9: Red', '11: Red'])
      expect(await get('overdue=yes')).toEqual(['9: Red', '11: Red'])
      expect(await get('status=complete')).toEqual(['7: Complete'])
      expect(await get('rag=target+date+needed')).toEqual(['1: Target date needed', '5: Target date needed'])
      const chris = await t.db
        .selectFrom('people')
        .select('id')
        .where('slug', '=', 'chris-coyle')
        .executeTakeFirstOrThrow()
      expect(await get(`officer=${chris.id}`)).toEqual(['4: Green'])
      expect(await get('rag=purple&status=maybe&officer=nobody')).toHaveLength(11)
      const page = await t.visitor().get(`${tracker}?rag=green`)
      expect(text(page.body)).toContain('Showing 5 of 11 recommendations.')
      expect(page.body).toContain(`<a class="govuk-link" href="${tracker}">Clear filters</a>`)
      expect(page.body).toContain(`href="${tracker}?rag=green&amp;format=csv"`)
      expect(page.body).toMatch(/<option value="green" selected>Green<\/option>/)
    })

    it('exports the filtered tracker as CSV', async () => {
      const csv = await t.visitor().get(`${tracker}?rag=red&format=csv`)
      expect(csv.statusCode).toBe(200)
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="${slug}-recommendations.csv"`)
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
      expect(lines[0]).toBe(
        '"Number","Date made","Recommendation","Target date","Responsible officer","Latest update","Date of latest update","Status","RAG"',
      )
      expect(lines).toHaveLength(3)
      expect(lines[2]).toBe(
        '"11","2023-11-09","The Committee agreed to receive a written response on the child death data for Blackpool.","2023-12-31","Victoria Gent","","","Open","Red"',
      )
      expect(csv.body.startsWith('\uFEFF')).toBe(true)
    })

    it('exports the tracker as an XLSX workbook with real dates', async () => {
      const xlsx = await t.visitor().get(`${tracker}?format=xlsx`)
      expect(xlsx.statusCode).toBe(200)
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      const workbook = new ExcelJS.Workbook()
      const bytes = xlsx.rawPayload
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
      const sheet = workbook.getWorksheet('Recommendations')!
      expect(sheet.rowCount).toBe(12)
      expect(sheet.getRow(1).getCell(1).value).toBe('Number')
      const four = sheet.getRow(5)
      expect(four.getCell(1).value).toBe('4')
      expect(four.getCell(5).value).toBe('Chris Coyle')
      expect((four.getCell(4).value as Date).toISOString().slice(0, 10)).toBe('2024-03-31')
      expect(sheet.getRow(2).getCell(4).value).toBe('To be confirmed')
    })

    it('shows a recommendation with its source in the minutes and its updates, without staff tools to the public', async () => {
      const page = await t.visitor().get(`/recommendations/${ids['8']}`)
      expect(heading(page.body)).toBe('Recommendation 8')
      const shown = text(page.body)
      expect(shown).toContain('To receive a short training session on Special Guardianship Orders')
      expect(shown).toMatch(
        /Made at Meeting of 9 November 2023 , item 10: Council Plan performance Q1 - Q2 2023\/24 , resolution 1/,
      )
      expect(page.body).toContain(`href="/meetings/2023-11-09-${slug}/minutes#item-10"`)
      expect(shown).toContain('Update of 16 January 2024 by Sharon Davis')
      expect(shown).toContain('Responsible officer To be confirmed')
      for (const absent of ['Post an update', 'Change details', 'History of changes', 'Override the RAG']) {
        expect(page.body).not.toContain(absent)
      }
    })

    it('answers 404 for a recommendation or body that does not exist', async () => {
      for (const url of [`/recommendations/${anId}`, '/recommendations/nope', '/bodies/nobody/recommendations']) {
        expect((await t.visitor().get(url)).statusCode, url).toBe(404)
      }
    })

    it('publishes the tracker as open data, described in the OpenAPI document', async () => {
      const body = await t.db.selectFrom('bodies').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
      const response = await t.visitor().get(`/api/v1/recommendations?body=${body.id}`)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      const { recommendations } = response.json()
      expect(recommendations).toHaveLength(11)
      expect(recommendations.find((r: { number: string }) => r.number === '4')).toMatchObject({
        id: ids['4'],
        number: '4',
        madeOn: '2023-09-21',
        targetDate: '2024-03-31',
        responsibleOfficer: 'Chris Coyle',
        status: 'open',
        rag: 'green',
        updates: [{ on: '2024-01-16', text: expect.stringContaining('improvement plan') }],
      })
      expect(response.body).not.toMatch(/@|authorName|authorUserId|Sharon Davis/)
      expect((await t.visitor().get('/api/v1/recommendations?body=nope')).statusCode).toBe(400)
      expect((await t.visitor().get(`/api/v1/recommendations?body=${anId}`)).statusCode).toBe(404)
      const openApi = (await t.visitor().get('/api/v1/openapi.json')).json()
      expect(openApi.paths['/api/v1/recommendations'].get.operationId).toBe('listRecommendations')
      expect(openApi.components.schemas.Recommendation.required).toContain('rag')
    })
  })

  describe('staff pages, by role', () => {
    const editGets = () =>
      [`${tracker}/new`, `/resolutions/${anId}/track`].concat(
        ['edit', 'status', 'rag', 'response'].map((path) => `/recommendations/${ids['4']}/${path}`),
      )
    const editPosts = () =>
      [tracker, `/recommendations/from-resolution/${anId}`].concat(
        ['edit', 'status', 'rag', 'response'].map((path) => `/recommendations/${ids['4']}/${path}`),
      )

    it('sends the public to sign in from every staff page and action', async () => {
      const urls = [...editGets(), '/my/recommendations', `/recommendations/${ids['4']}/updates/new`]
      for (const url of urls) {
        const page = await t.visitor().get(url)
        expect(page.statusCode, url).toBe(303)
        expect(page.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(url)}`)
      }
      for (const url of [...editPosts(), `/recommendations/${ids['4']}/updates`]) {
        expect((await t.visitor().post(url, { text: 'x' })).statusCode, url).toBe(303)
      }
    })

    it.each(['member', 'officer', 'analyst'] as const)(
      'refuses the scrutiny officer’s pages and actions to a %s',
      async (role) => {
        for (const url of editGets()) expect((await agents[role].get(url)).statusCode, url).toBe(403)
        for (const url of editPosts())
          expect((await agents[role].post(url, { rag: 'red', reason: 'x' })).statusCode, url).toBe(403)
      },
    )

    it.each(['scrutiny_officer', 'admin'] as const)('opens every form to a %s', async (role) => {
      for (const url of editGets().filter((u) => !u.includes('/resolutions/'))) {
        expect((await agents[role].get(url)).statusCode, url).toBe(200)
      }
      for (const resolution of [anId, 'nope']) {
        expect((await agents[role].get(`/resolutions/${resolution}/track`)).statusCode).toBe(404)
        expect((await agents[role].get(`${tracker}/new?resolution=${resolution}`)).statusCode).toBe(404)
      }
    })

    it.each([
      ['member', 403],
      ['analyst', 403],
      ['officer', 200],
      ['scrutiny_officer', 200],
      ['admin', 200],
    ] as const)('answers "my recommendations" for a %s with %i', async (role, status) => {
      const page = await agents[role].get('/my/recommendations')
      expect(page.statusCode).toBe(status)
      if (role === 'admin') expect(text(page.body)).toContain('Your account is not linked to a person')
      if (role === 'scrutiny_officer') expect(text(page.body)).toContain('You are not the responsible officer')
    })
  })

  describe('a scrutiny officer keeps the tracker', () => {
    const details = (extra: Record<string, string>) => ({
      number: '',
      text: '',
      responsiblePersonId: '',
      meetingId: '',
      ...extra,
    })

    it('explains what is missing or wrong, in the order of the form, and keeps what was typed', async () => {
      const agent = agents.scrutiny_officer
      const empty = await agent.post(tracker, details({ text: '' }))
      expect(empty.statusCode).toBe(400)
      expect(errorSummary(empty.body)).toEqual([
        'Enter the recommendation number',
        'Enter the date the recommendation was made',
        'Enter the recommendation',
      ])
      expect(empty.body).toContain('href="#madeOn-day"')
      const wrong = await agent.post(
        tracker,
        details({
          number: '4',
          text: 'Kept text',
          toExecutive: 'yes',
          ...date('madeOn', '2024-01-10'),
          ...date('targetDate', '2024-01-09'),
        }),
      )
      expect(errorSummary(wrong.body)).toEqual([
        'Target date must be the same as or after the date the recommendation was made',
        'Enter the date the recommendation was referred to the Executive',
      ])
      expect(wrong.body).toContain('Kept text')
      const taken = await agent.post(tracker, details({ number: '4', text: 'x', ...date('madeOn', '2024-01-10') }))
      expect(errorSummary(taken.body)).toEqual([
        'Recommendation 4 already exists for this body – enter a different number',
      ])
      const future = await agent.post(tracker, details({ number: '40', text: 'x', ...date('madeOn', '2024-02-10') }))
      expect(errorSummary(future.body)).toEqual(['Date the recommendation was made must be today or in the past'])
      const notADate = await agent.post(tracker, details({ number: '40', text: 'x', ...date('madeOn', '2024-02-30') }))
      expect(errorSummary(notADate.body)).toEqual(['Date the recommendation was made must be a real date'])
    })

    it('adds a recommendation by hand, which then needs a target date', async () => {
      const agent = agents.scrutiny_officer
      const form = await agent.get(`${tracker}/new`)
      expect(form.body).toMatch(/id="number" name="number" type="text" spellcheck="false" value="12"/)
      const created = await agent.post(
        tracker,
        details({ number: '12', text: 'To visit <b>the</b> Family Hubs.', ...date('madeOn', '2023-11-21') }),
      )
      expect(created.statusCode).toBe(303)
      const page = await agent.get(created.headers.location as string)
      expect(heading(page.body)).toBe('Recommendation 12')
      expect(page.body).toContain('To visit &lt;b&gt;the&lt;/b&gt; Family Hubs.')
      expect(text(page.body)).toMatch(/Target date To be confirmed .*RAG rating Target date needed/)
      expect(text(page.body)).toContain('Created recommendation')
    })

    it('tracks a resolution through the prefilled form, then sends a second attempt to the recommendation', async () => {
      const agent = agents.scrutiny_officer
      const resolution = await resolutionId('2023-09-21', 9, 1)
      const track = await agent.get(`/resolutions/${resolution}/track`)
      expect(track.statusCode).toBe(303)
      expect(track.headers.location).toBe(`${tracker}/new?resolution=${resolution}`)
      const form = await agent.get(track.headers.location as string)
      expect(form.statusCode).toBe(200)
      expect(text(form.body)).toContain(
        'From the minutes of 21 September 2023, item 9: Scrutiny Committee workplan, resolution 1.',
      )
      expect(form.body).toContain(
        'To agree the workplan, subject to fewer items at the November 2023 meeting.</textarea>',
      )
      expect(form.body).toMatch(/name="madeOn-year" type="text" value="2023"/)
      expect(form.body).not.toContain('name="meetingId"')
      const created = await agent.post(tracker, {
        ...details({ number: '13', text: 'To agree the workplan, with fewer items in November.' }),
        resolutionId: resolution,
        ...date('madeOn', '2023-09-21'),
        ...date('targetDate', '2023-11-09'),
      })
      expect(created.statusCode).toBe(303)
      const page = await agent.get(created.headers.location as string)
      expect(page.body).toContain(`href="/meetings/2023-09-21-${slug}/minutes#item-9"`)
      expect(text(page.body)).toContain('Created recommendation from resolution')
      expect(text(page.body)).toMatch(/RAG rating Red/)
      const again = await agent.get(`/resolutions/${resolution}/track`)
      expect(again.headers.location).toBe(created.headers.location)
    })

    it('tracks a resolution in one step, and only once', async () => {
      const agent = agents.admin
      const resolution = await resolutionId('2023-11-09', 3, 1)
      const first = await agent.post(`/recommendations/from-resolution/${resolution}`)
      expect(first.statusCode).toBe(303)
      const page = await agent.get(first.headers.location as string)
      expect(heading(page.body)).toMatch(/^Recommendation \d+$/)
      expect(text(page.body)).toContain('That the minutes of 21 September 2023 be signed by the Chair')
      expect(text(page.body)).toContain('Date made 9 November 2023')
      expect(text(page.body)).toContain('Tracked resolution as recommendation')
      const second = await agent.post(`/recommendations/from-resolution/${resolution}`)
      expect(second.headers.location).toBe(first.headers.location)
      expect((await agent.post(`/recommendations/from-resolution/${anId}`)).statusCode).toBe(404)
    })

    it('will not carry the words of an exempt item’s resolution onto the public tracker', async () => {
      const agent = agents.scrutiny_officer
      const item = await t.db
        .updateTable('agendaItems')
        .set({ exemptParagraph: 3 })
        .where('number', '=', 5)
        .where('meetingId', '=', (eb) =>
          eb.selectFrom('meetings').select('id').where('slug', '=', `2023-09-21-${slug}`),
        )
        .returning('id')
        .executeTakeFirstOrThrow()
      const { id } = await t.db
        .insertInto('resolutions')
        .values({ agendaItemId: item.id, number: 1, text: 'Secret commercial terms.' })
        .returning('id')
        .executeTakeFirstOrThrow()
      const oneStep = await agent.post(`/recommendations/from-resolution/${id}`)
      expect(oneStep.headers.location).toBe(`/resolutions/${id}/track`)
      const form = await agent.get(`${tracker}/new?resolution=${id}`)
      expect(form.statusCode).toBe(200)
      expect(text(form.body)).toContain('This resolution is of an exempt item.')
      expect(form.body).not.toContain('Secret commercial terms.')
      const posted = await agent.post(tracker, {
        ...details({ number: '30', text: 'Secret commercial terms.' }),
        resolutionId: id,
        ...date('madeOn', '2023-09-21'),
      })
      expect(posted.statusCode).toBe(400)
      expect(text((await t.visitor().get(tracker)).body)).not.toContain('Secret commercial terms.')
    })

    it('overrides the RAG rating only with a reason, shows it as overridden, and can remove it', async () => {
      const agent = agents.scrutiny_officer
      const url = `/recommendations/${ids['9']}/rag`
      expect(errorSummary((await agent.post(url, {})).body)).toEqual(['Select a RAG rating, or no override'])
      expect(errorSummary((await agent.post(url, { rag: 'amber', reason: ' ' })).body)).toEqual([
        'Enter the reason for overriding the RAG rating',
      ])
      const overridden = await agent.post(url, {
        ...(await agent.versionOf(url)),
        rag: 'amber',
        reason: 'Ms Gent replied at the briefing.',
      })
      expect(overridden.statusCode).toBe(303)
      const page = await agent.get(`/recommendations/${ids['9']}`)
      expect(text(page.body)).toContain(
        'Amber (overridden) Set by a scrutiny officer, who gave this reason: Ms Gent replied at the briefing. Worked out from the target date and updates, it would be red.',
      )
      expect(text(page.body)).toContain('Overrode rating')
      expect(rows((await t.visitor().get(`${tracker}?rag=amber`)).body)).toEqual(['3: Amber', '9: Amber'])
      expect(rows((await t.visitor().get(`${tracker}?overdue=yes`)).body)).toContain('9: Amber')
      await agent.post(url, { ...(await agent.versionOf(url)), rag: 'none', reason: '' })
      expect(rows((await t.visitor().get(`${tracker}?rag=red`)).body)).toContain('9: Red')
    })

    it('marks a recommendation complete or withdrawn, with the date and a reason for withdrawal', async () => {
      const agent = agents.scrutiny_officer
      const url = `/recommendations/${ids['11']}/status`
      const noReason = await agent.post(url, { status: 'withdrawn', ...date('withdrawnOn', '2024-01-20') })
      expect(errorSummary(noReason.body)).toEqual(['Enter why the recommendation was withdrawn'])
      const future = await agent.post(url, { status: 'complete', ...date('completedOn', '2024-02-01') })
      expect(errorSummary(future.body)).toEqual(['Date completed must be today or in the past'])
      const completed = await agent.post(url, {
        ...(await agent.versionOf(url)),
        status: 'complete',
        ...date('completedOn', '2024-01-19'),
      })
      expect(completed.statusCode).toBe(303)
      const page = await t.visitor().get(`/recommendations/${ids['11']}`)
      expect(text(page.body)).toMatch(/Status Complete on 19 January 2024 RAG rating Complete/)
    })

    it('records a referral to the Executive, its due date and the response', async () => {
      const agent = agents.scrutiny_officer
      const recommendation = `/recommendations/${ids['10']}`
      const form = await agent.get(`${recommendation}/edit`)
      expect(form.body).toContain('The meeting it came from cannot be changed.')
      const changed = await agent.post(`${recommendation}/edit`, {
        ...(await agent.versionOf(`${recommendation}/edit`)),
        ...details({ number: '10', text: 'That Ms Gent consider the target field.' }),
        ...date('madeOn', '2023-11-09'),
        ...date('targetDate', '2024-07-31'),
        toExecutive: 'yes',
        ...date('referredOn', '2023-12-31'),
      })
      expect(changed.statusCode).toBe(303)
      const referred = text((await t.visitor().get(recommendation)).body)
      expect(referred).toContain(
        'Referred to the Executive 31 December 2023 Response due 29 February 2024 Response Awaited',
      )
      const rejected = await agent.post(`${recommendation}/response`, {
        response: 'rejected',
        ...date('receivedOn', '2023-12-01'),
      })
      expect(errorSummary(rejected.body)).toEqual(['Enter the Executive’s reasons'])
      const early = await agent.post(`${recommendation}/response`, {
        response: 'partly accepted',
        reasons: 'Targets stay for statutory indicators.',
        ...date('receivedOn', '2023-12-01'),
      })
      expect(errorSummary(early.body)).toEqual(['Date received must be the same as or after the date it was referred'])
      await agent.post(`${recommendation}/response`, {
        ...(await agent.versionOf(`${recommendation}/response`)),
        response: 'partly accepted',
        reasons: 'Targets stay for statutory indicators.',
        ...date('receivedOn', '2024-01-19'),
      })
      const page = text((await t.visitor().get(recommendation)).body)
      expect(page).toContain(
        'Response Partly accepted Reasons Targets stay for statutory indicators. Received 19 January 2024',
      )
      expect(text((await agent.get(recommendation)).body)).toContain('Recorded executive response')
    })
  })

  describe('updates from the responsible officer', () => {
    it('lists the officer’s own recommendations with a quick update form dated today', async () => {
      const page = await agents.officer.get('/my/recommendations')
      expect(heading(page.body)).toBe('My recommendations')
      expect(text(page.body)).toContain('Recommendation 4')
      expect(text(page.body)).not.toContain('Recommendation 9')
      expect(page.body).toContain(`action="/recommendations/${ids['4']}/updates"`)
      expect(page.body).toMatch(new RegExp(`id="on-${ids['4']}-day" name="on-day" type="text" value="22"`))
      expect(page.body).toContain('<input type="hidden" name="returnTo" value="my">')
    })

    it('explains a missing or wrong update and keeps what was typed', async () => {
      const url = `/recommendations/${ids['4']}/updates`
      const empty = await agents.officer.post(url, { 'on-day': '', 'on-month': '', 'on-year': '', text: '' })
      expect(empty.statusCode).toBe(400)
      expect(errorSummary(empty.body)).toEqual(['Enter the date of the update', 'Enter the update'])
      const future = await agents.officer.post(url, { ...date('on', '2024-01-23'), text: 'Kept words', returnTo: 'my' })
      expect(errorSummary(future.body)).toEqual(['Date of the update must be today or in the past'])
      expect(future.body).toContain('Kept words')
      expect(future.body).toContain('href="/my/recommendations"')
    })

    it('posts an update that the tracker and the open data show at once', async () => {
      const posted = await agents.officer.post(`/recommendations/${ids['4']}/updates`, {
        ...date('on', '2024-01-22'),
        text: 'Updated plan sent to Members today.',
        returnTo: 'my',
      })
      expect(posted.statusCode).toBe(303)
      expect(posted.headers.location).toBe('/my/recommendations')
      const page = text((await t.visitor().get(`/recommendations/${ids['4']}`)).body)
      expect(page).toMatch(
        /Update of 22 January 2024 by Demo officer .*Updated plan sent to Members today\. Update of 16 January 2024/,
      )
      expect(text((await t.visitor().get(tracker)).body)).toContain(
        '22 January 2024: Updated plan sent to Members today.',
      )
      const api = (await t.visitor().get('/api/v1/recommendations')).json()
      const four = api.recommendations.find((r: { id: string }) => r.id === ids['4'])
      expect(four.updates[0]).toEqual({ on: '2024-01-22', text: 'Updated plan sent to Members today.' })
      expect(text((await agents.analyst.get(`/recommendations/${ids['4']}`)).body)).toContain('Posted update')
    })

    it('refuses an officer who is not responsible, and hides the form from them', async () => {
      const url = `/recommendations/${ids['9']}`
      expect((await agents.officer.get(`${url}/updates/new`)).statusCode).toBe(403)
      expect(
        (await agents.officer.post(`${url}/updates`, { ...date('on', '2024-01-22'), text: 'Not mine' })).statusCode,
      ).toBe(403)
      expect((await agents.officer.get(url)).body).not.toContain('Post an update')
      expect((await agents.member.post(`${url}/updates`, { ...date('on', '2024-01-22'), text: 'x' })).statusCode).toBe(
        403,
      )
      expect(text((await t.visitor().get(url)).body)).not.toContain('Not mine')
    })

    it('lets a scrutiny officer post on any recommendation', async () => {
      const url = `/recommendations/${ids['9']}`
      expect((await agents.scrutiny_officer.get(`${url}/updates/new`)).statusCode).toBe(200)
      const posted = await agents.scrutiny_officer.post(`${url}/updates`, {
        ...date('on', '2024-01-22'),
        text: 'Chased.',
      })
      expect(posted.headers.location).toBe(`${url}#updates`)
      expect(text((await t.visitor().get(url)).body)).toContain('by Demo scrutiny officer')
    })
  })
})
