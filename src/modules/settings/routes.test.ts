import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import {
  confirmation,
  errorSummary,
  fieldError,
  formFields,
  heading,
  parse,
  summaryList,
  text,
} from '../../../test/support/html.ts'

const SETTINGS = '/admin/settings'
const PAGES = [
  'council-name',
  'call-in',
  'publication-notice',
  'report-template',
  'reference-formats',
  'municipal-year',
  'update-requests',
  'returns-retention',
  'small-counts',
]
const DECISION = '/decisions/ex47-2023'
const REPORT = '/meetings/2024-01-25-children-and-young-peoples-scrutiny-committee/items/8/report'
const NEW_PASSWORD = 'correct horse battery staple 7'

/** The call-in deadline as the decision's page shows it. */
const deadlineOn = async (agent: Agent) => summaryList((await agent.get(DECISION)).body)['Call-in deadline']

/** The numbered headings of the report's sections. */
const reportHeadings = async (agent: Agent) => {
  const $ = parse((await agent.get(REPORT)).body)
  return $('h2[id^="section-"], h2#appendices')
    .toArray()
    .map((h) => $(h).text().trim())
}

/** A form's fields as the page gives them, with some changed: what a browser would post. */
const postForm = async (agent: Agent, page: string, change: Record<string, string>) => {
  const url = `${SETTINGS}/${page}`
  const fields = formFields((await agent.get(url)).body, url)
  return agent.post(url, { ...(fields as Record<string, string>), ...change })
}

