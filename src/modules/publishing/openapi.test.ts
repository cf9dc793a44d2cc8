import SwaggerParser from '@apidevtools/swagger-parser'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { BODY, prepareSamples, sampleAddress } from '../../../test/support/route-samples.ts'

type Json = Record<string, unknown>
interface Operation {
  operationId?: string
  security?: unknown[]
  responses: Record<string, { content?: Record<string, { schema: Json }> }>
}
interface Document {
  openapi: string
  info: { title: string; version: string; license: { name: string } }
  paths: Record<string, { get: Operation }>
  components: { schemas: Record<string, Json> }
}

const DOCUMENT = '/api/v1/openapi.json'
const FEEDS = ['/calendar.ics', '/decisions.atom']
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000'
const PLAN = 'childrens-social-care-improvement-plan'

/** The OpenAPI path of a Fastify route: `/api/v1/meetings/:id` is `/api/v1/meetings/{id}`. */
const pathOf = (url: string) => url.replace(/:(\w+)/g, '{$1}')

/** Every schema object within a schema, itself included. */
function schemasIn(schema: unknown): Json[] {
  if (Array.isArray(schema)) return schema.flatMap(schemasIn)
  if (!schema || typeof schema !== 'object') return []
  return [schema as Json, ...Object.values(schema).flatMap(schemasIn)]
}

/**
 * The open data API against the OpenAPI document it serves, which is made from the zod schemas its
 * routes declare: the document is valid OpenAPI 3.1, holds the API and nothing else, and every
 * answer the API gives on the demo (lists with their filters, each record, each refusal) is what the
 * document says, with no property it leaves out.
 */
