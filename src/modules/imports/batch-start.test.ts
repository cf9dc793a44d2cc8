import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import {
  attribute,
  confirmation,
  errorSummary,
  fieldError,
  heading,
  summaryList,
  table,
  tags,
  text,
} from '../../../test/support/html.ts'

const FIXTURES = 'test/fixtures/moderngov'

/** What the stand-in web service answers, by method and query, as the fixtures hold them. */
const SERVED: Record<string, string> = {
  'GetCommittees?lDays=0': 'committees.xml',
  GetCouncillorsByWard: 'councillors-by-ward.xml',
  'GetMeeting?lMeetingId=2001': 'meeting-2001.xml',
  'GetMeeting?lMeetingId=2002': 'meeting-2002.xml',
}

/** The committee's meetings, less the one whose own response the site does not have (2004). */
const MEETINGS_101 = readFileSync(join(FIXTURES, 'meetings-101.xml'), 'utf8').replace(
  /<meeting>\s*<meetingid>2004<\/meetingid>[\s\S]*?<\/meeting>/,
  '',
)

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  const method = url.pathname.replace('/mgWebService.asmx/', '')
  if (method === 'GetMeetings')
    return response.end(url.searchParams.get('lCommitteeId') === '101' ? MEETINGS_101 : '<meetings></meetings>')
  const name = SERVED[`${method}${url.search}`]
  if (!name) return response.writeHead(404).end()
  response.setHeader('content-type', 'text/xml; charset=utf-8')
  response.end(readFileSync(join(FIXTURES, name)))
})

describe.each(testDatabases())('an import started from the admin page on $name', (database) => {
  let t: TestApp
  let admin: Agent
  let site = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    t = await startTestApp(database, { demo: false })
    admin = await t.as('admin')
  })
  afterAll(async () => {
    await t?.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  const form = (changes: Record<string, string> = {}) => ({
    address: site,
    'from-day': '1',
    'from-month': '1',
    'from-year': '2024',
    'to-day': '',
    'to-month': '',
    'to-year': '',
    bodies: '',
    ...changes,
  })

  it('is offered to admins only', async () => {
    expect(heading((await admin.get('/admin/imports/new')).body)).toBe('Start an import from Modern.gov')
    for (const role of ['member', 'scrutiny_officer'] as const) {
      const agent = await t.as(role)
      expect((await agent.get('/admin/imports/new')).statusCode).toBe(403)
      expect((await agent.post('/admin/imports/new', form())).statusCode).toBe(403)
    }
  })

  it('refuses an address or dates it cannot use, next to the field, and starts nothing', async () => {
    const refused = await admin.post(
      '/admin/imports/new',
      form({ address: 'https://user:secret@example.gov.uk', 'from-day': '31', 'from-month': '2' }),
    )
    expect(refused.statusCode).toBe(400)
    expect(errorSummary(refused.body)).toEqual([
      'Enter the address without a user name or password: the web service needs none',
      'Enter the date of the first meetings to import, like 1 9 2020',
    ])
    expect(fieldError(refused.body, 'address')).toContain('without a user name or password')
    const backwards = await admin.post(
      '/admin/imports/new',
      form({ 'to-day': '1', 'to-month': '1', 'to-year': '2023' }),
    )
    expect(errorSummary(backwards.body)).toEqual([
      'The date of the last meetings must be the same as or after the date of the first',
    ])
    const blank = await admin.post('/admin/imports/new', form({ address: '' }))
    expect(errorSummary(blank.body)).toEqual([
      'Enter the address of the council’s Modern.gov site, like https://democracy.example.gov.uk',
    ])
    expect(await t.db.selectFrom('importBatches').select('id').execute()).toEqual([])
  })

  it('reads the web service in the background, showing its progress, and leaves the import ready to review', async () => {
    const started = await admin.post(
      '/admin/imports/new',
      form({ bodies: 'Children and Young People Scrutiny Committee\n' }),
    )
    expect(started.statusCode).toBe(303)
    const address = String(started.headers.location)
    expect(address).toMatch(/^\/admin\/imports\/[0-9a-f-]{36}$/)

    // Asked once a second or so (the polite pause): the page reads while it runs, then shows the plan.
    let page = await admin.get(address)
    expect(confirmation(page.body)).toBe('Import started')
    expect(tags(page.body, 'main')).toEqual(['Reading'])
    expect(summaryList(page.body)).toMatchObject({
      Source: site,
      Committees: 'Children and Young People Scrutiny Committee',
      Range: 'Meetings from 1 January 2024 to 22 January 2025',
    })
    for (let tries = 0; tags(page.body, 'main').includes('Reading') && tries < 60; tries += 1) {
      expect(text(page.body)).toMatch(/Requests: \d+ of \d+/)
      await new Promise((resolve) => setTimeout(resolve, 500))
      page = await admin.get(address)
    }
    expect(tags(page.body, 'main')).toEqual(['Ready to review'])
    expect(summaryList(page.body).Made).toMatch(/ by Demo admin$/)
    expect(table(page.body, { caption: 'What applying would do' })).toContainEqual(['Meetings', '2', '0', '0'])
    expect(text(page.body)).toContain('Apply import')
  }, 60_000)

  it('shows a run’s progress as done of total, rate and time left, and refreshes the page until it is ready', async () => {
    const id = randomUUID()
    await t.db
      .insertInto('importBatches')
      .values({
        id,
        system: 'moderngov',
        source: site,
        options: JSON.stringify({ bodies: [], from: '2024-01-01', to: null }),
        status: 'running',
        progressDone: 3,
        progressTotal: 12,
        progressStartedAt: new Date(Date.now() - 6_000),
      })
      .execute()
    const page = await admin.get(`/admin/imports/${id}`)
    expect(tags(page.body, 'main')).toEqual(['Reading'])
    expect(text(page.body)).toMatch(/Requests: 3 of 12 \(25%\), 0\.5 a second, about 1[89] s left/)
    expect(attribute(page.body, '[data-app-refresh]', 'data-app-refresh')).toBe('5')
    expect(text(page.body)).not.toContain('Apply import')
    const apply = await admin.post(`/admin/imports/${id}/apply`)
    expect(errorSummary(apply.body)).toEqual(['This import is still reading its source: apply it once it is ready.'])
    // One left reading by a server that stopped can be set aside.
    expect((await admin.post(`/admin/imports/${id}/discard`)).statusCode).toBe(303)
    const discarded = await admin.get(`/admin/imports/${id}`)
    expect(confirmation(discarded.body)).toBe('Import discarded')
    expect(tags(discarded.body, 'main')).toEqual(['Discarded'])
  })
})
