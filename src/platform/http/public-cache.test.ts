import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_BASE_URL, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { attribute, heading, text } from '../../../test/support/html.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { registerPublicCache } from './public-cache.ts'

const committee = '/bodies/children-and-young-peoples-scrutiny-committee'
const nonceIn = (html: string) => attribute(html, 'script[nonce]', 'nonce')
const nonceOfHeader = (csp: unknown) => /script-src[^;]*'nonce-([^']+)'/.exec(String(csp))?.[1]

describe.each(testDatabases())('the public page cache on $name', (database) => {
  let t: TestApp
  let body: Awaited<ReturnType<ReturnType<typeof builders>['aBody']>>
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false, publicCache: true })
    const build = builders(t)
    body = await build.aBody({ name: "Children and Young People's Scrutiny Committee" })
    await build.aMeeting(body, { date: '2024-01-25' })
  })
  afterAll(() => t?.close())

  /** A scrutiny officer renames the committee through its form: a change committed through the app. */
  const renameCommittee = async (name: string) => {
    const officer = await t.as('scrutiny_officer')
    const form = await officer.get(`${committee}/edit`)
    expect(form.statusCode).toBe(200)
    const saved = await officer.post(`${committee}/edit`, {
      ...(await officer.versionOf(`${committee}/edit`)),
      name,
      kind: 'committee',
      remit: 'Changed remit.',
    })
    expect(saved.statusCode).toBe(303)
  }

  it('serves a repeated signed-out page from memory, with this response’s own CSP nonce', async () => {
    const first = await t.visitor().get(committee)
    const second = await t.visitor().get(committee)
    expect(first.headers['x-oversight-cache']).toBeUndefined()
    expect(second.headers['x-oversight-cache']).toBe('hit')
    expect(second.body.length).toBeGreaterThan(1000)
    expect(nonceIn(second.body)).toBe(nonceOfHeader(second.headers['content-security-policy']))
    expect(nonceIn(second.body)).not.toBe(nonceIn(first.body))
    // Byte for byte the page rendered, curly apostrophes and all, but for the nonce.
    expect(second.body).toBe(first.body.replaceAll(nonceIn(first.body)!, nonceIn(second.body)!))
    expect(second.headers['content-type']).toBe(first.headers['content-type'])
    expect(second.headers['content-length']).toBe(String(Buffer.byteLength(second.body)))
  })

  it('forgets everything as soon as any change is committed', async () => {
    await t.visitor().get(committee)
    await renameCommittee('Children and Young People’s Scrutiny Committee (renamed)')
    const after = await t.visitor().get(committee)
    expect(after.headers['x-oversight-cache']).toBeUndefined()
    expect(heading(after.body)).toBe('Children and Young People’s Scrutiny Committee (renamed)')
  })

  it('keeps the register and the settings from one signed-in page to the next until a change is committed', async () => {
    const member = await t.as('member')
    await member.get(committee)
    const kept = await t.queries.count(() => member.get(committee))
    await renameCommittee('Children and Young People’s Scrutiny Committee (kept until changed)')
    const afresh = await t.queries.count(() => member.get(committee))
    expect(heading(afresh.result.body)).toBe('Children and Young People’s Scrutiny Committee (kept until changed)')
    // What the page reads alike for everyone (the register, the settings, the committee's meetings,
    // the next one's agenda, its work programme, the recommendations needing attention, the decisions
    // since its last meeting, the forward plan, the petitions presented to it and where it was imported
    // from): read again after the change, kept again after that.
    expect(afresh.queries).toBe(kept.queries + 10)
    const keptAgain = await t.queries.count(() => member.get(committee))
    expect(keptAgain.queries).toBe(kept.queries)
    expect(keptAgain.result.body).toContain('(kept until changed)')
  })

  it('keeps the tracker’s facts from one signed-in page to the next until a change is committed', async () => {
    const build = builders(t)
    const tracker = `${committee}/recommendations`
    await build.aRecommendation(body, { number: '1', madeOn: '2023-11-09' })
    const member = await t.as('member')
    await member.get(tracker)
    const kept = await t.queries.count(() => member.get(tracker))
    expect(text(kept.result.body)).toContain('1 recommendation')
    await build.aRecommendation(body, { number: '2', madeOn: '2023-11-09' })
    const afresh = await t.queries.count(() => member.get(tracker))
    expect(text(afresh.result.body)).toContain('2 recommendations')
    // The page's rows, rendered once for the kept recommendations, are rendered again for the new ones.
    expect(text(afresh.result.body)).toMatch(/Recommendation 2 9 November 2023/)
    // The register, the settings, the facts and the page's recommendations with their updates, read
    // again after the change, and kept again after that.
    expect(afresh.queries).toBe(kept.queries + 5)
    const keptAgain = await t.queries.count(() => member.get(tracker))
    expect(keptAgain.queries).toBe(kept.queries)
    expect(text(keptAgain.result.body)).toContain('2 recommendations')
  })

  it('keeps a meeting’s page and its reports until a change is committed, an exempt report only for its readers', async () => {
    const build = builders(t)
    const meeting = await build.aMeeting(body, { date: '2024-03-07' })
    const open = await build.anAgendaItem(meeting, { number: 5, title: 'Placement sufficiency' })
    const report = await build.aReport(open, { purpose: 'To report on placements.' })
    const closed = await build.anAgendaItem(meeting, { number: 6, title: 'Contract award', exempt: { paragraph: 3 } })
    const exempt = await build.aReport(closed, { purpose: 'To weigh the bids received.', exempt: { paragraph: 3 } })
    const member = await t.as('member')
    await member.get(meeting.url)
    const kept = await t.queries.count(() => member.get(meeting.url))
    await build.anAgendaItem(meeting, { number: 7, title: 'Any other business' })
    const afresh = await t.queries.count(() => member.get(meeting.url))
    expect(text(afresh.result.body)).toContain('Any other business')
    expect(afresh.queries).toBeGreaterThan(kept.queries)
    expect((await t.queries.count(() => member.get(meeting.url))).queries).toBe(kept.queries)

    const fresh = { 'cache-control': 'no-cache' }
    const officer = await t.as('scrutiny_officer')
    for (let round = 0; round < 2; round++) {
      expect(text((await t.visitor().get(report.url, fresh)).body)).toContain('To report on placements.')
      // Kept alike for everyone, the exempt report is still withheld from the public, first or second.
      const withheld = await t.visitor().get(exempt.url, fresh)
      expect(withheld.statusCode).toBe(404)
      expect(withheld.body).not.toContain('To weigh the bids received.')
      expect(text((await officer.get(exempt.url)).body)).toContain('To weigh the bids received.')
    }
    const again = await t.queries.count(() => t.visitor().get(report.url, fresh))
    // The meeting, the item, its report and its appendices are all kept: a visitor's read makes no query.
    expect(again.queries).toBe(0)
  })

  it('keeps an improvement plan’s view from one signed-in page to the next until a change is committed', async () => {
    const build = builders(t)
    const plan = await build.anImprovementPlan({ title: 'Children’s social care improvement plan' })
    await build.aTheme(plan, { number: '1', title: 'Help and protection' })
    const member = await t.as('member')
    await member.get(plan.url)
    const kept = await t.queries.count(() => member.get(plan.url))
    expect(text(kept.result.body)).toContain('Help and protection')
    await build.aTheme(plan, { number: '2', title: 'Children in care' })
    const afresh = await t.queries.count(() => member.get(plan.url))
    expect(text(afresh.result.body)).toContain('Children in care')
    const keptAgain = await t.queries.count(() => member.get(plan.url))
    expect(keptAgain.queries).toBe(kept.queries)
    // The plan and its contents, the register and the settings: read afresh only after the change.
    expect(afresh.queries).toBe(kept.queries + 7)
    expect(text(keptAgain.result.body)).toContain('Children in care')
    // A theme's table of actions is rendered once for the kept view, and afresh after a change.
    expect(text(keptAgain.result.body)).not.toContain('Recruit more foster carers')
    const admin = await t.as('admin')
    const form = await admin.get(`${plan.url}/actions/new`)
    const themeId = /<option value="([0-9a-f-]{36})">1\. /.exec(form.body)![1]
    const added = await admin.post(`${plan.url}/actions`, {
      themeId,
      reference: '1.1',
      title: 'Recruit more foster carers',
      leads: 'Head of Fostering',
    })
    expect(added.statusCode).toBe(303)
    const withAction = await member.get(plan.url)
    expect(text(withAction.body)).toContain('1.1 Recruit more foster carers Head of Fostering No milestones')
  })

  it('keeps the framework apart for the public and for those signed in, internal indicators only for the latter', async () => {
    const group = await builders(t).anIndicatorGroup({ name: 'Children are safe' })
    const analyst = await t.as('analyst')
    const indicator = (code: string, published: 'yes' | 'no') => ({
      name: `Children on a plan (${code})`,
      code,
      indicatorGroup: group.key,
      unit: 'count',
      polarity: 'lower is better',
      decimals: '0',
      tolerance: '5',
      published,
    })
    expect((await analyst.post('/outcomes', indicator('PUB1', 'yes'))).statusCode).toBe(303)
    expect((await analyst.post('/outcomes', indicator('INT1', 'no'))).statusCode).toBe(303)
    const afresh = { 'cache-control': 'no-cache' }
    for (let round = 0; round < 2; round++) {
      const member = text((await (await t.as('member')).get('/outcomes')).body)
      expect(member).toContain('Children on a plan (INT1)')
      const visitor = text((await t.visitor().get('/outcomes', afresh)).body)
      expect(visitor).toContain('Children on a plan (PUB1)')
      expect(visitor).not.toContain('INT1')
      expect((await t.visitor().get('/outcomes/INT1', afresh)).statusCode).toBe(404)
      expect((await (await t.as('member')).get('/outcomes/INT1')).statusCode).toBe(200)
    }
  })

  it('never serves or stores pages for signed-in users', async () => {
    const member = await t.as('member')
    await member.get(committee)
    const again = await member.get(committee)
    expect(again.headers['x-oversight-cache']).toBeUndefined()
    expect(text(again.body)).toContain('Signed in as')
    const visitor = await t.visitor().get(committee)
    expect(text(visitor.body)).not.toContain('Signed in as')
  })

  it('gives a feed from memory with its own headers: type, file name and how long others may keep it', async () => {
    const first = await t.visitor().get('/calendar.ics')
    const second = await t.visitor().get('/calendar.ics')
    expect(second.headers['x-oversight-cache']).toBe('hit')
    for (const name of ['content-type', 'content-disposition', 'cache-control']) {
      expect(second.headers[name], name).toBe(first.headers[name])
    }
    expect(second.headers['content-disposition']).toBe('inline; filename="meetings.ics"')
  })

  it('keys pages by their address alone: a Host, forwarded headers or a stale session cookie change nothing', async () => {
    const hostile = {
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
      'accept-language': 'cy',
      referer: 'https://evil.example/',
      cookie: '__Host-session=expired-or-forged',
      'cache-control': 'no-cache',
    }
    const fresh = await t.app.inject({ method: 'GET', url: '/open-data', headers: hostile })
    const cached = await t.visitor().get('/open-data')
    expect(cached.headers['x-oversight-cache']).toBe('hit')
    expect(fresh.body).not.toContain('evil.example')
    expect(cached.body).not.toContain('evil.example')
    expect(cached.body).toContain(`${TEST_BASE_URL}/calendar.ics`)
  })

  it('renders afresh when the client asks with Cache-Control: no-cache', async () => {
    await t.visitor().get('/meetings')
    const fresh = await t.visitor().get('/meetings', { 'cache-control': 'no-cache' })
    expect(fresh.headers['x-oversight-cache']).toBeUndefined()
  })
})

describe('what the public page cache keeps', () => {
  /** A bare app with the cache and a page that carries a CSRF token, as a careless template might. */
  async function appWithForm() {
    const app = Fastify()
    app.decorateRequest('user', null)
    registerPublicCache(app, { today: () => '2024-01-22' })
    let renders = 0
    app.get('/with-form', async (_request, reply) => {
      renders++
      return reply.type('text/html').send(`<form><input type="hidden" name="_csrf" value="token-${renders}"></form>`)
    })
    app.get('/plain', async (_request, reply) => reply.type('text/html').send(`<p>render ${++renders}</p>`))
    await app.ready()
    return app
  }

  it('never keeps a page with a CSRF token, which belongs to one visitor', async () => {
    const app = await appWithForm()
    const first = await app.inject('/with-form')
    const second = await app.inject('/with-form')
    expect(second.headers['x-oversight-cache']).toBeUndefined()
    expect(second.body).not.toBe(first.body)
    expect((await app.inject('/plain')).headers['x-oversight-cache']).toBeUndefined()
    expect((await app.inject('/plain')).headers['x-oversight-cache']).toBe('hit')
    await app.close()
  })
})
