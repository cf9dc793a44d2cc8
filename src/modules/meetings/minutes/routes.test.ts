import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { heading, text } from '../../../../test/support/html.ts'

const body = 'children-and-young-peoples-scrutiny-committee'
const september = `/meetings/2023-09-21-${body}/minutes`
const november = `/meetings/2023-11-09-${body}/minutes`
const january = `/meetings/2024-01-25-${body}/minutes`
const anId = '00000000-0000-4000-8000-000000000000'

/** Every recording page and action, on the published minutes of 9 November 2023. */
const editGets = [
  'edit',
  'attendance/new',
  `attendance/${anId}/edit`,
  'declarations/new',
  'items/6',
  'items/6/resolutions/new',
]
  .concat([`resolutions/${anId}/edit`, 'ended', 'publish', 'unpublish', 'approve'])
  .map((path) => `${november}/${path}`)
const editPosts = ['start', 'attendance', `attendance/${anId}/edit`, `attendance/${anId}/remove`, 'attendance/members']
  .concat(['declarations', `declarations/${anId}/remove`, 'declarations/none', 'items/6', 'items/6/resolutions'])
  .concat([`resolutions/${anId}/edit`, `resolutions/${anId}/remove`, 'ended', 'publish', 'unpublish', 'approve'])
  .map((path) => `${november}/${path}`)

