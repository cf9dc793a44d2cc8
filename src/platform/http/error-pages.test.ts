import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { multipartForm } from '../../../test/support/sample-files.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { heading, text } from '../../../test/support/html.ts'
import { builders } from '../../../test/support/builders/index.ts'

const COMMITTEE = '/bodies/children-and-young-peoples-scrutiny-committee'
const COMMITTEE_NAME = "Children and Young People's Scrutiny Committee"

/** What a request the service cannot use gets: a 4xx and the usual error page (JSON under /api/), never a 500. */
describe.each(testDatabases())('input the service cannot use, on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    await builders(t).aBody({ name: COMMITTEE_NAME })
  })
  afterAll(() => t?.close())

  it('answers a control character in a path as a page not found', async () => {
    const scrutiny = await t.as('scrutiny_officer')
    for (const url of ['/meetings/%00', `${COMMITTEE}%0A`, '/people/%7F/edit']) {
      const page = await scrutiny.get(url)
      expect(page.statusCode, url).toBe(404)
      expect(heading(page.body), url).toBe('Page not found')
    }
    const api = await t.visitor().get('/api/v1/meetings/%00')
    expect(api.statusCode).toBe(404)
    expect(api.json()).toEqual({ error: 'not found', statusCode: 404 })
  })

  it('refuses a form with a NUL byte in it, says why, and saves nothing', async () => {
    const scrutiny = await t.as('scrutiny_officer')
    const form = { name: 'Renamed\u0000', kind: 'committee', remit: 'Changed.' }
    const sent = await scrutiny.post(`${COMMITTEE}/edit`, form)
    expect(sent.statusCode).toBe(400)
    expect(heading(sent.body)).toBe('Your form could not be saved')
    expect(text(sent.body)).toContain('a character that cannot be saved')
    expect(heading((await t.visitor().get(COMMITTEE)).body)).toBe(COMMITTEE_NAME)
  })

  it('answers a query its route’s schema refuses as a bad request: the outcomes framework as a PDF', async () => {
    const analyst = await t.as('analyst')
    const pdf = await analyst.get('/outcomes/export?format=pdf')
    expect(pdf.statusCode).toBe(400)
    expect(heading(pdf.body)).toBe('Sorry, there is a problem with that request')
    expect((await analyst.get('/outcomes/export?format=xlsx')).statusCode).toBe(200)
  })

  it('answers an upload cut short as a bad request that says so', async () => {
    const analyst = await t.as('analyst')
    const { payload, headers } = multipartForm(
      { _csrf: await analyst.token() },
      { filename: 'figures.csv', data: Buffer.from('code,period,actual\n'.repeat(1_000)), type: 'text/csv' },
    )
    const half = payload.subarray(0, payload.length / 2)
    const cut = await analyst.inject({ method: 'POST', url: '/outcomes/import', payload: half, headers })
    expect(cut.statusCode).toBe(400)
    expect(heading(cut.body)).toBe('Your upload did not arrive in full')
  })

  it('answers the open data API’s refusals as JSON with their status', async () => {
    for (const from of ['2024-02-30', '%00']) {
      const query = await t.visitor().get(`/api/v1/meetings?from=${from}`)
      expect(query.statusCode, from).toBe(400)
      expect(query.json()).toMatchObject({
        error: 'The query is not valid',
        statusCode: 400,
        details: [{ field: 'from' }],
      })
    }
    const missing = await t.visitor().get('/api/v1/meetings/no-such-meeting')
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ error: 'not found', statusCode: 404 })
  })
})
