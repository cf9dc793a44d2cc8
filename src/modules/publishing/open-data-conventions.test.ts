import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_BASE_URL, type TestApp, startTestApp } from '../../../test/support/harness.ts'

const OGL = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
}

interface BodiesPage {
  licence: unknown
  page: number
  pageSize: number
  total: number
  next: string | null
  bodies: { name: string }[]
}

/**
 * What every /api/v1 answer has in common (ADR 14): lists come a page at a time with a link to the
 * next, every answer with data names its licence, a client may ask whether its copy is still
 * current, and a page on another site may read the API. The site's own pages keep to themselves.
 */
describe.each(testDatabases())('the open data API’s conventions, on $name', (database) => {
  let t: TestApp
  let body: Awaited<ReturnType<ReturnType<typeof builders>['aBody']>>
  let meeting: { slug: string }

  beforeAll(async () => {
    // The page cache on, as in production: a copy served from memory is still answered 304.
    t = await startTestApp(database, { demo: false, publicCache: true })
    const build = builders(t)
    body = await build.aBody({ name: 'Alpha panel', kind: 'panel' })
    await build.aBody({ name: 'Bravo panel', kind: 'panel' })
    await build.aBody({ name: 'Charlie panel', kind: 'panel' })
    meeting = await build.aMeeting(body, { date: '2024-01-25' })
  })
  afterAll(() => t?.close())

  const bodies = async (query: string) => (await t.visitor().get(`/api/v1/bodies${query}`)).json<BodiesPage>()

  it('gives a list a page at a time, with the next page’s full address until the last page', async () => {
    const first = await bodies('?pageSize=2')
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 })
    expect(first.bodies.map((b) => b.name)).toEqual(['Alpha panel', 'Bravo panel'])
    expect(first.next).toBe(`${TEST_BASE_URL}/api/v1/bodies?pageSize=2&page=2`)

    const second = (await t.visitor().get(first.next!.replace(TEST_BASE_URL, ''))).json<BodiesPage>()
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 3, next: null })
    expect(second.bodies.map((b) => b.name)).toEqual(['Charlie panel'])

    const beyond = await bodies('?page=3&pageSize=2')
    expect(beyond).toMatchObject({ page: 3, total: 3, next: null, bodies: [] })
  })

  it('gives 50 to a page unless asked otherwise, and all three here on one page', async () => {
    expect(await bodies('')).toMatchObject({ page: 1, pageSize: 50, total: 3, next: null })
  })

  it('builds the next link from the configured address, never from the Host header', async () => {
    const response = await t.visitor().get('/api/v1/bodies?pageSize=1', { host: 'evil.example' })
    expect(response.json<BodiesPage>().next).toBe(`${TEST_BASE_URL}/api/v1/bodies?pageSize=1&page=2`)
  })

  it.each(['?pageSize=101', '?pageSize=0', '?page=0', '?page=two', '?page=1.5'])(
    'refuses %s with 400, saying which parameter is wrong',
    async (query) => {
      const response = await t.visitor().get(`/api/v1/bodies${query}`)
      expect(response.statusCode).toBe(400)
      const field = query.slice(1).split('=')[0]
      expect(response.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toEqual([field])
    },
  )

  it('names the Open Government Licence in lists, single records and the OpenAPI document', async () => {
    expect((await bodies('')).licence).toEqual(OGL)
    const decisions = (await t.visitor().get('/api/v1/decisions')).json<{ licence: unknown }>()
    expect(decisions.licence).toEqual(OGL)
    const plan = await t.visitor().get('/api/v1/forward-plan')
    expect(plan.json<{ licence: unknown; plan: unknown }>()).toMatchObject({ licence: OGL, plan: null })
    const record = (await t.visitor().get(`/api/v1/meetings/${meeting.slug}`)).json<{ licence: unknown }>()
    expect(record.licence).toEqual(OGL)
    const document = (await t.visitor().get('/api/v1/openapi.json')).json<{ info: { license: unknown } }>()
    expect(document.info.license).toEqual(OGL)
  })

  it('answers 304 with no body when the copy a client holds is still current', async () => {
    const first = await t.visitor().get('/api/v1/bodies')
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(new Date(String(first.headers['last-modified'])).getTime()).toBeLessThanOrEqual(Date.now())

    const again = await t.visitor().get('/api/v1/bodies', { 'if-none-match': etag })
    expect(again.headers['x-oversight-cache']).toBe('hit')
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(etag)

    const bySince = await t.visitor().get('/api/v1/bodies', {
      'if-modified-since': String(first.headers['last-modified']),
    })
    expect(bySince.statusCode).toBe(304)

    const otherCopy = await t.visitor().get('/api/v1/bodies', { 'if-none-match': '"something-else"' })
    expect(otherCopy.statusCode).toBe(200)
    expect(otherCopy.json<BodiesPage>().total).toBe(3)
  })

  it('gives a new ETag once a record changes, and the whole answer to a client with the old one', async () => {
    const before = await t.visitor().get('/api/v1/bodies')
    const officer = await t.as('scrutiny_officer')
    const saved = await officer.post(`${body.url}/edit`, {
      ...(await officer.versionOf(`${body.url}/edit`)),
      name: 'Alpha panel (renamed)',
      kind: 'panel',
      remit: '',
    })
    expect(saved.statusCode).toBe(303)

    const after = await t.visitor().get('/api/v1/bodies', { 'if-none-match': String(before.headers.etag) })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).not.toBe(before.headers.etag)
    expect(after.json<BodiesPage>().bodies[0].name).toBe('Alpha panel (renamed)')
  })

  it('lets any site read the API, and answers a browser’s preflight', async () => {
    const list = await t.visitor().get('/api/v1/bodies', { origin: 'https://elsewhere.example' })
    expect(list.headers['access-control-allow-origin']).toBe('*')
    expect(list.headers['access-control-expose-headers']).toContain('ETag')
    const refused = await t.visitor().get('/api/v1/bodies?pageSize=101')
    expect(refused.headers['access-control-allow-origin']).toBe('*')

    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/meetings',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('*')
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('GET')
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('if-none-match')
  })

  it('keeps the site’s own pages to itself: no CORS header on HTML', async () => {
    for (const page of ['/', '/open-data', `/bodies/${body.slug}`]) {
      const response = await t.visitor().get(page, { origin: 'https://elsewhere.example' })
      expect(response.statusCode, page).toBe(200)
      expect(response.headers['access-control-allow-origin'], page).toBeUndefined()
      expect(response.headers.etag, page).toBeUndefined()
    }
  })
})
