import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../test/support/agent.ts'
import { testDatabases } from '../test/support/databases.ts'
import { ALL_ROLES, TEST_BASE_URL, type TestApp, type TestRole, startTestApp } from '../test/support/harness.ts'
import { rawGet } from '../test/support/raw-http.ts'
import {
  JANUARY,
  MARCH,
  PAPER_SAMPLES,
  type SampleRecords,
  prepareSamples,
  sampleAddress,
} from '../test/support/route-samples.ts'

/**
 * Every route the app registers, requested as every role. The module tests check what each page
 * says; this one checks the rules no route may break, and fails when a new route has no sample
 * address in test/support/route-samples.ts (so nothing is added without being tried as every role):
 *
 * - no route answers 5xx to anyone;
 * - a signed-out visitor gets each public page, and is sent to sign in for every other one;
 * - the admin, who may do everything, gets every page;
 * - a member and an analyst are refused every form but the few an analyst uses;
 * - no form post from someone without the permission, and none without a CSRF token even from
 *   the admin, changes anything: no audit event is written (every change writes one);
 * - no public page or feed puts the request's Host (or X-Forwarded-Host) into what it sends, fresh
 *   or from the page cache, which is on here as in production.
 */

/** Public pages that need no account. Everything else sends a signed-out visitor to sign in. */
const PUBLIC = [
  /^\/(ping|health|info|sign-in|signed-out)$/,
  /^\/sign-in\/oidc(\/callback)?$/,
  /^\/(assets|vendor|static)\/\*$/,
  /^\/$/,
  /^\/(search|calendar\.ics|open-data|accessibility)$/,
  /^\/api\/v1\//,
  /^\/bodies(\/:slug)?$/,
  /^\/bodies\/:slug\/(recommendations|decisions|work-programme)$/,
  /^\/bodies\/:slug\/alerts(\/check-your-email|\/stopped)?$/,
  /^\/alerts\/:token\/(confirm|unsubscribe)$/,
  /^\/bodies\/:slug\/work-programme\/:id$/,
  /^\/people(\/:slug)?$/,
  /^\/meetings(\/:slug)?$/,
  /^\/meetings\/:slug\/(minutes(\.pdf|\.docx)?|items\/:position\/report(\.pdf|\.docx)?|agenda\.pdf|papers\/:file)$/,
  /^\/meetings\/:slug\/minutes\/versions\/:id$/,
  /^\/meetings\/:slug\/items\/:position\/report\/appendices\/:id$/,
  /^\/documents\/:id$/,
  /^\/recommendations\/:id$/,
  /^\/decisions(\.atom|\/:slug|\/:slug\/documents\/:number)?$/,
  /^\/forward-plan(\/:plan|\/:plan\/items\/:item)?$/,
  /^\/waiting-lists(\/:service)?$/,
  /^\/petitions(\/:slug)?$/,
  /^\/outcomes(\/export|\/:code)?$/,
  /^\/inspections(\/:slug)?$/,
  /^\/improvement-plans(\/:slug|\/:slug\/since|\/:slug\/milestones|\/:slug\/actions\/:reference)?$/,
]
const isPublic = (url: string) => PUBLIC.some((pattern) => pattern.test(url))

/** Pages any signed-in person may open, whatever their role. */
const ANY_ACCOUNT = ['/account', '/my/recommendations']

/**
 * What the two roles that do not run the committee may still change: an analyst keeps the health
 * services and records their waiting-list figures. Their forms answer these roles with the form,
 * and a post of nonsense with its errors (400), and still change nothing.
 */
const MAY_EDIT: Record<'member' | 'analyst', RegExp[]> = {
  member: [],
  analyst: [
    /^\/waiting-lists\/:service\/figures/,
    /^\/waiting-lists(\/new|\/:service\/edit)?$/,
    /^\/outcomes(\/(import|populations|periods|new|:code\/edit|:code\/:period\/edit|:code\/work-programme|:code\/actions))?/,
    /^\/outcomes\/returns/,
  ],
}

/** Posts anyone may make: signing in (public) and out, and asking for, confirming and stopping email alerts. */
const OPEN_POSTS = [
  '/sign-in',
  '/sign-out',
  '/bodies/:slug/alerts',
  '/alerts/:token/confirm',
  '/alerts/:token/unsubscribe',
]

/** Host headers anyone can send (null: none at all): none may reach a page, and none may make one fail. */
const HOSTILE_HOSTS = [
  'evil.example',
  '',
  null,
  `${'a'.repeat(8_000)}.evil.example`,
  'evil example',
  '[::1',
  'evil.example/path?q=<b>',
  'evil.example:99999',
]
const FORWARDED = ['X-Forwarded-Host: evil.example', 'X-Forwarded-Proto: http', 'Forwarded: host=evil.example']