describe.each(testDatabases())('the open data API and its OpenAPI document, on $name', (database) => {
  let t: TestApp
  let document: Document
  /** Checks a body against the document's schema for an operation's answer; null when it passes. */
  let problems: (path: string, status: number, body: unknown) => string | null
  /** The addresses to try: each API route's sample, its filters, and answers that refuse. */
  const addresses = new Map<string, string[]>()

  beforeAll(async () => {
    t = await startTestApp(database)
    document = (await t.visitor().get(DOCUMENT)).json()
    const ajv = new Ajv2020({ allErrors: true, strict: false })
    addFormats.default(ajv)
    ajv.addSchema({ ...document, $id: 'openapi.json' })
    const validators = new Map<string, ValidateFunction>()
    problems = (path, status, body) => {
      const pointer = `/paths/${path.replaceAll('/', '~1')}/get/responses/${status}/content/application~1json/schema`
      if (!validators.has(pointer)) validators.set(pointer, ajv.compile({ $ref: `openapi.json#${pointer}` }))
      const validate = validators.get(pointer)!
      return validate(body) ? null : ajv.errorsText(validate.errors, { dataVar: 'body' })
    }

    // Draft minutes of the January meeting, so the API is seen not to show them.
    const ids = await prepareSamples(t, await t.as('scrutiny_officer'))
    const { bodies } = (await t.visitor().get('/api/v1/bodies')).json<{ bodies: { id: string }[] }>()
    const { meetings } = (await t.visitor().get('/api/v1/meetings')).json<{ meetings: { id: string }[] }>()
    const plan = (await t.visitor().get(`/api/v1/improvement-plans/${PLAN}`)).json<{ id: string }>()
    const ofEachBody = (url: string) => bodies.map((body) => `${url}?body=${body.id}`)
    const variants: Record<string, string[]> = {
      '/api/v1/meetings': [
        ...ofEachBody('/api/v1/meetings'),
        '/api/v1/meetings?from=2023-09-01&to=2023-12-31',
        '/api/v1/meetings?from=2024-02-30',
        '/api/v1/meetings?from=2024-02-01&to=2024-01-01',
        '/api/v1/meetings?body=nope',
      ],
      '/api/v1/meetings/:id': [
        ...meetings.map((meeting) => `/api/v1/meetings/${meeting.id}`),
        `/api/v1/meetings/2023-11-09-${BODY}`,
        '/api/v1/meetings/no-such-meeting',
      ],
      '/api/v1/recommendations': [
        ...ofEachBody('/api/v1/recommendations'),
        '/api/v1/recommendations?body=nope',
        `/api/v1/recommendations?body=${NO_SUCH_ID}`,
      ],
      '/api/v1/forward-plan': [
        '/api/v1/forward-plan?plan=2024-01',
        '/api/v1/forward-plan?plan=2024-02',
        '/api/v1/forward-plan?plan=2099-01',
        '/api/v1/forward-plan?plan=January',
      ],
      '/api/v1/work-programme': [
        ...ofEachBody('/api/v1/work-programme'),
        '/api/v1/work-programme?body=nope',
        `/api/v1/work-programme?body=${NO_SUCH_ID}`,
      ],
      '/api/v1/waiting-lists': [
        '/api/v1/waiting-lists?month=2023-11',
        '/api/v1/waiting-lists?month=2023-12',
        '/api/v1/waiting-lists?month=2099-01',
        '/api/v1/waiting-lists?month=December',
      ],
      '/api/v1/improvement-plans/:id': [`/api/v1/improvement-plans/${plan.id}`, '/api/v1/improvement-plans/no-such'],
      '/api/v1/bodies/:id': [...bodies.map((body) => `/api/v1/bodies/${body.id}`), '/api/v1/bodies/no-such-body'],
      '/api/v1/people/:id': ['/api/v1/people/kath-benson', '/api/v1/people/gemma-clayton', '/api/v1/people/nobody'],
    }
    for (const { method, url } of t.app.routeTable) {
      if (method !== 'GET' || !url.startsWith('/api/v1/') || url === DOCUMENT) continue
      // Every list a page at a time, its second page (with a next link or not), and a page size refused.
      const pages = url.includes(':') ? [] : ['?pageSize=1', '?page=2&pageSize=1', '?pageSize=101'].map((q) => url + q)
      addresses.set(url, [sampleAddress(url, ids), ...(variants[url] ?? []), ...pages])
    }
  })
  afterAll(() => t?.close())

  it('is valid OpenAPI 3.1, under the Open Government Licence', async () => {
    // Also checks that every $ref points at a schema the document defines.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy()
    expect(document.openapi).toBe('3.1.0')
    expect(document.info.title).toBe('Oversight open data')
    expect(document.info.version).toBeTruthy()
    expect(document.info.license.name).toBe('Open Government Licence v3.0')
  })

  it('describes every /api/v1 route and the two feeds, and no page of the site', () => {
    const api = [...addresses.keys()].map(pathOf)
    expect(api).toEqual(expect.arrayContaining(['/api/v1/bodies', '/api/v1/meetings/{id}', '/api/v1/recommendations']))
    expect(Object.keys(document.paths).sort()).toEqual([...api, ...FEEDS].sort())
    expect(document.paths['/api/v1/recommendations'].get.operationId).toBe('listRecommendations')
  })

  it('makes every operation public', () => {
    for (const [path, item] of Object.entries(document.paths)) expect(item.get.security, path).toEqual([])
  })

  it('leaves no property of any object undeclared', () => {
    const objects = schemasIn(document).filter((schema) => schema.type === 'object' || 'properties' in schema)
    expect(objects.length).toBeGreaterThan(20)
    for (const schema of objects) expect(schema.additionalProperties, JSON.stringify(schema)).toBe(false)
  })

  it('answers every request on the demo as the document says, and only as it says', async () => {
    const failures: string[] = []
    const seen = new Map<string, Set<number>>()
    for (const [url, tried] of addresses) {
      for (const address of tried) {
        const response = await t.visitor().get(address)
        seen.set(url, (seen.get(url) ?? new Set()).add(response.statusCode))
        const declared = document.paths[pathOf(url)].get.responses[response.statusCode]
        if (!declared?.content?.['application/json']) {
          failures.push(`${address}: ${response.statusCode} is not in the document`)
          continue
        }
        const body: unknown = response.json()
        const problem = problems(pathOf(url), response.statusCode, body)
        if (problem) failures.push(`${address}: ${problem}`)
        // The check can fail: the same answer with one property more is refused.
        if (problems(pathOf(url), response.statusCode, { ...(body as Json), undeclared: true }) === null) {
          failures.push(`${address}: an undeclared property would pass`)
        }
      }
    }
    expect(failures).toEqual([])
    for (const [url, statuses] of seen) expect([...statuses], url).toContain(200)
    // The refusals were tried too: not found, and a query the route's schema does not accept.
    const refusals = [...seen.values()].flatMap((statuses) => [...statuses].filter((status) => status !== 200))
    expect(new Set(refusals)).toEqual(new Set([400, 404]))
  })
})
