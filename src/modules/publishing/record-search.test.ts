import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BodyRecord, builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { anchors, attribute, errorSummary, fieldError, text, texts } from '../../../test/support/html.ts'

const indicator = (code: string, name: string, published: boolean) => ({
  name,
  code,
  unit: 'count',
  polarity: 'lower is better',
  decimals: '0',
  tolerance: '5',
  published: published ? 'yes' : 'no',
})

/**
 * Search finds one record of each kind beyond the papers by a word of it, for every role alike, and
 * never what its module hides from the public; it narrows by type, body and date.
 */
describe.each(testDatabases())('searching the whole record on $name', (database) => {
  let t: TestApp
  let body: BodyRecord
  const found: Record<string, string> = {}

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    body = await build.aBody({ name: 'Records scrutiny committee', remit: 'Looks at galahservices for children.' })
    const other = await build.aBody({ name: 'Audit panel' })
    const meeting = await build.aMeeting(body, { date: '2023-11-09', venue: 'Cassowary Room, Town Hall' })
    found.cassowary = meeting.url

    const recommendation = await build.aRecommendation(body, {
      madeOn: '2023-11-09',
      text: 'Report back on echidnaplacements and the moonrat waiting list.',
    })
    found.echidnaplacements = recommendation.url
    await build.anUpdate(recommendation, { on: '2023-12-01', text: 'The platypusteam has started on the moonrat.' })
    found.platypusteam = `${recommendation.url}#updates`
    await build.aRecommendation(other, { madeOn: '2024-01-15', text: 'The audit of the moonrat.' })

    const decision = await build.aDecision({
      taker: body,
      title: 'Budget for bandicootcentres',
      decidedOn: '2023-12-11',
      parts: 'To review the moonrat fund.',
    })
    found.bandicootcentres = decision.url
    await build.aDecisionDocument(decision, { title: 'Open figures', body: 'The lyrebirdfigures for the year.' })
    found.lyrebirdfigures = decision.url
    await build.aDecisionDocument(decision, {
      title: 'Costings',
      body: 'The dugongcontract price.',
      exempt: { paragraph: 3 },
    })

    const plan = await build.aForwardPlan({
      periodFrom: '2024-01-01',
      periodTo: '2024-04-30',
      publishedOn: '2023-12-15',
    })
    const open = await build.aForwardPlanItem(plan, {
      reference: '16/2023',
      matter: 'Future of the koalahub',
      anticipated: '2024-02',
    })
    found.koalahub = open.url
    const closed = await build.aForwardPlanItem(plan, {
      reference: '17/2023',
      matter: 'Sale of the tarsierdepot',
      anticipated: '2024-03-14',
      private: { paragraph: 3, reason: 'Commercial terms of the quendabid' },
      fields: { consultation: 'Talks with the sugargliderfirm' },
    })
    found.tarsierdepot = closed.url

    const work = await build.aWorkProgrammeItem(body, {
      title: 'Review of the wallaroo pathway',
      month: '2024-03',
      fields: { description: 'Members asked for the moonrat review of the pathway.' },
    })
    found.wallaroo = work.url

    const inspection = await build.anInspection({ title: 'Inspection of the numbatservice' })
    found.numbatservice = inspection.url
    const finding = await build.aFinding(inspection, { text: 'The bilbyassessments are late.' })
    found.bilbyassessments = `${inspection.url}#finding-${finding.id}`

    const improvement = await build.anImprovementPlan({ title: 'Children’s improvement plan' })
    await build.aTheme(improvement, { number: '4', title: 'Good practice' })
    const theme = await t.db.selectFrom('planThemes').select('id').where('number', '=', '4').executeTakeFirstOrThrow()
    const action = await t.db
      .insertInto('planActions')
      .values({ themeId: theme.id, reference: '4.5', title: 'Improve the potoroorecords', position: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
    const milestone = await t.db
      .insertInto('planMilestones')
      .values({
        actionId: action.id,
        text: 'Audit of the woylieplans',
        dueOn: '2024-06-30',
        dueNote: '',
        position: 1,
        status: 'not started',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    found.potoroorecords = `${improvement.url}/actions/4.5`
    found.woylieplans = `${improvement.url}/actions/4.5#milestone-${milestone.id}`

    const analyst = await t.as('analyst')
    const group = await build.anIndicatorGroup({ name: 'Children are safe' })
    for (const [code, name, published] of [
      ['QN1', 'Children seen by the quokkanurse', true],
      ['PS1', 'Children in the pademelonscheme', false],
    ] as const) {
      const added = await analyst.post('/outcomes', { ...indicator(code, name, published), indicatorGroup: group.key })
      expect(added.statusCode, errorSummary(added.body).join('; ')).toBe(303)
    }
    found.quokkanurse = '/outcomes/QN1'

    const therapy = await build.aHealthService({ name: 'Speech and language therapy', provider: 'Dingo NHS Trust' })
    found.dingo = therapy.url
    await build.aHealthService({ name: 'Child and adolescent mental health services' })
  })
  afterAll(() => t?.close())

  /** One signed-in agent per role: signing in for every search would meet the sign-in limit. */
  const agents = new Map<TestRole, ReturnType<TestApp['as']>>()
  const search = async (query: Record<string, string | string[]>, role: TestRole = 'public') => {
    const params = new URLSearchParams()
    for (const [name, value] of Object.entries(query)) for (const v of [value].flat()) params.append(name, v)
    if (role === 'public') return t.visitor().get(`/search?${params}`)
    if (!agents.has(role)) agents.set(role, t.as(role))
    return (await agents.get(role)!).get(`/search?${params}`)
  }
  const resultLinks = (html: string) => anchors(html, 'ol[aria-labelledby="results-count"] h3').map((link) => link.href)

  it('finds one record of each kind by a word of it, linked to its page, for every role alike', async () => {
    for (const role of ['public', 'member', 'scrutiny_officer'] as const) {
      for (const [word, href] of Object.entries(found)) {
        const page = await search({ q: word }, role)
        expect(page.statusCode).toBe(200)
        expect(resultLinks(page.body), `${word} as ${role}`).toContain(href)
      }
    }
  })

  it('labels each result with its type, body and date', async () => {
    const page = text((await search({ q: 'echidnaplacements' })).body)
    expect(page).toContain('Recommendation Recommendation')
    expect(page).toContain('Records scrutiny committee, 9 November 2023')
    expect(text((await search({ q: 'wallaroo' })).body)).toContain('Records scrutiny committee, March 2024')
    expect(text((await search({ q: 'bilbyassessments' })).body)).toContain('Inspection finding')
    expect(text((await search({ q: 'koalahub' })).body)).toContain('Forward plan item 16/2023: Future of the koalahub')
  })

  it('never finds what a module keeps from the public, for any role', async () => {
    for (const role of ['public', 'scrutiny_officer', 'analyst', 'admin'] as const) {
      // An exempt decision document, a private forward plan item's reason and other text, an unpublished indicator.
      for (const word of ['dugongcontract', 'quendabid', 'sugargliderfirm', 'pademelonscheme']) {
        expect(text((await search({ q: word }, role)).body), `${word} as ${role}`).toContain('0 results')
      }
    }
  })

  it('finds a private forward plan item by its matter, marked private and showing none of its text', async () => {
    const page = (await search({ q: 'tarsierdepot' })).body
    expect(text(page)).toMatch(/Private Exempt under paragraph 3 of Part 1 of Schedule 12A/)
    expect(text(page)).not.toContain('sugargliderfirm')
  })

  it('shows each result its own words, narrowed to types or not, and never a private item’s', async () => {
    for (const type of [[], ['recommendation', 'recommendation-update', 'forward-plan-item']]) {
      const each = (await search({ q: 'echidnaplacements or platypusteam or tarsierdepot', type })).body
      const snippets = texts(each, 'ol[aria-labelledby="results-count"] p.govuk-body')
      expect(snippets, type.join()).toEqual(
        expect.arrayContaining([
          expect.stringContaining('Report back on echidnaplacements'),
          expect.stringContaining('platypusteam has started on the moonrat'),
        ]),
      )
      expect(text(each), type.join()).toContain('3 results')
      expect(text(each), type.join()).not.toContain('sugargliderfirm')
      expect(each, type.join()).toContain('<mark>echidnaplacements</mark>')
    }
  })

  it('finds the waiting lists by “waiting list” and “waiting lists”, services first', async () => {
    for (const q of ['waiting list', 'waiting lists']) {
      const page = (await search({ q })).body
      const hits = resultLinks(page)
      expect(hits.slice(0, 2).sort(), q).toEqual([
        '/waiting-lists/child-and-adolescent-mental-health-services',
        '/waiting-lists/speech-and-language-therapy',
      ])
      expect(hits).toContain(found.echidnaplacements)
    }
  })

  it('finds a record by the name of its page', async () => {
    expect(resultLinks((await search({ q: 'Records scrutiny committee' })).body)[0]).toBe(body.url)
    expect(resultLinks((await search({ q: 'Speech and language therapy' })).body)[0]).toBe(found.dingo)
  })

  it('finds a phrase only where its words come together', async () => {
    const words = resultLinks((await search({ q: 'moonrat review' })).body)
    expect(words).toEqual(expect.arrayContaining([found.bandicootcentres, found.wallaroo]))
    const phrase = resultLinks((await search({ q: '"the moonrat review of"' })).body)
    expect(phrase).toEqual([found.wallaroo])
  })

  it('narrows by types, by body and by dates, and says it is filtered', async () => {
    const all = resultLinks((await search({ q: 'moonrat' })).body)
    expect(all).toHaveLength(5)

    const typed = await search({ q: 'moonrat', type: ['recommendation', 'decision'] })
    expect(resultLinks(typed.body)).toHaveLength(3)
    expect(text(typed.body)).toContain('3 results for ‘moonrat’ (filtered)')
    expect(texts(typed.body, 'li .govuk-body-s:first-child').every((l) => /^(Recommendation|Decision)$/.test(l))).toBe(
      true,
    )

    const audit = await t.db
      .selectFrom('bodies')
      .select('slug')
      .where('name', '=', 'Audit panel')
      .executeTakeFirstOrThrow()
    const ofBody = await search({ q: 'moonrat', body: audit.slug })
    expect(text(ofBody.body)).toContain('1 result for ‘moonrat’')

    const dated = await search({
      q: 'moonrat',
      'from-day': '1',
      'from-month': '12',
      'from-year': '2023',
      'to-day': '31',
      'to-month': '12',
      'to-year': '2023',
    })
    // The update of 1 December and the decision of 11 December; not November's, February's or March's.
    expect(resultLinks(dated.body).sort()).toEqual([found.bandicootcentres, found.platypusteam].sort())
  })

  it('explains next to each filter what it cannot use', async () => {
    const impossible = await search({ q: 'moonrat', 'from-day': '30', 'from-month': '2', 'from-year': '2024' })
    expect(impossible.statusCode).toBe(400)
    expect(fieldError(impossible.body, 'from')).toContain('From date must be a real date')

    const backwards = await search({
      q: 'moonrat',
      'from-day': '1',
      'from-month': '3',
      'from-year': '2024',
      'to-day': '1',
      'to-month': '1',
      'to-year': '2024',
    })
    expect(backwards.statusCode).toBe(400)
    expect(fieldError(backwards.body, 'to')).toContain('To date must be the same as or after the from date')
    expect(errorSummary(backwards.body)).toEqual(['To date must be the same as or after the from date'])

    const nobody = await search({ q: 'moonrat', body: 'no-such-body' })
    expect(nobody.statusCode).toBe(400)
    expect(fieldError(nobody.body, 'body')).toContain('Select a committee or body from the list')

    const unknown = await search({ q: 'moonrat', type: 'password' })
    expect(unknown.statusCode).toBe(400)
    expect(fieldError(unknown.body, 'type')).toContain('Select a type from the list')

    const tooMany = await search({ q: 'moonrat', type: Array.from({ length: 40 }, () => 'decision') })
    expect(tooMany.statusCode).toBe(400)
  })

  it('keeps the filters from page to page, ticked on the form', async () => {
    await t.db
      .insertInto('healthServices')
      .values(
        Array.from({ length: 21 }, (_, i) => ({
          slug: `wombat-clinic-${i}`,
          name: `Wombat clinic ${i}`,
          provider: '',
          waitsTo: '',
          position: 100 + i,
        })),
      )
      .execute()
    const first = await search({ q: 'wombat', type: 'health-service' })
    expect(text(first.body)).toContain('21 results for ‘wombat’ (filtered)')
    const next = anchors(first.body, '.govuk-pagination__next')[0]?.href ?? ''
    expect(new URLSearchParams(next.split('?')[1]).getAll('type')).toEqual(['health-service'])
    const second = await t.visitor().get(next)
    expect(resultLinks(second.body)).toHaveLength(1)
    expect(attribute(second.body, 'input[name="type"][value="health-service"]', 'checked')).toBeDefined()
  })
})
