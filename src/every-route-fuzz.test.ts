import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../test/support/agent.ts'
import { testDatabases } from '../test/support/databases.ts'
import {
  ADDRESS_VALUES,
  ANY_FIELD_VALUES,
  FIELD_VALUES,
  type FieldKind,
  type FormValues,
  GENERIC_QUERIES,
  PATH_VALUES,
  QUERY_VALUES,
  fieldKind,
  filledForm,
  rejectedFields,
} from '../test/support/hostile-input.ts'
import { type PageForm, forms, links, text } from '../test/support/html.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../test/support/harness.ts'
import {
  type RoutePattern,
  type SampleRecords,
  parameterCount,
  prepareSamples,
  routePatterns,
  routeOf,
  sampleAddress,
  withParameter,
} from '../test/support/route-samples.ts'
import { multipartForm } from '../test/support/sample-files.ts'

/**
 * Every route, as every role, sent hostile values (test/support/hostile-input.ts): in each path
 * parameter; in each query parameter the app's own links and search forms use for the route, and
 * in a few any route might be sent; in each field of each form the pages show. Whatever comes in,
 * the answer is a 4xx (JSON `{ error, statusCode }` under /api/), never a 5xx. A failure names the
 * route, the role and the value; the values are fixed, so it repeats.
 *
 * The admin, who may use every route, sends every value to every parameter and field. The other
 * roles send each route one request with a hostile value in every parameter (the values taken in
 * turn from route to route): the code that reads a parameter is the same whoever asks, and the
 * admin has been through it with every value; what differs by role is the path a request takes
 * (signed out, refused, an officer's own records), and that path is taken. Forms are posted by the
 * admin and by each role the form is shown to, all forms after all addresses, so that what the
 * forms change cannot change what the addresses find.
 */

/** Posts the fuzz leaves alone: signing out would end the agent's session. */
const NOT_FUZZED = ['/sign-out']

const show = (value: string | string[]) => {
  const shown = [value].flat().join('&')
  return shown.length > 40
    ? `${JSON.stringify(shown.slice(0, 12))}… (${shown.length} characters)`
    : JSON.stringify(shown)
}

/** A line of a stack trace: what no page may show. */
const STACK_FRAME = /\n\s+at [^\n]*\((?:file:\/\/\/|node:|\/)[^\n()]*:\d+:\d+\)/

const queryString = (names: string[], value: string | string[]) =>
  names.flatMap((name) => [value].flat().map((v) => `${encodeURIComponent(name)}=${v}`)).join('&')

