import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { confirmation, errorSummary, heading, text } from '../../../test/support/html.ts'

const PLAN = '/improvement-plans/childrens-social-care-improvement-plan'
const ACTION = `${PLAN}/actions/1.1`

describe.each(testDatabases())('inspections and improvement plans on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  const milestone = (text: string) =>
    t.db.selectFrom('planMilestones').selectAll().where('text', 'like', `${text}%`).executeTakeFirstOrThrow()

  it.each(ALL_ROLES)('answers a %s as their role allows', async (role) => {
    const agent = await t.as(role)
    const officers: TestRole[] = ['officer', 'admin']
    const officerOnly = role === 'public' ? 303 : officers.includes(role) ? 200 : 403
    // Themes: the plan's owner (the demo officer) and those who add plans.
    const themeKeepers: TestRole[] = ['officer', 'scrutiny_officer', 'admin']
    const themeKeeper = role === 'public' ? 303 : themeKeepers.includes(role) ? 200 : 403
    const recordKeeper = role === 'public' ? 303 : ['scrutiny_officer', 'admin'].includes(role) ? 200 : 403
    const pages: [string, number][] = [
      ['/inspections', 200],
      ['/inspections/ilacs-2022', 200],
      ['/inspections/ofsted-2014', 200],
      ['/inspections/send-2022', 200],
      ['/improvement-plans', 200],
      [PLAN, 200],
      [`${PLAN}/since`, 200],
      [`${PLAN}/since?from-day=1&from-month=1&from-year=2023`, 200],
      [`${PLAN}/milestones`, 200],
      [`${PLAN}/milestones?rag=red&stale=yes&lead=nobody&theme=not-a-theme`, 200],
      ['/improvement-plans/no-such/milestones', 404],
      [ACTION, 200],
      ['/my/actions', officerOnly],
      [`${ACTION}/milestones/new`, officerOnly], // the demo officer is the plan's owner
      [`${PLAN}/versions/new`, officerOnly],
      [`${PLAN}/themes/new`, themeKeeper],
      ['/improvement-plans/new', recordKeeper],
      ['/inspections/new', recordKeeper],
      ['/inspections/ilacs-2022/edit', recordKeeper],
      ['/inspections/ilacs-2022/findings/new', recordKeeper],
      ['/api/v1/inspections', 200],
      [`/api/v1${PLAN}`, 200],
      ['/inspections/no-such', 404],
      [`${PLAN}/actions/99.9`, 404],
      ['/api/v1/improvement-plans/no-such', 404],
    ]
    for (const [url, status] of pages) expect((await agent.get(url)).statusCode, url).toBe(status)
  })

  it('shows the December 2022 ILACS findings with the actions that answer them, and late milestones', async () => {
    const page = await t.visitor().get('/inspections/ilacs-2022')
    const shown = text(page.body)
    expect(shown).toContain('Areas for improvement')
    expect(shown).toMatch(/Action \d+\.\d+: .* (Red|Amber|Green|Complete)/)
    expect(shown).toMatch(/Late: .* \(due \d+ \w+ 20\d\d\)/)
  })

  it('shows the plan by theme with complete, green and red milestones as of 22 January 2024, and what is missing', async () => {
    const page = await t.visitor().get(PLAN)
    expect(heading(page.body)).toMatch(/Improvement Plan/i)
    const shown = text(page.body)
    const [, red, , green, complete] = /Milestones: (\d+) red ?, (\d+) amber ?, (\d+) green ?, (\d+) complete/
      .exec(shown)!
      .map(Number)
    expect(red).toBeGreaterThan(0)
    expect(green).toBeGreaterThan(0)
    expect(complete).toBeGreaterThan(0)
    expect(shown).toContain('What the plan is missing')
    expect(shown).toContain('Inspection findings no action answers')
    expect(shown).toContain('Record of amendments')
  })

  it('lists the milestones each count counts, filtered by rating, theme, lead and staleness', async () => {
    const plan = text((await t.visitor().get(PLAN)).body)
    const red = Number(/Milestones: (\d+) red/.exec(plan)![1])
    expect((await t.visitor().get(PLAN)).body).toContain(`href="${PLAN}/milestones?rag=red">${red} red</a>`)

    const reds = await t.visitor().get(`${PLAN}/milestones?rag=red`)
    const [, shownRed, total] = /Showing (\d+) of (\d+) milestones/.exec(text(reds.body))!.map(Number)
    expect(shownRed).toBe(red)
    expect(reds.body.match(/<strong class="govuk-tag[^"]*">Red<\/strong>/g)).toHaveLength(red)
    expect(reds.body).not.toMatch(/<strong class="govuk-tag[^"]*">(Green|Amber|Complete)<\/strong>/)
    const all = await t.visitor().get(`${PLAN}/milestones`)
    expect(heading(all.body)).toBe('Milestones')
    expect(text(all.body)).toContain(`${total} milestones`)
    expect(total).toBeGreaterThan(red)

    // A theme and a lead narrow it further; each listed milestone names its action.
    const theme = await t.db
      .selectFrom('planThemes')
      .select(['id', 'number'])
      .where('number', '=', '4')
      .executeTakeFirstOrThrow()
    const ofTheme = text((await t.visitor().get(`${PLAN}/milestones?theme=${theme.id}`)).body)
    expect(ofTheme).toMatch(/Showing \d+ of \d+ milestones/)
    expect(ofTheme).toMatch(/ 4\.\d+ /)
    expect(ofTheme).not.toMatch(/ 1\.1 /)
    const lead = await t.db.selectFrom('planActionLeads').select('name').executeTakeFirstOrThrow()
    const ofLead = text((await t.visitor().get(`${PLAN}/milestones?lead=${encodeURIComponent(lead.name)}`)).body)
    expect(ofLead).toContain(`Lead: ${lead.name}`)

    // What matches nothing says so; a theme or lead the plan does not have is ignored, not an error.
    const none = text((await t.visitor().get(`${PLAN}/milestones?rag=dropped`)).body)
    expect(none).toContain('No milestones match these filters')
    const unknown = text((await t.visitor().get(`${PLAN}/milestones?lead=nobody&theme=not-a-theme`)).body)
    expect(unknown).toContain(`${total} milestones`)

    // Each action's row counts its stale milestones; together they are those the staleness filter lists.
    const staleByAction = [...plan.matchAll(/(\d+) with no update since the last meeting/g)].map(([, n]) => Number(n))
    expect(staleByAction.length).toBeGreaterThan(0)
    const stale = text((await t.visitor().get(`${PLAN}/milestones?stale=yes`)).body)
    const [, shownStale] = /Showing (\d+) of \d+ milestones/.exec(stale)!.map(Number)
    expect(staleByAction.reduce((sum, n) => sum + n, 0)).toBe(shownStale)
  })

  it('lets an action lead post an update and change a status, which needs an update saying why', async () => {
    const officer = await t.as('officer')
    const mine = text((await officer.get('/my/actions')).body)
    expect(mine).toContain('1.5')
    const target = await t.db
      .selectFrom('planMilestones')
      .innerJoin('planActions', 'planActions.id', 'planMilestones.actionId')
      .select(['planMilestones.id', 'planMilestones.status', 'planMilestones.text'])
      .where('planActions.reference', '=', '1.5')
      .where('planMilestones.status', '<>', 'complete')
      .executeTakeFirstOrThrow()
    const url = `/improvement-plans/milestones/${target.id}/updates`
    const date = { 'onDate-day': '22', 'onDate-month': '1', 'onDate-year': '2024' }
    const why = await officer.post(url, { ...date, text: ' ', status: 'complete' })
    expect(why.statusCode).toBe(400)
    expect(errorSummary(why.body)).toEqual(['Enter the update: what has happened, and why if the status changes'])
    const future = await officer.post(url, {
      'onDate-day': '1',
      'onDate-month': '2',
      'onDate-year': '2024',
      text: 'Later',
      status: '',
    })
    expect(errorSummary(future.body)).toEqual(['The date of the update cannot be in the future'])

    const done = await officer.post(url, {
      ...date,
      text: 'Attendance is now reported to each board meeting.',
      status: 'complete',
    })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe(`/my/actions#milestone-${target.id}`)
    expect(confirmation((await officer.get('/my/actions')).body)).toBe('Update posted')
    expect(await milestone(target.text)).toMatchObject({ status: 'complete', completedOn: '2024-01-22' })
    const since = text((await t.visitor().get(`${PLAN}/since`)).body)
    expect(since).toContain('Attendance is now reported to each board meeting.')
    expect(since).toMatch(new RegExp(`${target.status.replace(/^./, (c) => c.toUpperCase())} to complete`))

    // Not a lead of action 1.1 (unless the demo makes the officer one): refused.
    const other = await t.db
      .selectFrom('planMilestones')
      .innerJoin('planActions', 'planActions.id', 'planMilestones.actionId')
      .leftJoin('planActionLeads', 'planActionLeads.actionId', 'planActions.id')
      .leftJoin('people', 'people.id', 'planActionLeads.personId')
      .select('planMilestones.id')
      .where((eb) => eb.or([eb('people.slug', '<>', 'chris-coyle'), eb('people.slug', 'is', null)]))
      .where('planActions.reference', '=', '1.1')
      .executeTakeFirstOrThrow()
    expect(
      (await officer.post(`/improvement-plans/milestones/${other.id}/updates`, { ...date, text: 'x', status: '' }))
        .statusCode,
    ).toBe(403)
    expect((await (await t.as('member')).post(url, { ...date, text: 'x', status: '' })).statusCode).toBe(403)
  })

  it('lets the plan’s owner add a milestone and publish a version, recorded in the amendments', async () => {
    const owner = await t.as('officer')
    const blank = await owner.post(`${ACTION}/milestones`, {
      text: '',
      'dueOn-day': '31',
      'dueOn-month': '2',
      'dueOn-year': '2024',
    })
    expect(errorSummary(blank.body)).toEqual([
      'Enter the milestone',
      'Enter the due date as a real date, like 31 3 2024',
    ])
    expect(
      (
        await owner.post(`${ACTION}/milestones`, {
          text: 'Present the strategy to the Executive',
          'dueOn-day': '',
          'dueOn-month': '',
          'dueOn-year': '',
          dueNote: 'Spring 2024',
        })
      ).statusCode,
    ).toBe(303)
    expect(confirmation((await owner.get(ACTION)).body)).toBe('Milestone added')
    expect(text((await t.visitor().get(PLAN)).body)).toMatch(/Present the strategy to the Executive \(Spring 2024\)/) // no due date: listed as missing

    const same = await owner.post(`${PLAN}/versions`, { version: '', changes: '' })
    expect(errorSummary(same.body)).toEqual(['Enter the new version’s number', 'Say what changed in this version'])
    expect(
      (await owner.post(`${PLAN}/versions`, { version: '9.1', changes: 'Added a milestone to action 1.1.' }))
        .statusCode,
    ).toBe(303)
    expect(confirmation((await owner.get(PLAN)).body)).toBe('New version published')
    const page = text((await t.visitor().get(PLAN)).body)
    expect(page).toContain('version 9.1')
    expect(page).toMatch(/22 January 2024 9\.1 Demo officer Added a milestone to action 1\.1\./)
    expect(
      (await (await t.as('scrutiny_officer')).post(`${PLAN}/versions`, { version: '9.2', changes: 'x' })).statusCode,
    ).toBe(403)
  })

  it('lets a lead post an update on the action as a whole, and the owner change a milestone’s wording and due date', async () => {
    const officer = await t.as('officer')
    const url = `${PLAN}/actions/1.5/updates`
    const date = { 'onDate-day': '22', 'onDate-month': '1', 'onDate-year': '2024' }
    const empty = await officer.post(url, { ...date, text: '' })
    expect(errorSummary(empty.body)).toEqual(['Enter the update: what has happened, and why if the status changes'])
    expect((await officer.post(url, { ...date, text: 'The board now meets every six weeks.' })).statusCode).toBe(303)
    expect(confirmation((await officer.get(`${PLAN}/actions/1.5`)).body)).toBe('Update posted')
    expect(text((await t.visitor().get(`${PLAN}/actions/1.5`)).body)).toContain(
      '22 January 2024, Demo officer: The board now meets every six weeks.',
    )
    expect((await officer.post(`${PLAN}/actions/1.1/updates`, { ...date, text: 'Not mine' })).statusCode).toBe(403)

    const target = await t.db
      .selectFrom('planMilestones')
      .innerJoin('planActions', 'planActions.id', 'planMilestones.actionId')
      .select(['planMilestones.id'])
      .where('planActions.reference', '=', '1.1')
      .executeTakeFirstOrThrow()
    const edit = `${PLAN}/milestones/${target.id}/edit`
    expect((await officer.get(edit)).statusCode).toBe(200)
    expect((await (await t.as('scrutiny_officer')).get(edit)).statusCode).toBe(403)
    const bad = await officer.post(edit, {
      text: '',
      'dueOn-day': '',
      'dueOn-month': '',
      'dueOn-year': '',
      dueNote: '',
    })
    expect(errorSummary(bad.body)).toEqual(['Enter the milestone'])
    const saved = await officer.post(edit, {
      ...(await officer.versionOf(edit)),
      text: 'Hold the partnership event',
      'dueOn-day': '30',
      'dueOn-month': '4',
      'dueOn-year': '2024',
      dueNote: '',
    })
    expect(saved.statusCode).toBe(303)
    expect(confirmation((await officer.get(String(saved.headers.location))).body)).toBe('Milestone updated')
    expect(await milestone('Hold the partnership event')).toMatchObject({ dueOn: '2024-04-30' })
  })

  it('reads an impossible date as no date, and a milestone that does not exist as not found', async () => {
    const usual = await t.visitor().get(`${PLAN}/since`)
    for (const query of [
      'from=2024-02-30',
      'from-day=30&from-month=2&from-year=2024',
      'from-day=1&from-month=13&from-year=2024',
    ]) {
      const page = await t.visitor().get(`${PLAN}/since?${query}`)
      expect(page.statusCode, query).toBe(200)
      expect(text(page.body), query).toBe(text(usual.body))
    }
    const owner = await t.as('officer')
    expect((await owner.get(`${PLAN}/milestones/not-a-milestone/edit`)).statusCode).toBe(404)
    expect((await owner.post(`${PLAN}/milestones/not-a-milestone/edit`, { text: 'Anything' })).statusCode).toBe(404)
  })

  it('lets the owner add an action with its leads and the findings it answers, which then lists it', async () => {
    const owner = await t.as('officer')
    const form = await owner.get(`${PLAN}/actions/new`)
    expect(form.statusCode).toBe(200)
    expect((await (await t.as('scrutiny_officer')).get(`${PLAN}/actions/new`)).statusCode).toBe(403)
    const themeId = /<option value="([0-9a-f-]{36})">6\. /.exec(form.body)![1]
    const findingId = /name="findingIds" type="checkbox" value="([0-9a-f-]{36})"/.exec(form.body)![1]

    const blank = await owner.post(`${PLAN}/actions`, { themeId: '', reference: '', title: '', leads: '' })
    expect(errorSummary(blank.body)).toEqual([
      'Select the theme the action belongs to',
      'Enter the action’s reference',
      'Enter what the action will do',
      'Enter at least one lead',
    ])
    const taken = await owner.post(`${PLAN}/actions`, { themeId, reference: '6.1', title: 'Again', leads: 'Someone' })
    expect(errorSummary(taken.body)).toEqual(['There is already an action 6.1 in this plan'])

    const added = await owner.post(`${PLAN}/actions`, {
      themeId,
      reference: '6.9',
      title: 'Monitor unregistered placements monthly',
      leads: 'Chris Coyle – AD Operations\nA New Person',
      findingIds: findingId,
    })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`${PLAN}/actions/6.9`)
    expect(confirmation((await owner.get(`${PLAN}/actions/6.9`)).body)).toBe('Action 6.9 added')
    const page = text((await t.visitor().get(`${PLAN}/actions/6.9`)).body)
    expect(page).toContain('Led by Chris Coyle (AD Operations), A New Person.')
    expect(page).toContain('This action has no milestones yet.')
    expect(text((await owner.get('/my/actions')).body)).toContain('6.9 Monitor unregistered placements monthly')
    expect(text((await t.visitor().get(PLAN)).body)).toMatch(
      /Actions with no milestone .*6\.9 Monitor unregistered placements monthly/,
    )
  })

  it('publishes inspections and the plan as open data', async () => {
    const { inspections } = JSON.parse((await t.visitor().get('/api/v1/inspections')).body)
    const ilacs = inspections.find((i: { slug: string }) => i.slug === 'ilacs-2022')
    expect(
      ilacs.findings.filter((f: { kind: string }) => f.kind === 'area for improvement').length,
    ).toBeGreaterThanOrEqual(4)
    expect(ilacs.findings.some((f: { actionIds: string[] }) => f.actionIds.length > 0)).toBe(true)
    const plan = JSON.parse((await t.visitor().get(`/api/v1${PLAN}`)).body)
    const milestones = plan.themes.flatMap((th: { actions: { milestones: unknown[] }[] }) =>
      th.actions.flatMap((a) => a.milestones),
    )
    expect(milestones[0]).toHaveProperty('dueDate')
    expect(new Set(milestones.map((m: { rag: string }) => m.rag))).toEqual(expect.any(Set))
    expect(milestones.some((m: { rag: string }) => m.rag === 'red')).toBe(true)
    const openApi = JSON.parse((await t.visitor().get('/api/v1/openapi.json')).body)
    expect(openApi.paths['/api/v1/inspections']).toBeDefined()
    expect(openApi.paths['/api/v1/improvement-plans/{id}']).toBeDefined()
  })
})
