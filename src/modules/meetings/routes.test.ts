import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import {
  anchors,
  attribute,
  count,
  errorSummary,
  fieldError,
  formFields,
  heading,
  links,
  text,
  textAt,
} from '../../../test/support/html.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const JANUARY = `/meetings/2024-01-25-${BODY}`
const NOVEMBER = `/meetings/2023-11-09-${BODY}`
const READERS: TestRole[] = ['public', 'member', 'officer', 'scrutiny_officer', 'analyst', 'admin']
const NOT_EDITORS = ['member', 'officer', 'analyst'] as const
const EDITORS = ['scrutiny_officer', 'admin'] as const

const item = (fields: Record<string, string>) => ({
  number: '',
  title: '',
  purpose: '',
  pageFrom: '',
  pageTo: '',
  exempt: 'no',
  ...fields,
})

describe.each(testDatabases())('meetings and agendas on $name', (database) => {
  let t: TestApp
  let bodyId: string
  /** A member of the committee, who may read its exempt papers. */
  let committeeMember: Agent
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    const committee = await build.aBody({ name: "Children and Young People's Scrutiny Committee" })
    bodyId = committee.id
    await build.aBody({ name: 'Executive', kind: 'executive' })
    const chair = await build.aPerson({ name: 'Paul Burdess', honorific: 'Councillor' })
    await build.aMembership(committee, chair, { role: 'chair' })
    committeeMember = await t.newAccount('member', { personId: chair.id })

    const earlier = await build.aBody({ name: "Resilient Communities and Children's Scrutiny Committee" })
    await build.aMeeting(earlier, { date: '2018-04-12', status: 'held' })
    const september = await build.aMeeting(committee, { date: '2023-09-21', status: 'held' })
    const november = await build.aMeeting(committee, { date: '2023-11-09', status: 'held' })
    await build.anAgendaItem(november, { number: 3, title: 'Minutes of the last meeting' })
    const january = await build.aMeeting(committee, {
      date: '2024-01-25',
      startTime: '18:00',
      venue: 'Committee Room A, Town Hall, Blackpool',
    })
    await build.anAgendaItem(january, { number: 4, title: 'Executive and Cabinet Member decisions' })
    const eight = await build.anAgendaItem(january, {
      number: 8,
      title: "Children's social care improvement plan progress update",
      pageFrom: 63,
      pageTo: 112,
    })
    await build.aReport(eight)
    await build.aMeeting(committee, { date: '2024-03-27' })

    // September's minutes, approved under November's item 3; November's published.
    await build.minutesOf(september, { present: [chair], items: {} })
    const approvingItem = await t.db
      .selectFrom('agendaItems')
      .select('id')
      .where('meetingId', '=', november.id)
      .where('number', '=', '3')
      .executeTakeFirstOrThrow()
    const scrutiny = await t.as('scrutiny_officer')
    const approved = await scrutiny.post(`${september.url}/minutes/approve`, { agendaItemId: approvingItem.id })
    expect(approved.statusCode).toBe(303)
    await build.minutesOf(november, {
      present: [chair],
      items: { 3: { minute: 'The minutes were agreed.', resolutions: ['That the minutes be signed by the Chair.'] } },
    })
  })
  afterAll(() => t?.close())

  describe('the calendar', () => {
    it('lists upcoming meetings soonest first and past ones latest first, for everyone', async () => {
      for (const role of READERS) {
        const page = await (await t.as(role)).get('/meetings')
        expect(page.statusCode).toBe(200)
        const shown = text(page.body)
        expect(shown).toMatch(/Upcoming meetings .*Thursday 25 January 2024.*Wednesday 27 March 2024.*Past meetings/)
        expect(shown).toMatch(
          /Past meetings .*Thursday 9 November 2023.*Thursday 21 September 2023.*Thursday 12 April 2018/,
        )
        expect(shown.includes('Add a meeting')).toBe(role === 'scrutiny_officer' || role === 'admin')
      }
    })

    it('filters by body, says when there is nothing, and answers 404 for an unknown body', async () => {
      const executive = await t.visitor().get('/meetings?body=executive')
      expect(heading(executive.body)).toBe('Meetings of Executive')
      expect(text(executive.body)).toContain('No meetings are scheduled for Executive.')
      expect(text(executive.body)).toContain('There are no past meetings of Executive.')
      const committee = text((await t.visitor().get(`/meetings?body=${BODY}`)).body)
      expect(committee).toContain('Thursday 9 November 2023')
      expect(committee).not.toContain('12 April 2018')
      expect((await t.visitor().get('/meetings?body=no-such-body')).statusCode).toBe(404)
    })
  })

  describe('the meeting page', () => {
    it('shows the meeting, its numbered agenda with page ranges and report links', async () => {
      const page = await t.visitor().get(JANUARY)
      expect(page.statusCode).toBe(200)
      expect(heading(page.body)).toBe('Thursday 25 January 2024')
      const shown = text(page.body)
      expect(shown).toContain('6pm')
      expect(shown).toContain('Committee Room A, Town Hall, Blackpool')
      expect(shown).toContain('Scheduled')
      expect(shown).toMatch(/8\. Children's social care improvement plan progress update .*Pages 63 to 112/)
      // Item 8 comes second on this agenda, after item 4.
      expect(links(page.body)).toContain(`${JANUARY}/items/2/report`)
      expect(attribute(page.body, 'link[rel="alternate"][type="text/calendar"]', 'href')).toBe(
        `/calendar.ics?body=${bodyId}`,
      )
      expect(page.body).not.toContain('Change meeting details')
      expect(shown).not.toContain('History of changes')
      expect(links(page.body)).not.toContain(`${JANUARY}/minutes`)
    })

    it('links to published minutes, and shows each item’s minute and resolutions under it', async () => {
      const page = await t.visitor().get(NOVEMBER)
      expect(links(page.body)).toContain(`${NOVEMBER}/minutes`)
      const item = textAt(page.body, '#item-1')
      expect(item).toContain('The minutes were agreed.')
      expect(item).toContain('That the minutes be signed by the Chair.')
      // Before the minutes are published, the agenda shows none.
      expect(text((await t.visitor().get(JANUARY)).body)).not.toContain('The Committee agreed')
    })

    it('links draft minutes only for those who record minutes', async () => {
      const { id: meetingId } = await t.db
        .selectFrom('meetings')
        .select('id')
        .where('slug', '=', JANUARY.slice('/meetings/'.length))
        .executeTakeFirstOrThrow()
      await t.db
        .insertInto('minutes')
        .values({ meetingId, status: 'draft', noDeclarations: false, approvalAmendment: '' })
        .execute()
      try {
        for (const role of READERS) {
          const page = await (await t.as(role)).get(JANUARY)
          const recorder = role === 'scrutiny_officer' || role === 'admin'
          expect(page.body.includes(`href="${JANUARY}/minutes"`), role).toBe(recorder)
          expect(text(page.body).includes('Minutes Draft'), role).toBe(recorder)
        }
      } finally {
        await t.db.deleteFrom('minutes').where('meetingId', '=', meetingId).execute()
      }
    })

    it('answers 404 for a meeting that does not exist', async () => {
      const page = await t.visitor().get('/meetings/2024-01-26-nothing')
      expect(page.statusCode).toBe(404)
      expect(heading(page.body)).toBe('Page not found')
    })
  })

  describe('who may schedule meetings and build agendas', () => {
    const forms = [
      '/meetings/new',
      `${JANUARY}/edit`,
      `${JANUARY}/items/new`,
      // Item 4 is first on this agenda: its address is its place.
      `${JANUARY}/items/1/edit`,
      `${JANUARY}/items/1/delete`,
    ]
    const posts = [
      '/meetings',
      `${JANUARY}/edit`,
      `${JANUARY}/items`,
      `${JANUARY}/items/1/edit`,
      `${JANUARY}/items/1/move`,
      `${JANUARY}/items/1/delete`,
    ]

    it('sends the public to sign in', async () => {
      for (const url of [...forms, ...posts]) {
        const visitor = t.visitor()
        const response =
          forms.includes(url) && !posts.includes(url) ? await visitor.get(url) : await visitor.post(url, {})
        expect(response.statusCode, url).toBe(303)
        expect(response.headers.location, url).toMatch(/^\/sign-in\?returnTo=/)
      }
    })

    it.each(NOT_EDITORS)('refuses a %s', async (role) => {
      const agent = await t.as(role)
      for (const url of forms) expect((await agent.get(url)).statusCode, url).toBe(403)
      for (const url of posts)
        expect((await agent.post(url, item({ number: '12', title: 'Sneaky' }))).statusCode, url).toBe(403)
    })

    it.each(EDITORS)('shows the forms to a %s', async (role) => {
      const agent = await t.as(role)
      for (const url of forms) expect((await agent.get(url)).statusCode, url).toBe(200)
    })
  })

  describe('scheduling a meeting', () => {
    it('keeps the type of meeting, who to contact and the webcast, on the page and in the open data', async () => {
      const agent = await t.as('scrutiny_officer')
      const form = await agent.get(`/meetings/new?body=${bodyId}`)
      expect(formFields(form.body, '/meetings').type).toBe('ordinary')
      const base = { bodyId, 'date-day': '2', 'date-month': '9', 'date-year': '2024', startTime: '10am' }
      const wrong = await agent.post('/meetings', { ...base, type: 'secret', webcastUrl: 'javascript:alert(1)' })
      expect(wrong.statusCode).toBe(400)
      expect(errorSummary(wrong.body)).toEqual([
        'Select the type of meeting',
        'Enter the webcast link in the correct format, like https://example.public-i.tv/core/portal/webcast',
      ])
      expect(formFields(wrong.body, '/meetings').webcastUrl).toBe('javascript:alert(1)')
      const created = await agent.post('/meetings', {
        ...base,
        type: 'extraordinary',
        contact: 'Democratic Services, democratic.services@example.gov.uk',
        webcastUrl: 'https://example.public-i.tv/core/portal/webcast_interactive/812',
      })
      expect(created.statusCode).toBe(303)
      const url = created.headers.location as string
      const page = await t.visitor().get(url)
      expect(text(page.body)).toContain('Type Extraordinary (special) meeting')
      expect(text(page.body)).toContain('Contact Democratic Services, democratic.services@example.gov.uk')
      expect(anchors(page.body, 'main').find((link) => link.text === 'Watch the meeting')?.href).toBe(
        'https://example.public-i.tv/core/portal/webcast_interactive/812',
      )
      const { meetings } = (await t.visitor().get(`/api/v1/meetings?body=${bodyId}&pageSize=100`)).json<{
        meetings: { url: string; type: string; contact: string | null; webcastUrl: string | null }[]
      }>()
      expect(meetings.find((meeting) => meeting.url === url)).toMatchObject({
        type: 'extraordinary',
        contact: 'Democratic Services, democratic.services@example.gov.uk',
        webcastUrl: 'https://example.public-i.tv/core/portal/webcast_interactive/812',
      })
      expect(meetings.find((meeting) => meeting.url === JANUARY)).toMatchObject({
        type: 'ordinary',
        contact: null,
        webcastUrl: null,
      })
      const ordinary = text((await t.visitor().get(JANUARY)).body)
      expect(ordinary).toContain('Type Ordinary meeting')
      expect(ordinary).not.toContain('Watch the meeting')
    })

    it('explains what is wrong and keeps what was typed', async () => {
      const agent = await t.as('scrutiny_officer')
      const form = await agent.get(`/meetings/new?body=${bodyId}`)
      expect(formFields(form.body, '/meetings').bodyId).toBe(bodyId)
      const empty = await agent.post('/meetings', {
        bodyId: '',
        'date-day': '',
        'date-month': '',
        'date-year': '',
        venue: 'Kept venue',
      })
      expect(empty.statusCode).toBe(400)
      expect(errorSummary(empty.body)).toEqual(['Select the committee or other body', 'Enter the date of the meeting'])
      expect(formFields(empty.body, '/meetings').venue).toBe('Kept venue')
      expect(anchors(empty.body, '.govuk-error-summary').map((link) => link.href)).toEqual(['#bodyId', '#date-day'])
      const wrong = await agent.post('/meetings', {
        bodyId,
        'date-day': '31',
        'date-month': '2',
        'date-year': '2024',
        startTime: 'teatime',
      })
      expect(errorSummary(wrong.body)).toEqual([
        'Date of the meeting must be a real date',
        'Enter the start time in the correct format, like 6pm or 18:00',
      ])
      expect(formFields(wrong.body, '/meetings')['date-day']).toBe('31')
      // Days and months past the end of the calendar, and year 0, are not dates either.
      for (const [day, month, year] of [
        ['32', '1', '2024'],
        ['0', '1', '2024'],
        ['1', '13', '2024'],
        ['1', '1', '0'],
      ]) {
        const impossible = await agent.post('/meetings', {
          bodyId,
          'date-day': day,
          'date-month': month,
          'date-year': year,
        })
        expect(impossible.statusCode).toBe(400)
        expect(errorSummary(impossible.body)).toEqual(['Date of the meeting must be a real date'])
      }
    })

    it('creates a meeting at its date and body, then -2 for a second on the same day', async () => {
      const agent = await t.as('scrutiny_officer')
      const form = {
        bodyId,
        'date-day': '13',
        'date-month': '6',
        'date-year': '2024',
        startTime: '6pm',
        venue: 'Council Chamber',
      }
      const first = await agent.post('/meetings', form)
      expect(first.statusCode).toBe(303)
      expect(first.headers.location).toBe(`/meetings/2024-06-13-${BODY}`)
      // A second on the same day is asked about first, keeping what was typed.
      const asked = await agent.post('/meetings', form)
      expect(asked.statusCode).toBe(400)
      expect(errorSummary(asked.body)).toEqual([
        "Children and Young People's Scrutiny Committee already has a meeting on Thursday 13 June 2024. Tick the box to add another on the same day, or change the date",
      ])
      expect(formFields(asked.body, '/meetings').venue).toBe('Council Chamber')
      const second = await agent.post('/meetings', { ...form, confirmSameDay: 'yes' })
      expect(second.headers.location).toBe(`/meetings/2024-06-13-${BODY}-2`)
      const page = await agent.get(first.headers.location as string)
      expect(heading(page.body)).toBe('Thursday 13 June 2024')
      expect(text(page.body)).toContain('Council Chamber')
      expect(text(page.body)).toContain('The agenda has not been published yet.')
      expect(text(page.body)).toContain('Created meeting')
    })

    it('changes the details and status, keeping the address', async () => {
      const agent = await t.as('admin')
      const url = `/meetings/2024-06-13-${BODY}-2`
      const form = await agent.get(`${url}/edit`)
      expect(formFields(form.body, `${url}/edit`).startTime).toBe('6pm')
      const bad = await agent.post(`${url}/edit`, {
        'date-day': '13',
        'date-month': '6',
        'date-year': '2024',
        status: '',
      })
      expect(errorSummary(bad.body)).toEqual(['Select the status of the meeting'])
      const change = {
        ...(await agent.versionOf(`${url}/edit`)),
        'date-day': '20',
        'date-month': '6',
        'date-year': '2024',
        startTime: '18:30',
        venue: '',
        status: 'postponed',
        notes: 'The committee meets a week later.',
      }
      const noReason = await agent.post(`${url}/edit`, change)
      expect(noReason.statusCode).toBe(400)
      expect(errorSummary(noReason.body)).toEqual(['Enter the reason the meeting was postponed'])
      expect(fieldError(noReason.body, 'statusReason')).toBe('Error: Enter the reason the meeting was postponed')
      const saved = await agent.post(`${url}/edit`, { ...change, statusReason: 'The general election' })
      expect(saved.headers.location).toBe(url)
      // The page the save leads to confirms it, once, in a success banner; the public never see it.
      const confirmed = await agent.get(url)
      expect(textAt(confirmed.body, '.govuk-notification-banner--success')).toContain('Meeting updated')
      expect(text(confirmed.body)).toContain('Updated meeting')
      expect(count((await agent.get(url)).body, '.govuk-notification-banner--success')).toBe(0)
      const shown = text((await t.visitor().get(url)).body)
      expect(shown).toContain('Thursday 20 June 2024')
      expect(shown).toContain('6:30pm')
      expect(shown).toContain('Postponed: The general election')
      expect(shown).toContain('The committee meets a week later.')
      expect(text((await agent.get(url)).body)).toContain('Updated meeting')
    })

    it('keeps a planned finish time, which calendars and the open data follow, each change raising the sequence', async () => {
      const agent = await t.as('scrutiny_officer')
      const base = { bodyId, 'date-day': '11', 'date-month': '7', 'date-year': '2024', venue: 'Council Chamber' }
      const unordered = await agent.post('/meetings', { ...base, startTime: '6pm', endTime: '5pm' })
      expect(unordered.statusCode).toBe(400)
      expect(errorSummary(unordered.body)).toEqual(['The finish time must be after the start time'])
      expect(fieldError(unordered.body, 'endTime')).toBe('Error: The finish time must be after the start time')
      const alone = await agent.post('/meetings', { ...base, endTime: '8pm' })
      expect(errorSummary(alone.body)).toEqual(['Enter the start time as well as the finish time'])
      const garbled = await agent.post('/meetings', { ...base, startTime: '6pm', endTime: 'late' })
      expect(errorSummary(garbled.body)).toEqual(['Enter the finish time in the correct format, like 8pm or 20:00'])
      expect(formFields(garbled.body, '/meetings').endTime).toBe('late')

      const created = await agent.post('/meetings', { ...base, startTime: '6pm', endTime: '8.30pm' })
      expect(created.statusCode).toBe(303)
      const url = created.headers.location as string
      expect(text((await t.visitor().get(url)).body)).toContain('6pm to 8:30pm')
      const eventOf = async () => {
        const feed = (await t.visitor().get(`/calendar.ics?body=${bodyId}`)).body.replace(/\r\n /g, '')
        return feed.split('BEGIN:VEVENT').find((event) => event.includes(`${url}\r\n`))!
      }
      const first = await eventOf()
      // 11 July is in British Summer Time: 6pm to 8:30pm is 17:00 to 19:30 UTC.
      expect(first).toContain('DTSTART:20240711T170000Z')
      expect(first).toContain('DTEND:20240711T193000Z')
      expect(first).toContain('SEQUENCE:0')

      const edit = await agent.get(`${url}/edit`)
      expect(formFields(edit.body, `${url}/edit`).endTime).toBe('8:30pm')
      const moved = await agent.post(`${url}/edit`, {
        ...(await agent.versionOf(`${url}/edit`)),
        'date-day': '11',
        'date-month': '7',
        'date-year': '2024',
        startTime: '6pm',
        endTime: '',
        venue: 'Committee Room A',
        status: 'scheduled',
      })
      expect(moved.statusCode).toBe(303)
      const second = await eventOf()
      expect(second).toContain('DTEND:20240711T190000Z')
      expect(second).toContain('LOCATION:Committee Room A')
      expect(second).toContain('SEQUENCE:1')

      const api = await t.visitor().get(`/api/v1/meetings?body=${bodyId}&pageSize=100`)
      const { meetings: listed } = api.json<{
        meetings: { url: string; startTime: string; endTime: string | null }[]
      }>()
      expect(listed.find((meeting) => meeting.url === url)).toMatchObject({ startTime: '18:00', endTime: null })
    })

    it('deletes a meeting added by mistake, after asking, and only when nothing is recorded against it', async () => {
      const agent = await t.as('scrutiny_officer')
      const made = await agent.post('/meetings', { bodyId, 'date-day': '2', 'date-month': '7', 'date-year': '2024' })
      const url = made.headers.location as string
      expect(text((await agent.get(url)).body)).toContain('Delete this meeting')
      const asking = await agent.get(`${url}/delete`)
      expect(heading(asking.body)).toBe('Are you sure you want to delete this meeting?')
      expect((await committeeMember.post(`${url}/delete`, {})).statusCode).toBe(403)
      const deleted = await agent.post(`${url}/delete`, {})
      expect(deleted.statusCode).toBe(303)
      expect(deleted.headers.location).toBe(`/bodies/${BODY}`)
      expect((await agent.get(url)).statusCode).toBe(404)
      const audited = await t.db
        .selectFrom('auditEvents')
        .select('subjectId')
        .where('action', '=', 'deleted meeting')
        .executeTakeFirst()
      expect(audited?.subjectId).toBeTruthy()

      // One with an agenda is cancelled instead: the page says why and offers that.
      const january = `/meetings/2024-01-25-${BODY}`
      const refused = await agent.get(`${january}/delete`)
      expect(heading(refused.body)).toBe('You cannot delete this meeting')
      expect(text(refused.body)).toContain('2 agenda items')
      expect(links(refused.body)).toContain(`${january}/edit`)
      expect(text((await agent.get(january)).body)).not.toContain('Delete this meeting')
      const posted = await agent.post(`${january}/delete`, {})
      expect(posted.statusCode).toBe(400)
      expect(errorSummary(posted.body)).toEqual([
        'This meeting cannot be deleted: something has been recorded against it',
      ])
      expect((await agent.get(january)).statusCode).toBe(200)
    })

    it('pages the past meetings, 20 at a time', async () => {
      const agent = await t.as('scrutiny_officer')
      const executive = (
        await t.db.selectFrom('bodies').select('id').where('slug', '=', 'executive').executeTakeFirstOrThrow()
      ).id
      for (let day = 1; day <= 21; day++) {
        const made = await agent.post('/meetings', {
          bodyId: executive,
          'date-day': String(day),
          'date-month': '3',
          'date-year': '2022',
        })
        expect(made.statusCode).toBe(303)
      }
      const first = await t.visitor().get('/meetings?body=executive')
      expect(text(first.body)).toContain('Showing 1 to 20 of 21 past meetings')
      expect(links(first.body)).toContain('/meetings?body=executive&page=2')
      const second = await t.visitor().get('/meetings?body=executive&page=2')
      expect(text(second.body)).toContain('Showing 21 to 21 of 21 past meetings')
      expect(text(second.body)).toContain('Tuesday 1 March 2022')
      expect(text((await t.visitor().get('/meetings?body=executive&page=99')).body)).toContain('Showing 21 to 21')
    })
  })

  describe('building the agenda', () => {
    const meeting = `/meetings/2024-06-13-${BODY}`

    it('checks the item: number, title, pages and exemption', async () => {
      const agent = await t.as('scrutiny_officer')
      const blank = await agent.post(`${meeting}/items`, item({ purpose: 'Kept purpose', exempt: '' }))
      expect(blank.statusCode).toBe(400)
      expect(errorSummary(blank.body)).toEqual([
        'Enter the title of the item',
        'Select yes if it contains exempt information',
      ])
      expect(formFields(blank.body, `${meeting}/items`).purpose).toBe('Kept purpose')
      const wrong = await agent.post(
        `${meeting}/items`,
        item({
          number: 'CYP 2024 item four (a)',
          title: 'Budget',
          pageFrom: '14',
          pageTo: '7',
          exempt: 'yes',
          exemptParagraph: '',
        }),
      )
      expect(errorSummary(wrong.body)).toEqual([
        'Item number must be 20 characters or fewer',
        'Last page must be the same as or after the first page',
        'Select the paragraph of Schedule 12A that applies',
      ])
      const noFirst = await agent.post(`${meeting}/items`, item({ number: '1', title: 'Budget', pageTo: '7' }))
      expect(errorSummary(noFirst.body)).toEqual(['Enter the first page'])
    })

    it('adds items, refusing a number already on the agenda', async () => {
      const agent = await t.as('scrutiny_officer')
      const nextNumber = async () =>
        formFields((await agent.get(`${meeting}/items/new`)).body, `${meeting}/items`).number
      expect(await nextNumber()).toBe('1')
      const added = await agent.post(
        `${meeting}/items`,
        item({ number: '1', title: 'Declarations of interest', pageFrom: '3', pageTo: '5' }),
      )
      expect(added.headers.location).toBe(`${meeting}#item-1`)
      expect(await nextNumber()).toBe('2')
      const taken = await agent.post(`${meeting}/items`, item({ number: '1', title: 'Again' }))
      expect(taken.statusCode).toBe(400)
      expect(errorSummary(taken.body)).toEqual(['Item 1 is already on this agenda: choose another number'])
      const page = text((await agent.get(meeting)).body)
      expect(page).toMatch(/1\. Declarations of interest .*Pages 3 to 5/)
      expect(page).toContain('Added agenda item')
    })

    it('changes an item’s number, which keeps its place and its address', async () => {
      const agent = await t.as('admin')
      const form = await agent.get(`${meeting}/items/1/edit`)
      expect(formFields(form.body, `${meeting}/items/1/edit`).title).toBe('Declarations of interest')
      const saved = await agent.post(
        `${meeting}/items/1/edit`,
        item({ number: '2', title: 'Declarations of interest', pageFrom: '3', pageTo: '3' }),
      )
      expect(saved.headers.location).toBe(`${meeting}#item-1`)
      expect(formFields((await agent.get(`${meeting}/items/1/edit`)).body, `${meeting}/items/1/edit`).number).toBe('2')
      expect(text((await agent.get(meeting)).body)).toMatch(/2\. Declarations of interest .*Page 3 /)
    })

    it('removes an item after asking, and will not remove one that minutes were approved under', async () => {
      const agent = await t.as('scrutiny_officer')
      const confirm = await agent.get(`${meeting}/items/1/delete`)
      expect(heading(confirm.body)).toBe('Are you sure you want to remove item 2?')
      const removed = await agent.post(`${meeting}/items/1/delete`)
      expect(removed.statusCode).toBe(303)
      expect(text((await agent.get(meeting)).body)).toContain('The agenda has not been published yet.')
      const refused = await agent.post(`${NOVEMBER}/items/1/delete`)
      expect(refused.statusCode).toBe(400)
      expect(errorSummary(refused.body)).toEqual([
        'This item cannot be removed because the minutes of an earlier meeting were approved under it',
      ])
    })

    it('shows an exempt item to the public as its title and paragraph only', async () => {
      const agent = await t.as('scrutiny_officer')
      const added = await agent.post(
        `${meeting}/items`,
        item({
          number: '9',
          title: 'Placement contract',
          purpose: 'Secret purpose of the placement item',
          pageFrom: '40',
          pageTo: '44',
          exempt: 'yes',
          exemptParagraph: '3',
          exemptReason: 'Commercial terms of a placement provider',
          'exemptReviewOn-day': '1',
          'exemptReviewOn-month': '6',
          'exemptReviewOn-year': '2025',
        }),
      )
      expect(added.statusCode).toBe(303)
      const itemPath = `${meeting}/items/${String(added.headers.location).split('#item-')[1]}`
      const form = await agent.get(`${itemPath}/edit`)
      expect(formFields(form.body, `${itemPath}/edit`)).toMatchObject({
        exemptParagraph: '3',
        exemptReason: 'Commercial terms of a placement provider',
      })
      const label = 'Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972'
      expect((await agent.post(`${meeting}/agenda/publish`)).statusCode).toBe(303)
      const publicPage = await t.visitor().get(meeting)
      expect(text(publicPage.body)).toContain('9. Placement contract')
      expect(text(publicPage.body)).toContain(label)
      expect(publicPage.body).not.toContain('Secret purpose')
      expect(publicPage.body).not.toContain('Pages 40 to 44')
      expect(publicPage.body).not.toContain('Commercial terms')
      expect(text((await committeeMember.get(meeting)).body)).toContain('Secret purpose of the placement item')
    })
  })
})