describe.each(testDatabases())('every route fuzzed as every role ($name)', (database) => {
  let t: TestApp
  const agents = {} as Record<TestRole, Agent>
  let ids: SampleRecords
  let routes: RoutePattern[]
  /** Per GET route, the query parameters the app's pages use for it. */
  const queryNames = new Map<string, Set<string>>()
  /** Per POST route, a form that posts to it (as the admin is shown it) and the page it is on. */
  const postForms = new Map<string, { form: PageForm; page: string }>()
  /** Per role but the admin, the forms it is shown, once read. */
  const shownTo = new Map<TestRole, Map<string, PageForm>>()

  const sample = (url: string) => sampleAddress(url, ids)

  /** The POST routes a page's forms post to, with the forms. */
  function formsOn(address: string, html: string): Map<string, PageForm> {
    const found = new Map<string, PageForm>()
    for (const form of forms(html)) {
      const target = routeOf(routes, form.method.toUpperCase(), form.action ?? address)
      if (target && form.method === 'post' && !found.has(target.url)) found.set(target.url, form)
    }
    return found
  }

  /** What the admin's pages show: the query parameters their links and search forms use, and their forms. */
  function readPage(address: string, html: string) {
    for (const href of links(html)) {
      const [path, search] = href.split('#')[0].split('?')
      const target = search && path.startsWith('/') ? routeOf(routes, 'GET', path) : undefined
      if (target) for (const name of new URLSearchParams(search).keys()) addQueryName(target.url, name)
    }
    for (const form of forms(html).filter((f) => f.method === 'get')) {
      const target = routeOf(routes, 'GET', form.action ?? address)
      if (target) for (const control of form.controls) addQueryName(target.url, control.name)
    }
    for (const [url, form] of formsOn(address, html)) {
      if (!postForms.has(url)) postForms.set(url, { form, page: address })
    }
  }

  /** The forms a role is shown, read from the pages the admin found them on. */
  async function formsShownTo(role: TestRole): Promise<Map<string, PageForm>> {
    if (role === 'admin') return new Map([...postForms].map(([url, { form }]) => [url, form]))
    if (shownTo.has(role)) return shownTo.get(role)!
    const shown = new Map<string, PageForm>()
    for (const page of new Set([...postForms.values()].map((entry) => entry.page))) {
      const response = await agents[role].get(page)
      if (response.statusCode === 200) for (const [url, form] of formsOn(page, response.body)) shown.set(url, form)
    }
    shownTo.set(role, shown)
    return shown
  }

  function addQueryName(url: string, name: string) {
    queryNames.set(url, (queryNames.get(url) ?? new Set<string>()).add(name))
  }

  beforeAll(async () => {
    // No rate limit: the fuzz sends thousands of requests a minute from one address.
    t = await startTestApp(database, { rateLimitPerMinute: 10_000_000 })
    for (const role of ALL_ROLES) agents[role] = await t.as(role)
    ids = await prepareSamples(t, agents.scrutiny_officer)
    // A spare account for the admin's account pages, so a new password or role leaves the demo officer alone.
    await t.newAccount('officer', { email: 'spare-officer@example.org' })
    const spare = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'spare-officer@example.org')
      .executeTakeFirstOrThrow()
    ids = { ...ids, account: spare.id }
    routes = routePatterns(t.app.routeTable)
    // Every page as the admin, who sees every form and every link.
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const address = sample(route.url)
      const response = await agents.admin.get(address)
      if (String(response.headers['content-type']).startsWith('text/html')) readPage(address, response.body)
    }
  })
  afterAll(async () => t?.close())

  /**
   * What is wrong with an answer: a 5xx, a stack trace shown, or an /api/ refusal that is not JSON
   * `{ error, statusCode }`.
   */
  function judge(response: LightMyRequestResponse, address: string): string | null {
    if (response.statusCode >= 500) return `${response.statusCode}`
    if (STACK_FRAME.test(response.body)) return `${response.statusCode} with a stack trace`
    if (address.startsWith('/api/') && response.statusCode >= 400) {
      const body = JSON.parse(response.body) as { error?: unknown; statusCode?: unknown }
      if (typeof body.error !== 'string' || body.statusCode !== response.statusCode) {
        return `${response.statusCode} ${response.body.slice(0, 80)}`
      }
    }
    return null
  }

  async function post(role: TestRole, address: string, form: PageForm | null, values: FormValues) {
    if (form?.enctype !== 'multipart/form-data') return agents[role].post(address, values)
    const body = multipartForm({ _csrf: await agents[role].token(), ...values })
    return agents[role].inject({ method: 'POST', url: address, ...body })
  }

  /** Sends a route's request as the role, recording what is wrong with the answer. */
  function requester(role: TestRole, failures: string[]) {
    return async (route: RoutePattern, address: string, what: string, expected?: number) => {
      const response = route.method === 'GET' ? await agents[role].get(address) : await post(role, address, null, {})
      const unexpected =
        expected && response.statusCode !== expected ? `${response.statusCode}, expected ${expected}` : null
      const failure = judge(response, address) ?? unexpected
      if (failure) failures.push(`${route.method} ${route.url} ${what}: ${failure}`)
    }
  }

  it('finds the query parameters and forms to fuzz', async () => {
    // Guards the tests below against fuzzing nothing because the pages could not be read.
    expect([...(queryNames.get('/admin/audit') ?? [])]).toEqual(
      expect.arrayContaining(['from-day', 'to-year', 'format']),
    )
    expect([...(queryNames.get('/improvement-plans/:slug/since') ?? [])]).toContain('from-day')
    expect(postForms.size).toBeGreaterThan(50)
    expect([...(await formsShownTo('analyst')).keys()]).toEqual(
      expect.arrayContaining(['/waiting-lists/:service/figures', '/outcomes/:code/:period/edit']),
    )
    expect([...(await formsShownTo('member')).keys()]).not.toContain('/bodies/:slug/recommendations')
  })

  it.each(ALL_ROLES)('no hostile path parameter gets a 5xx, as %s', async (role) => {
    const failures: string[] = []
    const request = requester(role, failures)
    const everyValue = [...PATH_VALUES, ...ADDRESS_VALUES]
    for (const [i, route] of routes.filter((r) => parameterCount(r.url) > 0 && !NOT_FUZZED.includes(r.url)).entries()) {
      if (role !== 'admin') {
        const value = everyValue[i % everyValue.length]
        await request(route, withParameter(route.url, ids, -1, value), `every parameter ${show(value)}`)
        continue
      }
      // A page whose address names nothing is not found.
      const expected = route.method === 'GET' ? 404 : undefined
      for (const value of PATH_VALUES) {
        for (let n = 0; n < parameterCount(route.url); n++) {
          await request(route, withParameter(route.url, ids, n, value), `parameter ${n + 1} ${show(value)}`, expected)
        }
      }
      for (const value of ADDRESS_VALUES) {
        await request(route, withParameter(route.url, ids, -1, value), `every parameter ${show(value)}`)
      }
    }
    expect(failures).toEqual([])
  })

  it.each(ALL_ROLES)('no hostile query parameter gets a 5xx, as %s', async (role) => {
    const failures: string[] = []
    const request = requester(role, failures)
    const search = (query: Record<string, string | string[]>) =>
      Object.entries(query)
        .map(([name, value]) => queryString([name], value))
        .join('&')
    for (const [i, route] of routes.filter((r) => r.method === 'GET').entries()) {
      const known = [...(queryNames.get(route.url) ?? [])]
      const address = sample(route.url)
      if (role !== 'admin') {
        const value = QUERY_VALUES[i % QUERY_VALUES.length]
        const generic = GENERIC_QUERIES[i % GENERIC_QUERIES.length]
        const query = { ...generic, ...Object.fromEntries(known.map((name) => [name, value])) }
        await request(route, `${address}?${search(query)}`, `?${search(query).slice(0, 100)}`)
        continue
      }
      for (const query of GENERIC_QUERIES) await request(route, `${address}?${search(query)}`, `?${search(query)}`)
      for (const name of known) {
        for (const value of QUERY_VALUES) {
          await request(route, `${address}?${queryString([name], value)}`, `?${name}=${show(value)}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it.each(ALL_ROLES)('no hostile form field gets a 5xx, posted by %s', async (role) => {
    const failures: string[] = []
    for (const [url, form] of await formsShownTo(role)) {
      if (NOT_FUZZED.includes(url)) continue
      const address = sample(url)
      const filled = filledForm(form)
      const fields = form.controls.filter((control) => fieldKind(control) !== null)
      const names = (kind?: FieldKind) => [
        ...new Set(fields.filter((c) => !kind || fieldKind(c) === kind).map((c) => c.name)),
      ]
      const every = (value: string | string[], of = names()) => Object.fromEntries(of.map((name) => [name, value]))
      const send = async (hostile: FormValues, what: string) => {
        const response = await post(role, address, form, { ...filled, ...hostile })
        const failure = judge(response, address)
        if (failure) failures.push(`POST ${url} ${what}: ${failure}`)
        return failure ? null : response
      }
      // Sends the values, dropping the fields the form says are wrong, until it is accepted or only those are left.
      const untilAccepted = async (hostile: FormValues) => {
        let fieldsLeft = Object.keys(hostile)
        while (fieldsLeft.length > 0) {
          const sent = Object.fromEntries(fieldsLeft.map((name) => [name, hostile[name]]))
          const what = Object.entries(sent).map(([name, value]) => `${name}=${show(value)}`)
          const response = await send(sent, what.join(' '))
          if (response?.statusCode !== 400) return
          const wrong = rejectedFields(response.body, form)
          const left = fieldsLeft.filter((name) => !wrong.has(name))
          if (left.length === fieldsLeft.length) return
          fieldsLeft = left
        }
      }
      if (role !== 'admin') {
        // Another role: what fails before any field's own rules, then every kind of field's first value at once.
        for (const value of ANY_FIELD_VALUES.slice(0, 2)) await send(every(value), `every field ${show(value)}`)
        await untilAccepted(Object.fromEntries(fields.map((c) => [c.name, FIELD_VALUES[fieldKind(c)!][0]])))
        continue
      }
      for (const value of ANY_FIELD_VALUES) await send(every(value), `every field ${show(value)}`)
      for (const [kind, values] of Object.entries(FIELD_VALUES) as [FieldKind, string[]][]) {
        for (const value of values) if (names(kind).length) await untilAccepted(every(value, names(kind)))
      }
    }
    expect(failures).toEqual([])
  })

  it('a truncated upload is refused with 400, not a server error', async () => {
    const wrong: string[] = []
    for (const role of ['admin', 'officer', 'scrutiny_officer', 'analyst'] as const) {
      for (const [url, form] of await formsShownTo(role)) {
        if (form.enctype !== 'multipart/form-data') continue
        const { payload, headers } = multipartForm(
          { _csrf: await agents[role].token(), ...filledForm(form) },
          { filename: 'figures.csv', data: Buffer.from('code,period,value\n'.repeat(2_000)), type: 'text/csv' },
        )
        const cut = payload.subarray(0, Math.floor(payload.length / 2))
        const response = await agents[role].inject({ method: 'POST', url: sample(url), payload: cut, headers })
        if (response.statusCode !== 400 || !text(response.body).includes('Your upload did not arrive in full')) {
          wrong.push(`${url} as ${role}: ${response.statusCode}`)
        }
      }
    }
    expect(wrong).toEqual([])
  })
})
