import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { exemptFields, submit } from '../../../test/support/builders/forms.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, TEST_BASE_URL, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import {
  anchors,
  count,
  errorSummary,
  fieldError,
  formFields,
  heading,
  links,
  text,
  texts,
  title,
} from '../../../test/support/html.ts'
import { json } from '../../../test/support/json.ts'
import { COMMITTEE, PANEL, type TestPapers, recordTestPapers } from '../../../test/support/test-papers.ts'

const events = (ics: string) => ics.split('BEGIN:VEVENT').slice(1)
/** iCalendar folds long lines at 75 octets; unfold before reading a property. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '')

describe.each(testDatabases())('publishing on $name', (database) => {
  let t: TestApp
  let seeded: TestPapers
  const agents = new Map<TestRole, Agent>()

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    seeded = await recordTestPapers(t)
    agents.set('public', t.visitor())
    for (const role of ALL_ROLES) if (role !== 'public') agents.set(role, await t.newAccount(role))
  })
  afterAll(() => t?.close())

  const search = (q: string, page?: number) =>
    t.visitor().get(`/search?${new URLSearchParams({ q, ...(page ? { page: String(page) } : {}) })}`)

  describe('search', () => {
    it('finds a report by a word of its text, linking to the report with the word marked', async () => {
      const page = await search('wombatfostering')
      expect(page.statusCode).toBe(200)
      const shown = text(page.body)
      expect(shown).toContain('1 result for ‘wombatfostering’')
      expect(shown).toContain('Report Fostering recruitment and retention')
      expect(shown).toContain('Publishing test scrutiny committee, Thursday 9 November 2023, item 3')
      // Item 3 is the first on its agenda: its address is its place there.
      expect(links(page.body)).toContain(`/meetings/${seeded.heldSlug}/items/1/report`)
      expect(shown).toContain('The wombatfostering scheme')
      expect(texts(page.body, 'mark')).toEqual(['wombatfostering'])
      expect(page.body).not.toContain('<b>this</b>')
      expect(heading(page.body)).toBe('Search meetings, papers, decisions and more')
      expect(title(page.body)).toBe('Search results for ‘wombatfostering’ – Oversight')
    })

    it('finds a report by the text of a published appendix', async () => {
      const page = await search('numbatappendix')
      expect(text(page.body)).toContain('1 result for ‘numbatappendix’')
      expect(links(page.body)).toContain(`/meetings/${seeded.heldSlug}/items/1/report`)
    })

    it('finds an item by its published minute and a resolution once the minutes are published', async () => {
      const item = await search('kinshipquokka')
      expect(text(item.body)).toContain('Agenda item Fostering recruitment')
      expect(links(item.body)).toContain(`/meetings/${seeded.heldSlug}#item-1`)
      const resolution = await search('platypusresolution')
      expect(text(resolution.body)).toContain('1 result for ‘platypusresolution’')
      expect(text(resolution.body)).toContain('Resolution Fostering recruitment')
      expect(links(resolution.body)).toContain(`/meetings/${seeded.heldSlug}/minutes#item-1`)
    })

    it.each([
      ['an exempt item’s purpose', 'secretpurposeword'],
      ['an exempt item’s minute', 'secretminuteword'],
      ['the report of an exempt item', 'secretitemreportword'],
      ['an exempt report', 'secretreportword'],
      ['an exempt appendix', 'secretappendixword'],
      ['a resolution of an exempt item', 'secretresolutionexempt'],
      ['a minute in draft minutes', 'draftminuteword'],
      ['a resolution in draft minutes', 'draftresolutionword'],
    ])('never finds %s', async (_what, word) => {
      const page = await search(word)
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).toContain(`0 results for ‘${word}’`)
      expect(count(page.body, 'mark')).toBe(0)
    })

    it('finds an exempt item by its title only, showing the paragraph and none of its text', async () => {
      const page = await search('quollexempttitle')
      const shown = text(page.body)
      expect(shown).toContain('1 result for ‘quollexempttitle’')
      expect(shown).toContain('Placement review quollexempttitle')
      expect(shown).toContain('Exempt under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972')
      for (const secret of [
        'secretpurposeword',
        'secretminuteword',
        'secretitemreportword',
        'secretresolutionexempt',
      ]) {
        expect(page.body).not.toContain(secret)
      }
    })

    it('shows neither an exempt report nor draft minutes beside the items they belong to', async () => {
      const commissioning = await search('ferretcommission')
      expect(text(commissioning.body)).toContain('1 result for ‘ferretcommission’')
      expect(commissioning.body).not.toContain('secretreportword')
      expect(links(commissioning.body).filter((href) => href.includes('/items/3/report'))).toEqual([])
      expect(commissioning.body).not.toContain('/items/3/report')
      const draft = await search('lemurdraftitem')
      expect(text(draft.body)).toContain('1 result for ‘lemurdraftitem’')
      expect(links(draft.body)).toContain(`/meetings/${seeded.draftSlug}#item-1`)
      expect(draft.body).not.toContain('draftminuteword')
    })

    it('follows a report’s item once the report is written: its new number, and its exemption', async () => {
      const build = builders(t)
      const body = await build.aBody({ name: 'Short breaks panel' })
      const meeting = await build.aMeeting(body, { date: '2023-12-07' })
      const item = await build.anAgendaItem(meeting, { number: 2, title: 'Short breaks' })
      await build.aReport(item, {
        title: 'Short breaks review',
        sections: { background: 'The bilbyshortbreaks offer.' },
      })
      const found = () => search('bilbyshortbreaks').then((page) => text(page.body))
      expect(await found()).toContain('Short breaks panel, Thursday 7 December 2023, item 2')
      const agent = await t.as('scrutiny_officer')
      const edit = `${item.url}/edit`
      const fields = formFields((await agent.get(edit)).body, edit)
      await submit(agent, edit, { ...fields, number: '2a' })
      expect(await found()).toContain('Short breaks panel, Thursday 7 December 2023, item 2a')
      await submit(agent, edit, { ...fields, number: '2a', ...exemptFields({ paragraph: 1 }) })
      expect(await found()).toContain('0 results for ‘bilbyshortbreaks’')
    })

    it('shows 20 results a page with GOV.UK pagination', async () => {
      const first = await search('otterpage')
      expect(text(first.body)).toContain('25 results for ‘otterpage’')
      const topics = (html: string) => anchors(html).filter((link) => /^Otterpage topic \d+ /.test(link.text))
      expect(topics(first.body)).toHaveLength(20)
      expect(count(first.body, '.govuk-pagination')).toBe(1)
      expect(links(first.body)).toContain('/search?q=otterpage&page=2')
      const second = await search('otterpage', 2)
      expect(topics(second.body)).toHaveLength(5)
      expect(title(second.body)).toBe('Search results for ‘otterpage’ (page 2 of 2) – Oversight')
      expect(topics((await search('otterpage', 99)).body)).toHaveLength(5)
    })

    it('shows just the form when there is nothing to search for', async () => {
      const page = await t.visitor().get('/search')
      expect(page.statusCode).toBe(200)
      expect(heading(page.body)).toBe('Search meetings, papers, decisions and more')
      expect(count(page.body, 'label.govuk-label--l[for="q"]')).toBe(1)
      expect(text(page.body)).not.toContain('results for')
    })

    it('helps when nothing matches', async () => {
      const page = await search('zzyzxnothing')
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).toContain('0 results for ‘zzyzxnothing’')
      expect(text(page.body)).toContain('Improve your search results by: checking your spelling')
    })

    it('explains next to the field when the search is too long', async () => {
      const page = await search('fostering '.repeat(25))
      expect(page.statusCode).toBe(400)
      expect(errorSummary(page.body)).toEqual(['Search terms must be 200 characters or fewer'])
      expect(anchors(page.body, '.govuk-error-summary').map((link) => link.href)).toEqual(['#q'])
      expect(fieldError(page.body, 'q')).toBe('Error: Search terms must be 200 characters or fewer')
      expect(title(page.body)).toBe('Error: Search – Oversight')
    })

    it('escapes what was typed and treats it only as words', async () => {
      const page = await search(`<script>alert(1)</script>' or 1=1; drop table bodies; --`)
      expect(page.statusCode).toBe(200)
      expect(page.body).not.toContain('<script>alert(1)')
      expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect((await t.visitor().get('/api/v1/bodies')).statusCode).toBe(200)
      expect((await t.visitor().get('/search?q=foster%00ing')).statusCode).toBe(200)
    })
  })

  describe('iCal', () => {
    it('has one event per meeting', async () => {
      const feed = await t.visitor().get('/calendar.ics')
      expect(feed.statusCode).toBe(200)
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8')
      const { count } = await t.db
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      expect(events(feed.body)).toHaveLength(Number(count))
    })

    it('gives a body’s meetings at London time, with place, address and cancellations', async () => {
      const feed = await t.visitor().get(`/calendar.ics?body=${seeded.committeeId}`)
      expect(feed.statusCode).toBe(200)
      const list = events(unfold(feed.body))
      expect(list).toHaveLength(4)
      for (const event of list) expect(event).toContain(`SUMMARY:${COMMITTEE.name}`)
      const january = list.find((event) => event.includes(`/meetings/${seeded.januarySlug}`))!
      expect(january).toContain('DTSTART:20240125T180000Z')
      expect(january).toContain('DTEND:20240125T200000Z')
      expect(january).toContain('LOCATION:Committee Room A\\, Town Hall')
      expect(january).toContain(`URL;VALUE=URI:${TEST_BASE_URL}/meetings/${seeded.januarySlug}`)
      expect(january).toMatch(/^UID:meeting-[0-9a-f-]+@oversight\.example\.gov\.uk$/m)
      const march = list.find((event) => event.includes(`/meetings/${seeded.marchSlug}`))!
      expect(march).toContain('DTSTART;VALUE=DATE:20240327')
      expect(march).toContain('STATUS:CANCELLED')
      expect(feed.body).not.toContain(PANEL.name)
    })

    it.each([
      ['an unknown body', '00000000-0000-4000-8000-000000000000'],
      ['an id that is not an id', 'not-a-body'],
    ])('answers 404 for %s', async (_what, id) => {
      const page = await t.visitor().get(`/calendar.ics?body=${id}`)
      expect(page.statusCode).toBe(404)
      expect(heading(page.body)).toBe('Page not found')
    })
  })

  describe('open data API', () => {
    it('lists the bodies', async () => {
      const response = await t.visitor().get('/api/v1/bodies')
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      const { bodies } = json<{ bodies: { slug: string; name: string }[] }>(response)
      expect(bodies.find((body) => body.slug === COMMITTEE.slug)).toEqual({
        id: seeded.committeeId,
        slug: COMMITTEE.slug,
        name: COMMITTEE.name,
        kind: 'committee',
        remit: 'Scrutinises children’s services.',
        parentId: null,
        foundingDate: null,
        dissolutionDate: null,
        url: `/bodies/${COMMITTEE.slug}`,
      })
      expect(bodies.map((body) => body.name)).toContain(PANEL.name)
    })

    it('describes itself in OpenAPI 3.1', async () => {
      const response = await t.visitor().get('/api/v1/openapi.json')
      expect(response.statusCode).toBe(200)
      const document = json<{ openapi: string; info: { title: string }; paths: Record<string, unknown> }>(response)
      expect(document.openapi).toBe('3.1.0')
      expect(document.info.title).toBe('Oversight open data')
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/v1/bodies', '/api/v1/meetings', '/api/v1/meetings/{id}', '/calendar.ics']),
      )
    })
  })

  describe('pages', () => {
    const pages = [
      ['/', 'Children’s services oversight'],
      ['/search', 'Search meetings, papers, decisions and more'],
      ['/search?q=fostering', 'Search meetings, papers, decisions and more'],
      ['/open-data', 'Open data'],
      ['/accessibility', 'Accessibility statement'],
    ] as const

    it.each(ALL_ROLES.flatMap((role) => pages.map(([url, title]) => [url, role, title] as const)))(
      'shows %s to %s',
      async (url, role, title) => {
        const page = await agents.get(role)!.get(url)
        expect(page.statusCode).toBe(200)
        expect(heading(page.body).replace(/'/g, '’')).toBe(title)
      },
    )

    it('shows what is coming up and what has happened, with the committees and a labelled search', async () => {
      const page = await t.visitor().get('/')
      const shown = text(page.body)
      // Each link also names its date for screen readers ("… committee, Thursday 25 January 2024").
      expect(shown).toMatch(
        /Upcoming meetings .*Publishing test scrutiny committee ?, Thursday 25 January 2024 Thursday 25 January 2024, 6pm, Committee Room A, Town Hall/,
      )
      expect(shown).toMatch(/Publishing test scrutiny committee ?, Wednesday 27 March 2024 Cancelled/)
      expect(shown).toMatch(/Recent meetings .*Publishing test scrutiny committee ?, Thursday 9 November 2023/)
      expect(shown).toMatch(/Committees and boards .*Publishing test panel \(panel\)/)
      expect(count(page.body, 'label.govuk-label--s[for="q"]')).toBe(1)
      expect(count(page.body, '[role="search"]')).toBe(1)
    })

    it('points to the API, the OpenAPI document, the calendar feeds and the licence', async () => {
      const page = await t.visitor().get('/open-data')
      expect(links(page.body)).toEqual(
        expect.arrayContaining([
          '/api/v1/bodies',
          '/api/v1/openapi.json',
          '/calendar.ics',
          `/calendar.ics?body=${seeded.committeeId}`,
          'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
        ]),
      )
      // The address to subscribe to is the site's configured one, whatever Host the request named.
      expect(text(page.body)).toContain(`${TEST_BASE_URL}/calendar.ics?body=${seeded.committeeId}`)
      expect(text(page.body)).toContain('Open Government Licence v3.0')
    })

    it('states the accessibility target and how to report a problem', async () => {
      const shown = text((await t.visitor().get('/accessibility')).body)
      expect(shown).toContain('WCAG) version 2.2 at level AA')
      expect(shown).toContain('Reporting accessibility problems')
    })
  })
})
