import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../../test/support/harness.ts'
import { confirmation, errorSummary, heading, table, text } from '../../../../test/support/html.ts'
import { type BodyRecord, builders } from '../../../../test/support/builders/index.ts'
import { type ApiError, json } from '../../../../test/support/json.ts'

const plan = '/forward-plan/2024-01'
const item = `${plan}/items/16-2023`
const committee = 'children-and-young-peoples-scrutiny-committee'
const EDITORS: TestRole[] = ['scrutiny_officer', 'admin']
interface PlanApi {
  plan: Record<string, unknown>
  items: ({ reference: string } & Record<string, unknown>)[]
}
const byRole = (role: TestRole) => (role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403)

describe.each(testDatabases())('the forward plan on $name', (database) => {
  let t: TestApp
  let committeeId: string
  let executive: BodyRecord
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    executive = await build.aBody({ name: 'Executive', kind: 'executive' })
    const hobson = await build.aPerson({
      name: 'Jim Hobson',
      honorific: 'Councillor',
      jobTitle: "Cabinet Member for Children's Services",
    })
    await build.aMembership(executive, hobson)
    committeeId = (await build.aBody({ name: "Children and Young People's Scrutiny Committee" })).id
    const january = await build.aForwardPlan({
      title: 'Forward Plan January 2024 to April 2024',
      periodFrom: '2024-01-01',
      periodTo: '2024-04-30',
    })
    await build.aForwardPlanItem(january, {
      reference: '12/2022',
      matter: "Update of the Children's Services Medium Term Financial Strategy",
      cabinetMember: hobson,
      anticipated: '2024-01',
    })
    await build.aForwardPlanItem(january, {
      reference: '16/2023',
      matter: 'The Blackpool Children, Young People and Families Strategic Partnership Plan',
      cabinetMember: hobson,
      anticipated: '2024-01',
      fields: { representations: 'Through an online survey, which closed on Friday 28 July 2023.' },
    })
  })
  afterAll(() => t?.close())

  it.each(ALL_ROLES)('answers a %s as their role allows', async (role) => {
    const agent = await t.as(role)
    const pages: [string, number][] = [
      ['/forward-plan', 200],
      [plan, 200],
      [item, 200],
      ['/api/v1/forward-plan', 200],
      ['/forward-plan/new', byRole(role)],
      [`${plan}/edit`, byRole(role)],
      [`${plan}/items/new`, byRole(role)],
      [`${item}/edit`, byRole(role)],
      ['/forward-plan/2099-01', 404],
      [`${plan}/items/99-2099`, 404],
    ]
    for (const [url, status] of pages) expect((await agent.get(url)).statusCode, url).toBe(status)
    const form = await agent.get(item)
    expect(form.body.includes('pre-decision-scrutiny'), 'pre-decision form').toBe(EDITORS.includes(role))
  })

  it.each(['public', 'member', 'officer', 'analyst'] as const)('refuses every change to a %s', async (role) => {
    const agent = await t.as(role)
    const expected = role === 'public' ? 303 : 403
    for (const url of [
      '/forward-plan',
      `${plan}/edit`,
      `${plan}/items`,
      `${item}/edit`,
      `${item}/pre-decision-scrutiny`,
    ]) {
      expect((await agent.post(url, { title: 'x', bodyId: committeeId })).statusCode, url).toBe(expected)
    }
  })

  it('shows the latest plan with its key decisions, and an item in full', async () => {
    const page = await t.visitor().get('/forward-plan')
    expect(heading(page.body)).toBe('Forward Plan January 2024 to April 2024')
    expect(text(page.body)).toMatch(
      /January 2024 Update of the Children's Services Medium Term Financial Strategy 12\/2022 Executive Councillor Jim Hobson/,
    )
    const detail = await t.visitor().get(item)
    expect(heading(detail.body)).toBe('The Blackpool Children, Young People and Families Strategic Partnership Plan')
    const shown = text(detail.body)
    expect(shown).toContain("Councillor Jim Hobson, Cabinet Member for Children's Services")
    expect(shown).toContain('closed on Friday 28 July 2023')
    expect(shown).toContain('No committee has taken this item for pre-decision scrutiny')
  })

  it('puts an item on a committee’s work programme for pre-decision scrutiny, once', async () => {
    const agent = await t.as('scrutiny_officer')
    await agent.get(item)
    const missing = await agent.post(`${item}/pre-decision-scrutiny`, { bodyId: '' })
    expect(missing.statusCode).toBe(400)
    expect(errorSummary(missing.body)).toEqual(['Select the committee that will scrutinise it'])

    const marked = await agent.post(`${item}/pre-decision-scrutiny`, { bodyId: committeeId })
    expect(marked.statusCode).toBe(303)
    const workItem = await agent.get(marked.headers.location as string)
    expect(heading(workItem.body)).toBe('The Blackpool Children, Young People and Families Strategic Partnership Plan')
    expect(confirmation(workItem.body)).toBe('Added to the work programme for pre-decision scrutiny')
    expect(text(workItem.body)).toContain('Forward plan item: Forward plan item 16/2023')
    expect(workItem.body).toContain(`href="${item}"`)
    expect(text(workItem.body)).toContain('Added work programme item')

    expect(text((await t.visitor().get(item)).body)).toContain(
      "On the work programme of the Children and Young People's Scrutiny Committee",
    )
    const programme = await t.visitor().get(`/bodies/${committee}/work-programme`)
    expect(text(programme.body)).toContain('Pre-decision scrutiny of key decision 16/2023')

    const again = await agent.post(`${item}/pre-decision-scrutiny`, { bodyId: committeeId })
    expect(again.statusCode).toBe(400)
    expect(errorSummary(again.body)).toEqual(['This item is already on that committee’s work programme'])
  })

  it('adds a plan and a private key decision, whose reason only staff see', async () => {
    const agent = await t.as('admin')
    const blank = await agent.post('/forward-plan', {})
    expect(errorSummary(blank.body)).toEqual([
      'Enter the title of the forward plan',
      'Enter the date the plan starts',
      'Enter the date the plan ends',
    ])
    const created = await agent.post('/forward-plan', {
      title: 'Forward Plan February 2024 to May 2024',
      'periodFrom-day': '1',
      'periodFrom-month': '2',
      'periodFrom-year': '2024',
      'periodTo-day': '31',
      'periodTo-month': '5',
      'periodTo-year': '2024',
    })
    expect(created.statusCode).toBe(303)
    expect(created.headers.location).toBe('/forward-plan/2024-02')
    expect(confirmation((await agent.get('/forward-plan/2024-02')).body)).toBe('Forward plan added')
    expect(heading((await t.visitor().get('/forward-plan')).body)).toBe('Forward Plan February 2024 to May 2024')

    const invalid = await agent.post('/forward-plan/2024-02/items', {
      exempt: 'yes',
      'anticipated-month': '13',
      'anticipated-year': '2024',
    })
    expect(errorSummary(invalid.body)).toEqual([
      'Enter the decision reference',
      'Enter the matter for decision',
      'Enter who will take the decision',
      'Enter a real month and year, like 1 2024, and a real day if you know it',
      'Select the paragraph of Schedule 12A that applies',
    ])
    const added = await agent.post('/forward-plan/2024-02/items', {
      reference: '3/2024',
      matter: 'Sale of a children’s home',
      decisionTaker: 'Executive',
      'anticipated-month': '3',
      'anticipated-year': '2024',
      isNew: 'yes',
      exempt: 'yes',
      exemptParagraph: '3',
      exemptReason: 'Price negotiations',
    })
    expect(added.statusCode).toBe(303)
    const publicView = await t.visitor().get('/forward-plan/2024-02')
    expect(text(publicView.body)).toContain('Sale of a children’s home New item Private Exempt under paragraph 3')
    expect(text(publicView.body)).toContain('March 2024')
    expect((await t.visitor().get(added.headers.location as string)).body).not.toContain('Price negotiations')
    const staffView = await agent.get(added.headers.location as string)
    expect(confirmation(staffView.body)).toBe('Forward plan item added')
    expect(text(staffView.body)).toContain('Reason: Price negotiations')
    const api = json<PlanApi>(await t.visitor().get('/api/v1/forward-plan?plan=2024-02'))
    expect(api.items[0]).toMatchObject({ reference: '3/2024', isNew: true, private: { paragraph: 3 } })
    expect(JSON.stringify(api)).not.toContain('Price negotiations')
  })

  it('publishes a plan as open data', async () => {
    const response = await t.visitor().get('/api/v1/forward-plan?plan=2024-01')
    expect(response.statusCode).toBe(200)
    const body = json<PlanApi>(response)
    expect(body.plan).toMatchObject({
      title: 'Forward Plan January 2024 to April 2024',
      periodFrom: '2024-01-01',
      periodTo: '2024-04-30',
    })
    expect(body.items.map((i) => i.reference)).toEqual(['12/2022', '16/2023'])
    expect(body.items[0]).toMatchObject({
      matter: "Update of the Children's Services Medium Term Financial Strategy",
      decisionTaker: 'Executive',
      cabinetMember: 'Councillor Jim Hobson',
      anticipated: { month: '2024-01', date: null },
      isNew: false,
      private: null,
      url: `${plan}/items/12-2022`,
    })
    expect((await t.visitor().get('/api/v1/forward-plan?plan=2099-01')).statusCode).toBe(404)
    const bad = await t.visitor().get('/api/v1/forward-plan?plan=January')
    expect(bad.statusCode).toBe(400)
    expect(json<ApiError>(bad).error).toBe('The query is not valid')
  })

  it('records an urgent key decision with its reason and the chair’s agreement, and the decision it became', async () => {
    const build = builders(t)
    const agent = await t.as('scrutiny_officer')
    const urgent = {
      reference: 'KD 2024-031',
      matter: 'Emergency placement commissioning',
      decisionTaker: 'Executive',
      'anticipated-month': '1',
      'anticipated-year': '2024',
      exempt: 'no',
      urgency: 'special urgency',
    }
    const missing = await agent.post(`${plan}/items`, urgent)
    expect(missing.statusCode).toBe(400)
    expect(errorSummary(missing.body)).toEqual([
      'Enter the reason the decision is urgent',
      'Select yes if the chair agreed',
    ])
    const decision = await build.aDecision({
      title: 'Emergency placement commissioning',
      taker: executive,
      decidedOn: '2024-01-22',
    })
    const added = await agent.post(`${plan}/items`, {
      ...urgent,
      urgencyReason: 'A provider closed at a week’s notice.',
      chairAgreed: 'yes',
      decisionId: (
        await t.db.selectFrom('decisions').select('id').where('slug', '=', decision.slug).executeTakeFirstOrThrow()
      ).id,
    })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`${plan}/items/kd-2024-031`)
    const page = text((await t.visitor().get(`${plan}/items/kd-2024-031`)).body)
    expect(page).toContain('Urgency Special urgency')
    expect(page).toContain('Decision taken Emergency placement commissioning (22 January 2024)')
    expect(page).toContain('A provider closed at a week’s notice.')
    expect(page).toContain('The chair of the scrutiny committee agreed that the decision is urgent.')
    expect(text((await t.visitor().get(plan)).body)).toContain(
      'Emergency placement commissioning Urgent: special urgency',
    )
    const api = json<PlanApi>(await t.visitor().get(`/api/v1/forward-plan?plan=2024-01`))
    const { decisions } = json<{ decisions: { id: string; url: string }[] }>(await t.visitor().get('/api/v1/decisions'))
    expect(api.items.find((i) => i.reference === 'KD 2024-031')).toMatchObject({
      urgency: 'special urgency',
      urgencyReason: 'A provider closed at a week’s notice.',
      chairAgreed: true,
      decisionId: decisions.find((d) => d.url === decision.url)?.id,
    })
    expect(api.items.find((i) => i.reference === '12/2022')).toMatchObject({
      urgency: 'none',
      urgencyReason: null,
      chairAgreed: null,
      decisionId: null,
    })
  })

  it('keeps several notices in one month, each at its own address, newest first', async () => {
    const agent = await t.as('scrutiny_officer')
    const notice = (title: string, from: string[], published: string[]) => ({
      title,
      'periodFrom-day': from[0],
      'periodFrom-month': from[1],
      'periodFrom-year': from[2],
      'periodTo-day': '31',
      'periodTo-month': '7',
      'periodTo-year': '2024',
      'publishedOn-day': published[0],
      'publishedOn-month': published[1],
      'publishedOn-year': published[2],
    })
    const monthly = await agent.post(
      '/forward-plan',
      notice('Forward Plan April 2024 to July 2024', ['1', '4', '2024'], ['4', '3', '2024']),
    )
    expect(monthly.headers.location).toBe('/forward-plan/2024-04')
    const supplementary = await agent.post(
      '/forward-plan',
      notice('Supplementary notice: general exception, April 2024', ['15', '4', '2024'], ['10', '4', '2024']),
    )
    expect(supplementary.statusCode).toBe(303)
    expect(supplementary.headers.location).toBe('/forward-plan/2024-04-2')

    // An entry's reference is unique within its notice: a supplementary notice may repeat one.
    for (const notice of ['/forward-plan/2024-04', '/forward-plan/2024-04-2']) {
      const added = await agent.post(`${notice}/items`, {
        reference: '7/2024',
        matter: 'Residential children’s home capital works',
        decisionTaker: 'Executive',
        'anticipated-month': '5',
        'anticipated-year': '2024',
        exempt: 'no',
        urgency: notice.endsWith('-2') ? 'general exception' : 'none',
        urgencyReason: 'Contract must be let before the summer.',
        chairAgreed: 'yes',
      })
      expect(added.headers.location, notice).toBe(`${notice}/items/7-2024`)
    }
    const twice = await agent.post('/forward-plan/2024-04-2/items', {
      reference: '7/2024',
      matter: 'Again',
      decisionTaker: 'Executive',
      'anticipated-month': '5',
      'anticipated-year': '2024',
      exempt: 'no',
      urgency: 'none',
    })
    expect(errorSummary(twice.body)).toEqual(['Decision 7/2024 is already in this forward plan'])

    // Correcting a notice's dates keeps its address.
    const changed = await agent.post(
      '/forward-plan/2024-04-2/edit',
      notice('Supplementary notice: general exception, April 2024', ['16', '4', '2024'], ['10', '4', '2024']),
    )
    expect(changed.headers.location).toBe('/forward-plan/2024-04-2')
    const shown = await t.visitor().get('/forward-plan/2024-04-2')
    expect(heading(shown.body)).toBe('Supplementary notice: general exception, April 2024')
    expect(text(shown.body)).toContain('between 16 April 2024 and 31 July 2024')
    const staffNotice = await agent.get('/forward-plan/2024-04-2')
    expect(confirmation(staffNotice.body)).toBe('Forward plan updated')
    expect(text(staffNotice.body)).toMatch(/Updated forward plan/)

    const index = await t.visitor().get('/forward-plan')
    expect(heading(index.body)).toBe('Supplementary notice: general exception, April 2024')
    const notices = table(index.body, { caption: 'All notices, newest first' }).map((row) => row[0])
    expect(notices.slice(1, 3)).toEqual([
      'Supplementary notice: general exception, April 2024 (shown above)',
      'Forward Plan April 2024 to July 2024',
    ])

    const api = json<PlanApi & { notices: { id: string; title: string; publishedOn: string | null }[] }>(
      await t.visitor().get('/api/v1/forward-plan'),
    )
    expect(api.plan).toMatchObject({ id: '2024-04-2', url: '/forward-plan/2024-04-2', publishedOn: '2024-04-10' })
    expect(api.notices.slice(0, 2).map((n) => n.id)).toEqual(['2024-04-2', '2024-04'])
    const second = json<PlanApi>(await t.visitor().get('/api/v1/forward-plan?plan=2024-04-2'))
    expect(second.items).toEqual([expect.objectContaining({ reference: '7/2024', urgency: 'general exception' })])
  })

  it('gives two notices of one month saved at the same moment an address each', async () => {
    const agent = await t.as('scrutiny_officer')
    const notice = (title: string) => ({
      title,
      'periodFrom-day': '1',
      'periodFrom-month': '6',
      'periodFrom-year': '2024',
      'periodTo-day': '30',
      'periodTo-month': '9',
      'periodTo-year': '2024',
    })
    const saved = await Promise.all([
      agent.post('/forward-plan', notice('Forward Plan June 2024 to September 2024')),
      agent.post('/forward-plan', notice('Supplementary notice, June 2024')),
    ])
    expect(saved.map((response) => response.statusCode)).toEqual([303, 303])
    expect(saved.map((response) => response.headers.location).sort()).toEqual([
      '/forward-plan/2024-06',
      '/forward-plan/2024-06-2',
    ])
  })
})