/** GETs that answer anyone other than 200, and why. */
const NOT_200: Record<string, number> = {
  // Samples a document that does not exist.
  '/documents/:id': 404,
  // Sign-in through an OpenID Connect provider: none is set up here (src/platform/auth/oidc.test.ts has one).
  '/sign-in/oidc': 404,
  '/sign-in/oidc/callback': 404,
}

/** Admin GETs that answer other than 200, and why. */
const ADMIN_NOT_200: Record<string, number> = {
  ...NOT_200,
  // The records failing validation are child-level data: only an analyst granted it reads them (not
  // the demo's analyst, nor an admin).
  '/outcomes/returns/extracts/:id/failures': 403,
  // Tracking a resolution goes on to the new-recommendation form, filled in from the resolution.
  '/resolutions/:id/track': 303,
}

describe.each(testDatabases())('every route as every role ($name)', (database) => {
  let t: TestApp
  const agents = {} as Record<TestRole, Agent>
  let ids: SampleRecords

  beforeAll(async () => {
    t = await startTestApp(database, { publicCache: true })
    for (const role of ALL_ROLES) agents[role] = await t.as(role)
    ids = await prepareSamples(t, agents.scrutiny_officer)
  })
  afterAll(async () => t?.close())

  const sample = (url: string) => sampleAddress(url, ids)

  const routes = () => t.app.routeTable
  const gets = () => routes().filter((route) => route.method === 'GET')
  const posts = () => routes().filter((route) => route.method === 'POST')

  /** Audit events that record a change (sign-ins, sign-outs and views of exempt papers are not changes). */
  const changes = async () => {
    const row = await t.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', 'not in', ['signed in', 'signed out', 'sign-in failed'])
      .where('action', 'not like', 'viewed %')
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('knows every route: each has a sample address, and only GET and POST are used', () => {
    expect(routes().length).toBeGreaterThan(100)
    expect(new Set(routes().map((route) => route.method))).toEqual(new Set(['GET', 'POST']))
    for (const route of routes()) expect(() => sample(route.url)).not.toThrow()
    // The forms behind the sample addresses are real: the January meeting, its item 4 and Appendix 4(a).
    expect(sample('/meetings/:slug/items/:position/report/appendices/:id')).toBe(
      `/meetings/${JANUARY}/items/4/report/appendices/${ids.appendix}`,
    )
  })

  it.each(ALL_ROLES)('no GET answers 5xx to %s', async (role) => {
    const failures: string[] = []
    for (const route of gets()) {
      const response = await agents[role].get(sample(route.url))
      if (response.statusCode >= 500) failures.push(`${route.url}: ${response.statusCode}`)
    }
    expect(failures).toEqual([])
  })

  it.each(ALL_ROLES)(
    'each page offered as a paper answers %s as the page does, with a PDF or Word document',
    async (role) => {
      const types = {
        pdf: 'application/pdf',
        docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }
      const wrong: string[] = []
      for (const address of PAPER_SAMPLES) {
        const page = await agents[role].get(address)
        for (const [format, type] of Object.entries(types)) {
          const url = `${address}${address.includes('?') ? '&' : '?'}format=${format}`
          const paper = await agents[role].get(url)
          const got = `${paper.statusCode} ${page.statusCode === 200 ? String(paper.headers['content-type']) : ''}`
          const expected = `${page.statusCode} ${page.statusCode === 200 ? type : ''}`
          if (got !== expected) wrong.push(`${url}: ${got}, expected ${expected}`)
        }
      }
      expect(wrong).toEqual([])
    },
  )

  it('a signed-out visitor reads every public page and is sent to sign in for the rest', async () => {
    const wrong: string[] = []
    for (const route of gets()) {
      const response = await agents.public.get(sample(route.url))
      const location = String(response.headers.location ?? '')
      if (isPublic(route.url)) {
        const expected = NOT_200[route.url] ?? 200
        if (response.statusCode !== expected) wrong.push(`${route.url}: ${response.statusCode}, expected ${expected}`)
      } else if (response.statusCode !== 303 || !location.startsWith('/sign-in')) {
        wrong.push(`${route.url}: ${response.statusCode} ${location}, expected 303 to /sign-in`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('no public page puts a hostile Host header into what it sends, fresh or cached, nor fails on one', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as { port: number }
    const wrong: string[] = []
    const leaks = (text: string) => text.toLowerCase().includes('evil.example')
    for (const route of gets().filter((r) => isPublic(r.url))) {
      const url = sample(route.url)
      // The first is rendered afresh (no-cache) and so is the copy the cache keeps for the next visitor.
      for (const [i, host] of HOSTILE_HOSTS.entries()) {
        const headers = [...(host === null ? [] : [`Host: ${host}`]), ...FORWARDED]
        const response = await rawGet(port, url, i === 0 ? [...headers, 'Cache-Control: no-cache'] : headers)
        if (response.status >= 500 || response.status === 0 || leaks(response.text)) {
          const shown = host === null ? 'missing' : JSON.stringify(host.slice(0, 30))
          wrong.push(`${url} with Host ${shown}: ${response.status}`)
        }
      }
      const absolute = await rawGet(port, `http://evil.example${url}`, ['Host: evil.example'])
      if (absolute.status >= 500 || leaks(absolute.text)) wrong.push(`http://evil.example${url}: ${absolute.status}`)
      const next = await agents.public.get(url)
      if (leaks(next.body) || leaks(JSON.stringify(next.headers))) wrong.push(`${url} as the next visitor`)
    }
    expect(wrong).toEqual([])
    // The feeds' links are built from the configured address, and come from the cache the requests above filled.
    for (const [url, link] of [
      ['/calendar.ics', `${TEST_BASE_URL}/meetings/${JANUARY}`],
      ['/decisions.atom', `${TEST_BASE_URL}/decisions/ex48-2023`],
      ['/open-data', `${TEST_BASE_URL}/calendar.ics`],
    ]) {
      const response = await agents.public.get(url)
      expect(response.headers['x-oversight-cache'], url).toBe('hit')
      expect(response.body.replace(/\r\n[ \t]/g, ''), url).toContain(link)
    }
  })

  it('the admin opens every page', async () => {
    const wrong: string[] = []
    for (const route of gets()) {
      const expected = ADMIN_NOT_200[route.url] ?? 200
      const response = await agents.admin.get(sample(route.url))
      if (response.statusCode !== expected) wrong.push(`${route.url}: ${response.statusCode}, expected ${expected}`)
    }
    expect(wrong).toEqual([])
  })

  it.each(['member', 'analyst'] as const)('a %s is refused every form page but their own', async (role) => {
    const wrong: string[] = []
    for (const route of gets()) {
      if (isPublic(route.url) || ANY_ACCOUNT.includes(route.url)) continue
      const mayEdit = MAY_EDIT[role].some((pattern) => pattern.test(route.url))
      const response = await agents[role].get(sample(route.url))
      const expected = mayEdit ? [ADMIN_NOT_200[route.url] ?? 200] : [403, 404]
      if (!expected.includes(response.statusCode))
        wrong.push(`${route.url}: ${response.statusCode}, expected ${expected[0]}`)
    }
    expect(wrong).toEqual([])
  })

  it.each(['public', 'member', 'analyst'] as const)(
    'no form post by %s changes anything: signed out it asks for sign-in, signed in it is refused (or, on their own forms, corrected)',
    async (role) => {
      const before = await changes()
      const wrong: string[] = []
      for (const route of posts()) {
        if (OPEN_POSTS.includes(route.url)) continue
        const response = await agents[role].post(sample(route.url), { title: 'Should not be saved' })
        const location = String(response.headers.location ?? '')
        const mayEdit = role !== 'public' && MAY_EDIT[role].some((pattern) => pattern.test(route.url))
        const refused =
          role === 'public'
            ? response.statusCode === 303 && location.startsWith('/sign-in')
            : response.statusCode === (mayEdit ? 400 : 403)
        if (!refused) wrong.push(`${route.url}: ${response.statusCode} ${location}`)
      }
      expect(wrong).toEqual([])
      expect(await changes()).toBe(before)
    },
  )

  it('no form post without a CSRF token is accepted, even from the admin', async () => {
    const before = await changes()
    const wrong: string[] = []
    for (const route of posts()) {
      if (route.url === '/sign-out') continue // checked below: it must not sign the admin out
      const response = await agents.admin.post(sample(route.url), { title: 'Should not be saved' }, { csrf: false })
      if (response.statusCode !== 403) wrong.push(`${route.url}: ${response.statusCode}`)
    }
    expect(wrong).toEqual([])
    expect(await changes()).toBe(before)
    expect((await agents.admin.post('/sign-out', {}, { csrf: false })).statusCode).toBe(403)
    expect((await agents.admin.get('/admin')).statusCode).toBe(200)
  })

  it('a sample of the forms really are there to be refused: the March meeting takes items', async () => {
    // Guards the test above against refusing only because the sample addresses are wrong.
    expect((await agents.scrutiny_officer.get(`/meetings/${MARCH}/items/new`)).statusCode).toBe(200)
    expect((await agents.member.get(`/meetings/${MARCH}/items/new`)).statusCode).toBe(403)
  })
})
