import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../test/support/agent.ts'
import { testDatabases } from '../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../test/support/harness.ts'
import { type SampleRecords, prepareSamples, sampleAddress } from '../test/support/route-samples.ts'

/**
 * Every GET route, requested as every role on the demo data, sends the database at most BUDGET
 * statements (BEGIN and COMMIT count, and so does a signed-in request's session lookup): a page that
 * reads one row at a time passes every other test and shows here, as it grows with the data.
 */
const BUDGET = 12

/**
 * Routes still over the budget, each with the most it may send now: a ceiling that only goes down.
 * A route that comes within the budget must leave this list (the last test says so).
 */
const STILL_OVER: Record<string, number> = {}

const allowed = (url: string) => STILL_OVER[url] ?? BUDGET

describe.each(testDatabases())('the query budget of every page ($name)', (database) => {
  let t: TestApp
  const agents = {} as Record<TestRole, Agent>
  let ids: SampleRecords
  /** The most statements any role's request of each route sent, filled in by the tests per role. */
  const most = new Map<string, number>()

  beforeAll(async () => {
    // Public pages rendered every time (no page cache), so their queries are counted.
    t = await startTestApp(database)
    for (const role of ALL_ROLES) agents[role] = await t.as(role)
    ids = await prepareSamples(t, agents.scrutiny_officer)
  })
  afterAll(async () => t?.close())

  const gets = () => t.app.routeTable.filter((route) => route.method === 'GET')

  it.each(ALL_ROLES)(`no GET sends more than ${BUDGET} queries as %s`, async (role) => {
    const over: string[] = []
    for (const route of gets()) {
      const { queries } = await t.queries.count(() => agents[role].get(sampleAddress(route.url, ids)))
      most.set(route.url, Math.max(most.get(route.url) ?? 0, queries))
      if (queries > allowed(route.url)) over.push(`${route.url} ${role} ${queries}`)
    }
    expect(over).toEqual([])
  })

  it('holds no route in STILL_OVER that is now within the budget, nor one it does not know', () => {
    const stale = Object.keys(STILL_OVER).filter((url) => !most.has(url) || most.get(url)! <= BUDGET)
    expect(stale).toEqual([])
  })

  it('holds each ceiling in STILL_OVER at the most that route sends now, so that a saving is kept', () => {
    const loose = Object.entries(STILL_OVER)
      .filter(([url, ceiling]) => most.has(url) && most.get(url)! < ceiling)
      .map(([url, ceiling]) => `${url}: ceiling ${ceiling}, sends ${most.get(url)}`)
    expect(loose).toEqual([])
  })
})