describe.each(testDatabases())('council settings on $name', (database) => {
  let t: TestApp
  const agents = {} as Record<TestRole, Agent>

  beforeAll(async () => {
    t = await startTestApp(database)
    for (const role of ['public', 'member', 'officer', 'scrutiny_officer', 'analyst', 'admin'] as const) {
      agents[role] = await t.as(role)
    }
  })
  afterAll(() => t.close())

  it('shows the demo council’s settings to an admin, each with a link to change it', async () => {
    const page = await agents.admin.get(SETTINGS)
    expect(page.statusCode).toBe(200)
    expect(heading(page.body)).toBe('Council settings')
    const rows = summaryList(page.body)
    expect(rows['Council name']).toBe('Blackpool Council')
    expect(rows['Call-in period']).toBe('5 clear working days after a decision is published')
    expect(rows['Publication notice']).toBe('5 clear working days before a meeting')
    expect(rows['Report template']).toContain(
      'Equalities considerations and the impact of this decision for our children and young people',
    )
    expect(rows['Reference formats']).toContain('Decisions: EX47/2023')
    const $ = parse(page.body)
    const changes = $('.govuk-summary-list__actions a')
      .toArray()
      .map((a) => $(a).attr('href'))
    expect(changes).toEqual(PAGES.map((p) => `${SETTINGS}/${p}`))
    expect(text((await agents.admin.get('/admin')).body)).toContain('Council settings')
  })

  it('sends the public to sign in and refuses every other role, pages and posts alike', async () => {
    const urls = [SETTINGS, ...PAGES.map((p) => `${SETTINGS}/${p}`)]
    for (const url of urls) {
      const page = await agents.public.get(url)
      expect(page.statusCode, url).toBe(303)
      expect(page.headers.location, url).toBe(`/sign-in?returnTo=${encodeURIComponent(url)}`)
      for (const role of ['member', 'officer', 'scrutiny_officer', 'analyst'] as const) {
        expect((await agents[role].get(url)).statusCode, `${role} ${url}`).toBe(403)
      }
    }
    for (const role of ['member', 'officer', 'scrutiny_officer', 'analyst'] as const) {
      const post = await agents[role].post(`${SETTINGS}/council-name`, { councilName: 'Wigan Council', _version: '1' })
      expect(post.statusCode, role).toBe(403)
    }
    expect(summaryList((await agents.admin.get(SETTINGS)).body)['Council name']).toBe('Blackpool Council')
  })

  it.each([
    ['council-name', { councilName: ' ' }, 'councilName', 'Enter the council’s name'],
    ['council-name', { councilName: 'x'.repeat(121) }, 'councilName', 'Must be 120 characters or fewer'],
    ['call-in', { callInDays: '' }, 'callInDays', 'Enter the call-in period in days'],
    ['call-in', { callInDays: 'five' }, 'callInDays', 'Call-in period must be a whole number of days, like 5'],
    ['call-in', { callInDays: '0' }, 'callInDays', 'Call-in period must be between 1 and 30 days'],
    ['call-in', { callInDays: '31' }, 'callInDays', 'Call-in period must be between 1 and 30 days'],
    [
      'call-in',
      { callInKind: 'lunar' },
      'callInKind',
      'Select whether the call-in period counts working days or calendar days',
    ],
    ['publication-notice', { noticeDays: '31' }, 'noticeDays', 'Publication notice must be between 0 and 30 days'],
    [
      'returns-retention',
      { returnRetentionMonths: '0' },
      'returnRetentionMonths',
      'Retention period must be between 1 and 120 months',
    ],
    [
      'returns-retention',
      { returnRetentionMonths: 'a year' },
      'returnRetentionMonths',
      'Retention period must be a whole number of months, like 13',
    ],
    ['small-counts', { disclosureThreshold: '' }, 'disclosureThreshold', 'Enter the largest count shown as c'],
    [
      'small-counts',
      { disclosureThreshold: '100' },
      'disclosureThreshold',
      'Largest count shown as c must be between 1 and 99',
    ],
    [
      'update-requests',
      { updateRequestDays: '0' },
      'updateRequestDays',
      'Update requests must be between 1 and 30 days',
    ],
    [
      'municipal-year',
      { municipalYearStartMonth: '13' },
      'municipalYearStartMonth',
      'Select the month the municipal year starts',
    ],
    [
      'municipal-year',
      { municipalYearStartMonth: '' },
      'municipalYearStartMonth',
      'Select the month the municipal year starts',
    ],
    [
      'reference-formats',
      { minutesReferenceHint: 'x'.repeat(61) },
      'minutesReferenceHint',
      'Must be 60 characters or fewer',
    ],
    [
      'report-template',
      { 'heading-legal': '' },
      'heading-legal',
      'Enter the heading of the section ‘Legal considerations’',
    ],
    ['report-template', { 'heading-risk': 'x'.repeat(121) }, 'heading-risk', 'Must be 120 characters or fewer'],
    [
      'report-template',
      { 'position-legal': '1' },
      'position-legal',
      'Give each section a different position: 1 is used twice',
    ],
    [
      'report-template',
      { 'position-risk': '16' },
      'position-risk',
      'Enter the position of the section ‘Risk management considerations’ as a number from 1 to 15',
    ],
  ])('on %s, refuses %o beside the field and in the summary, saving nothing', async (page, change, field, message) => {
    const response = await postForm(agents.admin, page, change)
    expect(response.statusCode).toBe(400)
    expect(errorSummary(response.body)).toContain(message)
    expect(fieldError(response.body, field)).toBe(`Error: ${message}`)
    // What was typed stays in a text box; a radio button shows only the choices there are.
    if (!['callInKind', 'municipalYearStartMonth'].includes(field))
      expect(formFields(response.body, `${SETTINGS}/${page}`)[field]).toBe(Object.values(change)[0])
    expect(summaryList((await agents.admin.get(SETTINGS)).body)['Council name']).toBe('Blackpool Council')
  })

  it('refuses a save over another admin’s change (409), keeping what was typed', async () => {
    const other = await t.newAccount('admin', { name: 'Jane Smith' })
    const url = `${SETTINGS}/council-name`
    const stale = formFields((await agents.admin.get(url)).body, url) as Record<string, string>
    const first = await postForm(other, 'council-name', { councilName: 'Blackpool Borough Council' })
    expect(first.statusCode).toBe(303)
    const second = await agents.admin.post(url, { ...stale, councilName: 'Fylde Council' })
    expect(second.statusCode).toBe(409)
    expect(errorSummary(second.body)[0]).toMatch(
      /^The council settings were changed by Jane Smith .* after you opened them\./,
    )
    expect(formFields(second.body, url).councilName).toBe('Fylde Council')
    expect(summaryList((await agents.admin.get(SETTINGS)).body)['Council name']).toBe('Blackpool Borough Council')
    // Saving again from the refusal is deliberate, and goes through.
    const again = await agents.admin.post(url, formFields(second.body, url))
    expect(again.statusCode).toBe(303)
    const settings = await agents.admin.get(SETTINGS)
    expect(confirmation(settings.body)).toBe('Settings saved')
    expect(summaryList(settings.body)['Council name']).toBe('Fylde Council')
    expect(text(settings.body)).toContain('History of changes')
    await postForm(agents.admin, 'council-name', { councilName: 'Blackpool Council' })
  })

  it('moves a decision’s call-in deadline when the call-in period changes', async () => {
    // EX47/2023 was published on Monday 11 December 2023.
    expect(await deadlineOn(agents.public)).toBe('Monday 18 December 2023')
    const saved = await postForm(agents.admin, 'call-in', { callInDays: '10' })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(SETTINGS)
    expect(await deadlineOn(agents.public)).toBe('Wednesday 27 December 2023')
    await postForm(agents.admin, 'call-in', { callInDays: '7', callInKind: 'calendar' })
    expect(await deadlineOn(agents.public)).toBe('Monday 18 December 2023')
    const form = await agents.scrutiny_officer.get('/decisions/new')
    expect(text(form.body)).toContain('The call-in deadline is 7 clear calendar days after this date')
    expect(text(form.body)).toContain('For example, EX47/2023')
    const planItem = await agents.scrutiny_officer.get('/forward-plan/2024-01/items/new')
    expect(text(planItem.body)).toContain('For example, 16/2023')
    await postForm(agents.admin, 'call-in', { callInDays: '5', callInKind: 'working' })
    expect(await deadlineOn(agents.public)).toBe('Monday 18 December 2023')
  })

  it('numbers a report’s sections in the template’s order, under its headings', async () => {
    const before = await reportHeadings(agents.public)
    expect(before[0]).toBe('1.0 Purpose of the report')
    const saved = await postForm(agents.admin, 'report-template', {
      'heading-purpose': 'Why this report',
      'position-purpose': '2',
      'position-recommendations': '1',
    })
    expect(saved.statusCode).toBe(303)
    const after = await reportHeadings(agents.public)
    expect(after.slice(0, 2)).toEqual(['1.0 Recommendations', '2.0 Why this report'])
    expect(after).toHaveLength(before.length)
  })

  it('puts the council’s name in every page’s footer and keeps it out of passwords', async () => {
    expect(parse((await agents.public.get('/')).body)('.govuk-footer__copyright-logo').text()).toContain(
      'Blackpool Council',
    )
    await postForm(agents.admin, 'council-name', { councilName: 'Wyre Council' })
    const home = parse((await agents.public.get('/')).body)
    expect(home('.govuk-footer__copyright-logo').text()).toContain('Wyre Council')
    const officer = await t.db.selectFrom('users').select('id').where('role', '=', 'officer').executeTakeFirstOrThrow()
    const url = `/admin/accounts/${officer.id}/password`
    const refused = await agents.admin.post(url, { password: 'WyreCouncil2024!', confirmPassword: 'WyreCouncil2024!' })
    expect(refused.statusCode).toBe(400)
    expect(errorSummary(refused.body)).toContain('Password must not contain the council’s name')
    const allowed = await agents.admin.post(url, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    expect(allowed.statusCode).toBe(303)
  })
})

describe.each(testDatabases())('council settings of a new council on $name', (database) => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false, councilName: 'Wigan Council' })
  })
  afterAll(() => t.close())

  it('starts from OVERSIGHT_COUNCIL_NAME and the common rules, and the first save keeps the rest', async () => {
    const admin = await t.as('admin')
    const rows = summaryList((await admin.get(SETTINGS)).body)
    expect(rows['Council name']).toBe('Wigan Council')
    expect(rows['Call-in period']).toBe('5 clear working days after a decision is published')
    expect(rows['Report template']).toContain('Equalities considerations')
    expect(rows['Report template']).not.toContain('children and young people')
    expect(rows['Reference formats']).toBe('Decisions: none given Forward plan entries: none given Minutes: none given')
    expect(rows['Municipal year']).toBe('Starts in May')
    expect(rows['Update requests']).toBe('10 clear working days before a meeting')
    expect(rows['Keeping the statutory returns']).toBe('Extracts deleted after 13 months')
    expect(rows['Small counts']).toBe('Counts from 1 to 5 published as c')
    expect(text((await admin.get('/')).body)).not.toContain('Blackpool')

    const saved = await postForm(admin, 'publication-notice', { noticeDays: '10' })
    expect(saved.statusCode).toBe(303)
    const after = summaryList((await admin.get(SETTINGS)).body)
    expect(after['Publication notice']).toBe('10 clear working days before a meeting')
    expect(after['Council name']).toBe('Wigan Council')
    const event = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'subjectType'])
      .where('subjectType', '=', 'council settings')
      .executeTakeFirstOrThrow()
    expect(event.action).toBe('changed council settings')
  })

  it('takes any month as the start of the municipal year', async () => {
    const admin = await t.as('admin')
    const form = await admin.get(`${SETTINGS}/municipal-year`)
    expect(heading(form.body)).toBe('Month the municipal year starts')
    expect(formFields(form.body, `${SETTINGS}/municipal-year`).municipalYearStartMonth).toBe('5')
    const saved = await postForm(admin, 'municipal-year', { municipalYearStartMonth: '1' })
    expect(saved.statusCode).toBe(303)
    expect(summaryList((await admin.get(SETTINGS)).body)['Municipal year']).toBe('Starts in January')
    await postForm(admin, 'municipal-year', { municipalYearStartMonth: '5' })
  })

  it('shows the council’s reference formats as hints, and none until they are given', async () => {
    const admin = await t.as('admin')
    const decisionNumberHint = async () =>
      parse((await admin.get('/decisions/new')).body)('#number-hint')
        .text()
        .trim()
    expect(await decisionNumberHint()).toBe('')
    await postForm(admin, 'reference-formats', { decisionReferenceHint: 'KD/2024/017' })
    expect(await decisionNumberHint()).toBe('For example, KD/2024/017')
    expect(summaryList((await admin.get(SETTINGS)).body)['Reference formats']).toContain('Decisions: KD/2024/017')
  })
})