describe.each(testDatabases())('minutes of the demo committee on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  describe('the public minutes page', () => {
    it('shows the approved minutes of 21 September 2023 as the papers print them', async () => {
      const page = await t.visitor().get(september)
      expect(page.statusCode).toBe(200)
      expect(heading(page.body)).toBe(
        "Minutes of Children and Young People's Scrutiny Committee, Thursday 21 September 2023",
      )
      const shown = text(page.body)
      expect(shown).toMatch(/Approved Approved as a correct record at the meeting on 9 November 2023 under item 3\./)
      expect(page.body).toContain(`href="/meetings/2023-11-09-${body}"`)
      expect(shown).toMatch(/Present Councillor Flanagan \(in the Chair\) Members Councillor Bamborough/)
      expect(shown).toContain('Co-opted members Ms Gemma Clayton')
      expect(shown).toMatch(/In attendance .*Mr Chris Coyle, Assistant Director of Children's Services/)
      expect(shown).toContain("Councillor Jim Hobson, Cabinet Member for Children's Services")
      expect(shown).toContain('There were no declarations of interest.')
      expect(shown).toContain("6. Children's social care update: improvement plan")
      expect(shown).toMatch(
        /The Committee agreed: To receive the domestic abuse review report when it is available\. Recommendation 4 in the recommendations tracker : item 6, resolution 1 To consider progress on the improvement plan in early 2024\. To receive an updated copy/,
      )
      expect(page.body).toMatch(/<ol class="govuk-list govuk-list--number">\s*<li>To receive the domestic abuse/)
      expect(shown).toContain('The meeting ended at 7:48pm.')
    })

    it('keeps the history and the recording link from the public, and shows them to staff', async () => {
      const publicPage = await t.visitor().get(september)
      expect(publicPage.body).not.toContain('History of changes')
      expect(publicPage.body).not.toContain('Record the minutes')
      const memberPage = await (await t.as('member')).get(september)
      expect(memberPage.body).not.toContain('Record the minutes')
      const officerPage = await (await t.as('scrutiny_officer')).get(september)
      expect(officerPage.body).toContain('>Record the minutes</a>')
    })

    it('shows published minutes of 9 November 2023 as not yet approved, with S Brookes in the chair', async () => {
      const page = await t.visitor().get(november)
      expect(page.statusCode).toBe(200)
      const shown = text(page.body)
      expect(shown).toContain('Published, not yet approved')
      expect(shown).toContain('These minutes have not yet been approved as a correct record.')
      expect(shown).toContain('Councillor Shaun Brookes (in the Chair)')
      expect(shown).toContain('Co-opted members Ms Gemma Clayton Ms Jo Snape')
      expect(shown).toContain('The meeting ended at 7:56pm.')
    })

    it.each(['public', 'member', 'officer', 'analyst'] as const)(
      'answers 404 to a %s for a meeting without minutes',
      async (role) => {
        const page = await (await t.as(role)).get(january)
        expect(page.statusCode).toBe(404)
      },
    )

    it('offers to start the minutes of a meeting without them to a scrutiny officer', async () => {
      const page = await (await t.as('scrutiny_officer')).get(january)
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).toContain('The minutes of this meeting have not been started.')
      expect(page.body).toContain(`action="${january}/start"`)
    })

    it('answers 404 for a meeting that does not exist', async () => {
      const page = await t.visitor().get('/meetings/2023-01-01-nobody/minutes')
      expect(page.statusCode).toBe(404)
      expect(heading(page.body)).toBe('Page not found')
    })
  })

  describe('recording, by role', () => {
    it.each(editGets)('sends the public to sign in from %s', async (url) => {
      const page = await t.visitor().get(url)
      expect(page.statusCode).toBe(303)
      expect(page.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(url)}`)
    })

    it.each(editPosts)('sends the public to sign in when posting to %s', async (url) => {
      const page = await t.visitor().post(url, {})
      expect(page.statusCode).toBe(303)
      expect(page.headers.location).toMatch(/^\/sign-in\?returnTo=/)
    })

    it.each(['member', 'officer', 'analyst'] as const)(
      'refuses every recording page and action to a %s',
      async (role) => {
        const agent = await t.as(role)
        for (const url of editGets) expect((await agent.get(url)).statusCode, url).toBe(403)
        for (const url of editPosts)
          expect((await agent.post(url, { none: 'yes', reason: 'x' })).statusCode, url).toBe(403)
        expect(text((await t.visitor().get(november)).body)).toContain('Published, not yet approved')
      },
    )

    it.each(['scrutiny_officer', 'admin'] as const)(
      'lets a %s open the recording of published minutes',
      async (role) => {
        const agent = await t.as(role)
        const page = await agent.get(`${november}/edit`)
        expect(page.statusCode).toBe(200)
        expect(heading(page.body)).toBe('Record the minutes')
        expect(text(page.body)).toContain('Anyone can read these minutes.')
        expect(page.body).not.toContain('/attendance/new')
        const draftOnly = await agent.get(`${november}/attendance/new`)
        expect(draftOnly.statusCode).toBe(303)
        expect(draftOnly.headers.location).toBe(`${november}/edit`)
      },
    )

    it('has no later meeting that has taken place to approve the 9 November minutes at', async () => {
      const page = await (await t.as('scrutiny_officer')).get(`${november}/approve`)
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).toContain('No later meeting of the')
    })

    it('refuses to change published minutes until they are unpublished', async () => {
      const agent = await t.as('scrutiny_officer')
      const edit = await agent.get(`${november}/edit`)
      const attendanceId = /attendance\/([0-9a-f-]{36})\/edit/.exec(edit.body)?.[1]
      expect(attendanceId).toBeUndefined()
      const refused = await agent.post(`${november}/declarations/none`, { none: 'no' })
      expect(refused.statusCode).toBe(400)
      expect(text(refused.body)).toContain('The minutes have been published. Unpublish them before making changes')
    })
  })

  describe('open data', () => {
    it('lists meetings with their body, filtered by body and dates', async () => {
      const response = await t.visitor().get('/api/v1/meetings?from=2023-09-01&to=2023-12-31')
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      const { meetings } = response.json()
      expect(meetings.map((m: { date: string }) => m.date)).toEqual(['2023-09-21', '2023-11-09'])
      expect(meetings[1]).toMatchObject({
        slug: `2023-11-09-${body}`,
        body: { name: "Children and Young People's Scrutiny Committee" },
        startTime: '18:00',
        status: 'held',
        url: `/meetings/2023-11-09-${body}`,
      })
      const bodyId = meetings[0].body.id
      const ofBody = (await t.visitor().get(`/api/v1/meetings?body=${bodyId}&from=2024-01-01`)).json()
      expect(ofBody.meetings.map((m: { date: string }) => m.date)).toEqual(['2024-01-25', '2024-03-27'])
    })

    it.each([
      ['?from=21-09-2023', 'from'],
      ['?to=2023-02-30', 'to'],
      ['?from=2024-01-01&to=2023-01-01', 'to'],
      ['?body=committee', 'body'],
    ])('refuses %s with the reason', async (query, field) => {
      const response = await t.visitor().get(`/api/v1/meetings${query}`)
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      const json = response.json()
      expect(json.error).toBe('The query is not valid')
      expect(json.details[0].field).toBe(field)
    })

    it('gives a meeting with its items, minutes, resolutions and attendance, by slug or id', async () => {
      const bySlug = (await t.visitor().get(`/api/v1/meetings/2023-09-21-${body}`)).json()
      expect(bySlug.minutesStatus).toBe('approved')
      expect(bySlug.items).toHaveLength(10)
      const item6 = bySlug.items[5]
      expect(item6).toMatchObject({
        number: '6',
        position: 6,
        title: "Children's social care update: improvement plan",
        exempt: null,
      })
      expect(item6.minute).toContain('Chris Coyle introduced the plan')
      expect(item6.resolutions.map((r: { number: number }) => r.number)).toEqual([1, 2, 3])
      expect(bySlug.attendance[0]).toEqual({
        name: 'Councillor Flanagan',
        capacity: 'member',
        status: 'present',
        substituteFor: null,
        arrivedAtItem: null,
        leftAtItem: null,
        roleAtMeeting: null,
        chaired: true,
      })
      expect(bySlug.declarations).toEqual([])
      expect(bySlug.approval).toMatchObject({ on: '2023-11-09', item: '3' })
      const byId = await t.visitor().get(`/api/v1/meetings/${bySlug.id}`)
      expect(byId.json()).toEqual(bySlug)
    })

    it('gives the agenda of a meeting without minutes, and no minutes', async () => {
      const meeting = (await t.visitor().get(`/api/v1/meetings/2024-01-25-${body}`)).json()
      expect(meeting.minutesStatus).toBeNull()
      expect(meeting.items).toHaveLength(11)
      expect(meeting.items[1]).toMatchObject({ number: '2', pages: { from: 1, to: 6 }, minute: null, resolutions: [] })
      expect(meeting.attendance).toEqual([])
    })

    it('answers 404 in JSON for a meeting that does not exist', async () => {
      for (const id of [anId, 'no-such-meeting']) {
        const response = await t.visitor().get(`/api/v1/meetings/${id}`)
        expect(response.statusCode).toBe(404)
        expect(response.headers['content-type']).toMatch(/^application\/json/)
        expect(response.json()).toEqual({ error: 'not found', statusCode: 404 })
      }
    })
  })
})
