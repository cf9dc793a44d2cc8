import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type PersonRecord, builders, dateFields, submit } from '../../../test/support/builders/index.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import {
  anchors,
  attribute,
  confirmation,
  errorSummary,
  formFields,
  forms,
  heading,
  links,
  parse,
  table,
  text,
} from '../../../test/support/html.ts'

const slug = 'children-and-young-peoples-scrutiny-committee'
const tracker = `/bodies/${slug}/recommendations`
const anId = '00000000-0000-4000-8000-000000000000'

interface OpenApi {
  paths: Record<string, { get: { operationId: string } }>
  components: { schemas: Record<string, { required: string[] }> }
}

/** Rows of the tracker table as "number: RAG". */
function rows(html: string): string[] {
  const $ = parse(html)
  return $('table tbody tr')
    .toArray()
    .map((row) => {
      const cells = $(row).children('td')
      const number = cells.first().text().replace('Recommendation', '').trim()
      return `${number}: ${cells.last().find('.govuk-tag').first().text().trim()}`
    })
}

const date = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-')
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year }
}

describe.each(testDatabases())('the recommendations tracker on $name', (database) => {
  let t: TestApp
  const agents = {} as Record<TestRole, Agent>
  const ids: Record<string, string> = {}
  /** Resolutions by meeting date and item number, in order. */
  const resolutions: Record<string, Record<number, string[]>> = {}
  let chris: PersonRecord
  let bodyId: string

  const resolutionId = (meetingDate: string, item: number, number: number) => resolutions[meetingDate][item][number - 1]

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    const committee = await build.aBody({ name: "Children and Young People's Scrutiny Committee" })
    bodyId = committee.id
    const chair = await build.aPerson({ name: 'Paul Burdess', honorific: 'Councillor' })
    await build.aMembership(committee, chair, { role: 'chair' })
    const gent = await build.aPerson({ name: 'Victoria Gent', kind: 'officer' })
    chris = await build.aPerson({ name: 'Chris Coyle', kind: 'officer' })

    // The minutes the recommendations come from, with one exempt item's resolution.
    const september = await build.aMeeting(committee, { date: '2023-09-21', status: 'held' })
    await build.anAgendaItem(september, { number: 5, title: 'Placement contract', exempt: { paragraph: 3 } })
    await build.anAgendaItem(september, { number: 9, title: 'Scrutiny Committee workplan' })
    resolutions['2023-09-21'] = await build.minutesOf(september, {
      present: [chair],
      items: {
        5: { resolutions: ['Secret commercial terms.'] },
        9: { resolutions: ['To agree the workplan, subject to fewer items at the November 2023 meeting.'] },
      },
    })
    const november = await build.aMeeting(committee, { date: '2023-11-09', status: 'held' })
    await build.anAgendaItem(november, { number: 3, title: 'Minutes of the last meeting' })
    await build.anAgendaItem(november, { number: 10, title: 'Council Plan performance Q1 - Q2 2023/24' })
    const training =
      'To receive a short training session on Special Guardianship Orders within the next pre-Committee briefing session.'
    const target = 'That Ms Gent consider the target field.'
    resolutions['2023-11-09'] = await build.minutesOf(november, {
      present: [chair],
      items: {
        3: { resolutions: ['That the minutes of 21 September 2023 be signed by the Chair.'] },
        10: { resolutions: [training, target] },
      },
    })

    // Appendix 10(b) of 25 January 2024, as its RAG ratings stand on 22 January 2024.
    const made = [
      { number: '1', madeOn: '2021-12-09', update: '2024-01-16', responsible: gent },
      { number: '2', madeOn: '2022-12-08', targetDate: '2024-04-30', update: '2023-07-18' },
      { number: '3', madeOn: '2023-06-22', targetDate: '2024-01-31', update: '2023-07-18' },
      {
        number: '4',
        madeOn: '2023-09-21',
        targetDate: '2024-03-31',
        responsible: chris,
        update: '2024-01-16',
        updateText: 'Members may want to ask when the updated improvement plan will be sent round.',
      },
      { number: '5', madeOn: '2023-09-21', update: '2024-01-16' },
      { number: '6', madeOn: '2023-09-21', targetDate: '2024-09-30', responsible: gent, update: '2024-01-16' },
      { number: '7', madeOn: '2023-11-09', targetDate: '2024-11-30', update: '2024-01-16' },
      {
        number: '8',
        madeOn: '2023-11-09',
        targetDate: '2024-01-31',
        update: '2024-01-16',
        text: training,
        resolutionId: resolutions['2023-11-09'][10][0],
      },
      { number: '9', madeOn: '2023-11-09', targetDate: '2023-12-31', responsible: gent },
      {
        number: '10',
        madeOn: '2023-11-09',
        targetDate: '2024-07-31',
        responsible: gent,
        text: target,
        resolutionId: resolutions['2023-11-09'][10][1],
      },
      {
        number: '11',
        madeOn: '2023-11-09',
        targetDate: '2023-12-31',
        responsible: gent,
        text: 'The Committee agreed to receive a written response on the child death data for Blackpool.',
      },
    ]
    for (const { update, updateText, ...recommendation } of made) {
      const { id, url } = await build.aRecommendation(committee, recommendation)
      ids[recommendation.number] = id
      if (update) await build.anUpdate({ id, url }, { on: update, text: updateText })
    }
    const scrutiny = await t.as('scrutiny_officer')
    await submit(scrutiny, `/recommendations/${ids['7']}/status`, {
      ...(await scrutiny.versionOf(`/recommendations/${ids['7']}/status`)),
      status: 'complete',
      ...dateFields('completedOn', '2024-01-16'),
    })

    for (const role of ALL_ROLES) agents[role] = await t.as(role)
    // Staff accounts linked to people, as the demo's are: the officer is responsible for recommendation 4.
    agents.officer = await t.newAccount('officer', { personId: chris.id, name: 'Demo officer' })
    const davis = await build.aPerson({ name: 'Sharon Davis', kind: 'officer' })
    agents.scrutiny_officer = await t.newAccount('scrutiny_officer', {
      personId: davis.id,
      name: 'Demo scrutiny officer',
    })
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
      expect(table(page.body).find((row) => row[0] === 'Recommendation 11')).toEqual([
        'Recommendation 11',
        '9 November 2023',
        'The Committee agreed to receive a written response on the child death data for Blackpool.',
        '31 December 2023 Overdue',
        'Victoria Gent',
        'No update yet',
        'Red',
      ])
      expect(attribute(page.body, 'table', 'data-module')).toBe('moj-sortable-table')
      const number = parse(page.body)('table thead th').first()
      expect([number.text(), number.attr('aria-sort')]).toEqual(['Number', 'ascending'])
    })

    it('filters by RAG, status, officer and overdue, ignoring values it does not know', async () => {
      const get = async (query: string) => rows((await t.visitor().get(`${tracker}?${query}`)).body)
      expect(await get('rag=red')).toEqual(['9: Red', '11: Red'])
      expect(await get('overdue=yes')).toEqual(['9: Red', '11: Red'])
      expect(await get('status=complete')).toEqual(['7: Complete'])
      expect(await get('rag=target+date+needed')).toEqual(['1: Target date needed', '5: Target date needed'])
      expect(await get(`officer=${chris.id}`)).toEqual(['4: Green'])
      expect(await get('rag=purple&status=maybe&officer=nobody')).toHaveLength(11)
      const page = await t.visitor().get(`${tracker}?rag=green`)
      expect(text(page.body)).toContain('Showing 5 of 11 recommendations.')
      expect(anchors(page.body).find((link) => link.text === 'Clear filters')?.href).toBe(tracker)
      expect(links(page.body)).toContain(`${tracker}?rag=green&format=csv`)
      expect(formFields(page.body, tracker).rag).toBe('green')
      // The list of officers is the same with or without one chosen, and shows the one chosen.
      const officers = (body: string) =>
        parse(body)('select#officer option')
          .map((_, o) => parse(body)(o).text())
          .get()
      const unfiltered = await t.visitor().get(tracker)
      const chosen = await t.visitor().get(`${tracker}?officer=${chris.id}`)
      expect(officers(unfiltered.body)).toContain('Any officer')
      expect(officers(chosen.body)).toEqual(officers(unfiltered.body))
      expect(formFields(unfiltered.body, tracker).officer).toBe('')
      expect(formFields(chosen.body, tracker).officer).toBe(chris.id)
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
      // Item 10 is second on that agenda: the minutes mark it by its place.
      expect(links(page.body)).toContain(`/meetings/2023-11-09-${slug}/minutes#item-2`)
      expect(shown).toContain('Update of 16 January 2024 by Demo scrutiny officer')
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
      const response = await t.visitor().get(`/api/v1/recommendations?body=${bodyId}`)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      const { recommendations } = response.json<{
        recommendations: { number: string; updates: { on: string; text: string }[] }[]
      }>()
      expect(recommendations).toHaveLength(11)
      expect(recommendations.find((r) => r.number === '4')).toMatchObject({
        id: ids['4'],
        number: '4',
        madeOn: '2023-09-21',
        targetDate: '2024-03-31',
        responsibleOfficer: 'Chris Coyle',
        status: 'open',
        rag: 'green',
      })
      const { updates } = recommendations.find((r) => r.number === '4')!
      expect(updates.map((update) => update.on)).toEqual(['2024-01-16'])
      expect(updates[0].text).toContain('improvement plan')
      expect(response.body).not.toMatch(/@|authorName|authorUserId|Demo scrutiny officer/)
      expect((await t.visitor().get('/api/v1/recommendations?body=nope')).statusCode).toBe(400)
      expect((await t.visitor().get(`/api/v1/recommendations?body=${anId}`)).statusCode).toBe(404)
      const openApi = (await t.visitor().get('/api/v1/openapi.json')).json<OpenApi>()
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
      expect(formFields(form.body, tracker).number).toBe('12')
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
      const resolution = resolutionId('2023-09-21', 9, 1)
      const minutes = `/meetings/2023-09-21-${slug}/minutes`
      const trackLink = `/resolutions/${resolution}/track`
      expect(links((await agent.get(minutes)).body)).toContain(trackLink)
      const track = await agent.get(trackLink)
      expect(track.statusCode).toBe(303)
      expect(track.headers.location).toBe(`${tracker}/new?resolution=${resolution}`)
      const form = await agent.get(track.headers.location as string)
      expect(form.statusCode).toBe(200)
      expect(text(form.body)).toContain(
        'From the minutes of 21 September 2023, item 9: Scrutiny Committee workplan, resolution 1.',
      )
      expect(formFields(form.body, tracker)).toMatchObject({
        text: 'To agree the workplan, subject to fewer items at the November 2023 meeting.',
        'madeOn-year': '2023',
      })
      expect(formFields(form.body, tracker)).not.toHaveProperty('meetingId')
      const created = await agent.post(tracker, {
        ...details({ number: '13', text: 'To agree the workplan, with fewer items in November.' }),
        resolutionId: resolution,
        ...date('madeOn', '2023-09-21'),
        ...date('targetDate', '2023-11-09'),
      })
      expect(created.statusCode).toBe(303)
      const page = await agent.get(created.headers.location as string)
      expect(links(page.body)).toContain(`/meetings/2023-09-21-${slug}/minutes#item-2`)
      expect(text(page.body)).toContain('Created recommendation from resolution')
      expect(text(page.body)).toMatch(/RAG rating Red/)
      const again = await agent.get(`/resolutions/${resolution}/track`)
      expect(again.headers.location).toBe(created.headers.location)

      // The minutes now link the resolution to its entry, for the public too, and no longer offer to track it.
      const entry = created.headers.location as string
      for (const reader of [t.visitor(), agent]) {
        const shown = await reader.get(minutes)
        expect(links(shown.body)).toContain(entry)
        expect(links(shown.body)).not.toContain(trackLink)
      }
      expect(text((await t.visitor().get(minutes)).body)).toContain(
        'Recommendation 13 in the recommendations tracker : item 9, resolution 1',
      )
    })

    it('tracks a resolution in one step, and only once', async () => {
      const agent = agents.admin
      const resolution = resolutionId('2023-11-09', 3, 1)
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
      const id = resolutionId('2023-09-21', 5, 1)
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
      expect(confirmation(page.body)).toBe('RAG rating updated')
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
      expect(confirmation((await agent.get(`/recommendations/${ids['11']}`)).body)).toBe('Status updated')
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
      const staffPage = await agent.get(recommendation)
      expect(confirmation(staffPage.body)).toBe('Response recorded')
      expect(text(staffPage.body)).toContain('Recorded executive response')
    })
  })

  describe('updates from the responsible officer', () => {
    it('lists the officer’s own recommendations with a quick update form dated today', async () => {
      const page = await agents.officer.get('/my/recommendations')
      expect(heading(page.body)).toBe('My recommendations')
      expect(text(page.body)).toContain('Recommendation 4')
      expect(text(page.body)).not.toContain('Recommendation 9')
      const update = forms(page.body).find((form) => form.action === `/recommendations/${ids['4']}/updates`)
      expect(update?.controls.find((control) => control.name === 'on-day')).toMatchObject({
        id: `on-${ids['4']}-day`,
        value: '22',
      })
      expect(update?.controls.find((control) => control.name === 'returnTo')).toMatchObject({
        type: 'hidden',
        value: 'my',
      })
    })

    it('explains a missing or wrong update and keeps what was typed', async () => {
      const url = `/recommendations/${ids['4']}/updates`
      const empty = await agents.officer.post(url, { 'on-day': '', 'on-month': '', 'on-year': '', text: '' })
      expect(empty.statusCode).toBe(400)
      expect(errorSummary(empty.body)).toEqual(['Enter the date of the update', 'Enter the update'])
      const future = await agents.officer.post(url, { ...date('on', '2024-01-23'), text: 'Kept words', returnTo: 'my' })
      expect(errorSummary(future.body)).toEqual(['Date of the update must be today or in the past'])
      expect(future.body).toContain('Kept words')
      expect(links(future.body)).toContain('/my/recommendations')
    })

    it('posts an update that the tracker and the open data show at once', async () => {
      const posted = await agents.officer.post(`/recommendations/${ids['4']}/updates`, {
        ...date('on', '2024-01-22'),
        text: 'Updated plan sent to Members today.',
        returnTo: 'my',
      })
      expect(posted.statusCode).toBe(303)
      expect(posted.headers.location).toBe('/my/recommendations')
      // The page it returns to says the update was posted.
      expect(text((await agents.officer.get('/my/recommendations')).body)).toContain('Update posted')
      const page = text((await t.visitor().get(`/recommendations/${ids['4']}`)).body)
      expect(page).toMatch(
        /Update of 22 January 2024 by Demo officer .*Updated plan sent to Members today\. Update of 16 January 2024/,
      )
      expect(text((await t.visitor().get(tracker)).body)).toContain(
        '22 January 2024: Updated plan sent to Members today.',
      )
      const api = (await t.visitor().get('/api/v1/recommendations')).json<{
        recommendations: { id: string; updates: { on: string; text: string }[] }[]
      }>()
      const four = api.recommendations.find((r) => r.id === ids['4'])
      expect(four?.updates[0]).toEqual({ on: '2024-01-22', text: 'Updated plan sent to Members today.' })
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
