import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, fieldError, heading, linkTo, summaryList, text } from '../../../test/support/html.ts'

describe.each(testDatabases())('a council’s own inspections and improvement plans on $name', (database) => {
  let t: TestApp
  let build: ReturnType<typeof builders>
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    build = builders(t)
  })
  afterAll(() => t?.close())

  const auditOf = (subjectId: string) =>
    t.db.selectFrom('auditEvents').select(['action', 'actorLabel']).where('subjectId', '=', subjectId).execute()

  it('starts empty, saying so, and offers the forms only to those who keep the records', async () => {
    const officer = await t.as('scrutiny_officer')
    const inspections = (await officer.get('/inspections')).body
    expect(text(inspections)).toContain('No inspections have been added yet.')
    expect(linkTo(inspections, 'Add an inspection')).toBe('/inspections/new')
    expect(linkTo((await officer.get('/improvement-plans')).body, 'Add an improvement plan')).toBe(
      '/improvement-plans/new',
    )
    for (const role of ['public', 'member', 'officer', 'analyst'] as TestRole[]) {
      const agent = await t.as(role)
      expect(linkTo((await agent.get('/inspections')).body, 'Add an inspection'), role).toBeUndefined()
      expect(linkTo((await agent.get('/improvement-plans')).body, 'Add an improvement plan'), role).toBeUndefined()
    }
  })

  it('lets a council with nothing record an inspection with a finding, a plan answering it with a theme, then an action', async () => {
    const inspection = await build.anInspection({
      title: 'Area SEND inspection 2024',
      kind: 'Area SEND inspection',
      inspectorates: 'Ofsted and the Care Quality Commission',
      outcome: 'Inconsistent experiences and outcomes',
    })
    expect(inspection.url).toBe('/inspections/area-send-inspection-2024')
    const finding = await build.aFinding(inspection, { number: '2a', text: 'Leaders should improve transition.' })
    const page = (await t.visitor().get(inspection.url)).body
    expect(heading(page)).toBe('Area SEND inspection 2024')
    expect(summaryList(page)).toMatchObject({
      Kind: 'Area SEND inspection',
      'Overall judgement': 'Inconsistent experiences and outcomes',
    })
    expect(text(page)).toContain('2a. Leaders should improve transition.')
    expect(text(page)).toContain('No action answers this')

    const plan = await build.anImprovementPlan({ title: 'SEND improvement plan', inspections: [inspection] })
    expect(plan.url).toBe('/improvement-plans/send-improvement-plan')
    await build.aTheme(plan, { number: '1', title: 'Moving into adulthood', lead: 'Head of SEND' })
    expect(text((await t.visitor().get(plan.url)).body)).toContain('No actions have been added to this theme yet.')
    const theme = await t.db
      .selectFrom('planThemes')
      .select('id')
      .where('title', '=', 'Moving into adulthood')
      .executeTakeFirstOrThrow()
    const admin = await t.as('admin')
    const added = await admin.post(`${plan.url}/actions`, {
      themeId: theme.id,
      reference: '1.1',
      title: 'Plan each young person’s move to adult services from 14',
      leads: 'Sam Patel – Head of SEND',
      findingIds: finding.id,
    })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`${plan.url}/actions/1.1`)
    const answered = text((await t.visitor().get(inspection.url)).body)
    expect(answered).toContain('Action 1.1: Plan each young person’s move to adult services from 14')
    expect(answered).not.toContain('No action answers this')
    const planPage = text((await t.visitor().get(plan.url)).body)
    expect(planPage).toContain('1. Moving into adulthood')
    expect(planPage).toContain('Lead: Head of SEND.')

    const inspectionId = (
      await t.db.selectFrom('inspections').select('id').where('slug', '=', inspection.slug).executeTakeFirstOrThrow()
    ).id
    expect((await auditOf(inspectionId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['added inspection', 'added an area for improvement numbered 2a']),
    )
    const planId = (
      await t.db.selectFrom('improvementPlans').select('id').where('slug', '=', plan.slug).executeTakeFirstOrThrow()
    ).id
    expect((await auditOf(planId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['added improvement plan', 'added theme 1', 'added action 1.1']),
    )
  })

  it('changes an inspection, a finding and a theme through their forms, keeping their addresses', async () => {
    const officer = await t.as('scrutiny_officer')
    const inspection = await build.anInspection({ title: 'Focused visit 2023' })
    const finding = await build.aFinding(inspection, { number: '1' })
    const form = (await officer.get(`${inspection.url}/edit`)).body
    expect(heading(form)).toBe('Change the inspection')
    const changed = await officer.post(`${inspection.url}/edit`, {
      _version: '1',
      title: 'Focused visit on care leavers, 2023',
      kind: 'Focused visit',
      inspectorates: 'Ofsted',
      'endedOn-day': '3',
      'endedOn-month': '5',
      'endedOn-year': '2023',
      overallJudgement: '',
    })
    expect(changed.statusCode).toBe(303)
    expect(changed.headers.location).toBe(inspection.url)
    expect(heading((await t.visitor().get(inspection.url)).body)).toBe('Focused visit on care leavers, 2023')

    const findingChanged = await officer.post(`${inspection.url}/findings/${finding.id}/edit`, {
      _version: '1',
      kind: 'priority action',
      number: 'P1',
      text: 'Care leavers need a home.',
    })
    expect(findingChanged.statusCode).toBe(303)
    expect(text((await t.visitor().get(inspection.url)).body)).toContain('P1. Care leavers need a home.')

    const plan = await build.anImprovementPlan({ title: 'Care leavers plan' })
    await build.aTheme(plan, { number: 'A', title: 'Homes' })
    await build.aTheme(plan, { number: 'B', title: 'Work' })
    const b = await t.db.selectFrom('planThemes').select('id').where('title', '=', 'Work').executeTakeFirstOrThrow()
    const moved = await officer.post(`${plan.url}/themes/${b.id}/edit`, {
      _version: '1',
      number: 'B',
      title: 'Work and training',
      lead: '',
      position: '0',
    })
    expect(moved.statusCode).toBe(303)
    const shown = text((await t.visitor().get(plan.url)).body)
    expect(shown.indexOf('B. Work and training')).toBeLessThan(shown.indexOf('A. Homes'))
  })

  it('says what is missing or wrong, beside the fields, and refuses a title or number already taken', async () => {
    const officer = await t.as('scrutiny_officer')
    const empty = await officer.post('/inspections', { title: '', kind: '', inspectorates: '' })
    expect(empty.statusCode).toBe(400)
    expect(errorSummary(empty.body)).toEqual([
      'Enter the inspection’s title',
      'Enter the type of inspection',
      'Enter who inspected, like Ofsted or the Care Quality Commission',
    ])
    const backwards = await officer.post('/inspections', {
      title: 'Joint targeted area inspection',
      kind: 'JTAI',
      inspectorates: 'Ofsted, CQC, HMICFRS and HMI Probation',
      'startedOn-day': '10',
      'startedOn-month': '6',
      'startedOn-year': '2024',
      'endedOn-day': '1',
      'endedOn-month': '6',
      'endedOn-year': '2024',
      overallJudgement: 'x'.repeat(101),
    })
    expect(backwards.statusCode).toBe(400)
    expect(fieldError(backwards.body, 'overallJudgement')).toContain('Must be 100 characters or fewer')
    const ends = await officer.post('/inspections', {
      title: 'Joint targeted area inspection',
      kind: 'JTAI',
      inspectorates: 'Ofsted, CQC, HMICFRS and HMI Probation',
      'startedOn-day': '10',
      'startedOn-month': '6',
      'startedOn-year': '2024',
      'endedOn-day': '1',
      'endedOn-month': '6',
      'endedOn-year': '2024',
    })
    expect(fieldError(ends.body, 'endedOn')).toContain('The inspection must end on or after the day it started')

    await build.anInspection({ title: 'ILACS 2025' })
    const again = await officer.post('/inspections', { title: 'ILACS 2025', kind: 'ILACS', inspectorates: 'Ofsted' })
    expect(again.statusCode).toBe(400)
    expect(fieldError(again.body, 'title')).toContain('There is already an inspection with this title')

    const inspection = await build.anInspection()
    await build.aFinding(inspection, { number: '4' })
    const twice = await officer.post(`${inspection.url}/findings`, {
      kind: 'area for improvement',
      number: '4',
      text: 'Again',
    })
    expect(twice.statusCode).toBe(400)
    expect(fieldError(twice.body, 'number')).toContain(
      'There is already an area for improvement numbered 4 in this inspection',
    )
    const noKind = await officer.post(`${inspection.url}/findings`, { number: '', text: '' })
    expect(errorSummary(noKind.body)).toEqual([
      'Select the kind of finding',
      'Enter the finding’s number or reference, as the report gives it',
      'Enter the finding, as the report puts it',
    ])

    const plan = await build.anImprovementPlan({ title: 'Plan with themes' })
    await build.aTheme(plan, { number: '1' })
    const sameTheme = await officer.post(`${plan.url}/themes`, { number: '1', title: 'Another', position: 'first' })
    expect(sameTheme.statusCode).toBe(400)
    expect(fieldError(sameTheme.body, 'position')).toContain('Enter the position as a whole number')
    const taken = await officer.post(`${plan.url}/themes`, { number: '1', title: 'Another' })
    expect(fieldError(taken.body, 'number')).toContain('There is already a theme 1 in this plan')
    const noPlan = await officer.post('/improvement-plans', { title: '' })
    expect(errorSummary(noPlan.body)).toEqual(['Enter the plan’s title'])
  })

  it('refuses members, officers who do not own the plan, analysts and the public', async () => {
    const inspection = await build.anInspection()
    const plan = await build.anImprovementPlan()
    for (const role of ['member', 'officer', 'analyst'] as TestRole[]) {
      const agent = await t.as(role)
      for (const url of [
        '/inspections/new',
        `${inspection.url}/edit`,
        `${inspection.url}/findings/new`,
        '/improvement-plans/new',
        `${plan.url}/themes/new`,
      ])
        expect((await agent.get(url)).statusCode, `${role} ${url}`).toBe(403)
      const posted = await agent.post('/inspections', { title: 'Sneaky', kind: 'x', inspectorates: 'y' })
      expect(posted.statusCode, role).toBe(403)
      expect((await agent.post(`${plan.url}/themes`, { number: '9', title: 'Sneaky' })).statusCode, role).toBe(403)
    }
    const visitor = t.visitor()
    expect((await visitor.get('/inspections/new')).statusCode).toBe(303)
    const signedOut = await visitor.post('/inspections', { title: 'Sneaky', kind: 'x', inspectorates: 'y' })
    expect(signedOut.statusCode).toBe(303)
    expect(signedOut.headers.location).toMatch(/^\/sign-in/)
    expect(await t.db.selectFrom('inspections').select('id').where('title', '=', 'Sneaky').execute()).toEqual([])
  })
})
