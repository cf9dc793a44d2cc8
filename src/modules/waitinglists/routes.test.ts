import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { confirmation, errorSummary, heading, text } from '../../../test/support/html.ts'

const SLT = '/waiting-lists/speech-and-language-therapy'
const EDITORS: TestRole[] = ['analyst', 'admin']

const figures = (fields: Record<string, string> = {}) => ({
  'month-month': '1',
  'month-year': '2024',
  referralsWaiting: '318',
  over18Weeks: '180',
  over52Weeks: '30',
  over78Weeks: '0',
  averageWeeks: '24.5',
  longestWeeks: '66',
  source: 'Health data dashboard, January 2024',
  note: '',
  ...fields,
})

describe.each(testDatabases())('health waiting lists on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it.each(ALL_ROLES)('answers a %s as their role allows', async (role) => {
    const agent = await t.as(role)
    const editOnly = role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403
    const pages: [string, number][] = [
      ['/waiting-lists', 200],
      ['/waiting-lists?month=2023-11', 200],
      ['/waiting-lists?month=2019-01', 404],
      [SLT, 200],
      [`${SLT}/figures/new`, editOnly],
      [`${SLT}/figures/2023-12/edit`, editOnly],
      ['/api/v1/waiting-lists?month=2023-12', 200],
      ['/waiting-lists/no-such-service', 404],
    ]
    for (const [url, status] of pages) expect((await agent.get(url)).statusCode, url).toBe(status)
    // An empty form: those who may record figures are told what is missing; nobody else gets that far.
    const post = await agent.post(`${SLT}/figures`, {})
    expect(post.statusCode).toBe(role === 'public' ? 303 : EDITORS.includes(role) ? 400 : 403)
  })

  it('shows the December 2023 dashboard for all eight services, with changes from November in words', async () => {
    const page = await t.visitor().get('/waiting-lists')
    expect(heading(page.body)).toBe('Waiting lists at the end of December 2023')
    const rows = text(page.body)
    for (const name of [
      'Paediatric speech and language therapy',
      'Physiotherapy',
      'Occupational therapy',
      'Blenheim child development centre',
      'Child and adolescent mental health services (CAMHS)',
      'Continence',
      'Children’s hearing service',
      'Neurodevelopmental pathway',
    ])
      expect(rows).toContain(name)
    // Speech and language therapy as the dashboard has it: 331 waiting (up 35), 198 over 18 weeks (60%).
    const slt = /Paediatric speech and language therapy.*?(?=Physiotherapy)/.exec(rows)![0]
    expect(slt).toMatch(/331 ↑ up 35 from November 2023 ?, worse/)
    expect(slt).toContain('198')
    expect(slt).toContain('60%')
    expect(slt).toContain('41')
    expect(slt).toContain('26 weeks')
    expect(slt).toContain('69 weeks')
    // CAMHS fell by 9: better. Only referrals waiting are known for November, so no other arrows.
    const camhs = /Child and adolescent mental health services \(CAMHS\).*?(?=Continence)/.exec(rows)![0]
    expect(camhs).toMatch(/285 ↓ down 9 from November 2023 ?, better/)
    expect(camhs).not.toMatch(/131 [↑↓=]/)
  })

  it('shows a service’s history with a chart and the same figures in a table', async () => {
    const page = await t.visitor().get(SLT)
    expect(heading(page.body)).toBe('Paediatric speech and language therapy')
    expect(page.body).toMatch(/<svg [^>]*role="img" aria-labelledby="waiting-chart-title waiting-chart-desc"/)
    const shown = text(page.body)
    expect(shown).toMatch(/December 2023 331 .*198 60% 41 0 26 weeks 69 weeks Health data dashboard, December 2023/)
    expect(shown).toMatch(/February 2022 650 441 68% Not known Not known 31 weeks 91 weeks/)
    // The months without figures are named in the table, and break the chart's lines.
    expect(shown).toMatch(
      /November 2023 296 .* March 2022 to October 2023 No figures for these 20 months February 2022 650/,
    )
    expect(shown).toContain('the lines break where months have no figures')
    // February 2022 stands alone; November to December 2023 is one line, for each of the two series.
    expect(page.body.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(1)
    expect(text(page.body)).not.toContain('Record a month’s figures')
  })

  it('publishes the month as open data, with nulls for figures not given', async () => {
    const response = await t.visitor().get('/api/v1/waiting-lists?month=2023-12')
    const body = JSON.parse(response.body)
    expect(body.month).toBe('2023-12')
    expect(body.services).toHaveLength(8)
    expect(body.services[0]).toMatchObject({
      slug: 'speech-and-language-therapy',
      referralsWaiting: 331,
      over18Weeks: 198,
      over52Weeks: 41,
      over78Weeks: 0,
      averageWeeks: 26,
      longestWeeks: 69,
      shareOver18Weeks: 60,
      referralsWaitingChange: 35,
    })
    const november = JSON.parse((await t.visitor().get('/api/v1/waiting-lists?month=2023-11')).body)
    expect(november.services[0]).toMatchObject({ referralsWaiting: 296, over18Weeks: null, averageWeeks: null })
    expect((await t.visitor().get('/api/v1/waiting-lists?month=December')).statusCode).toBe(400)
    const openApi = JSON.parse((await t.visitor().get('/api/v1/openapi.json')).body)
    expect(openApi.paths['/api/v1/waiting-lists']).toBeDefined()
  })

  it('lets an analyst record a month, says what is wrong, and keeps nothing half-saved', async () => {
    const analyst = await t.as('analyst')
    const blank = await analyst.post(`${SLT}/figures`, { 'month-month': '', 'month-year': '' })
    expect(blank.statusCode).toBe(400)
    expect(errorSummary(blank.body)).toEqual(['Enter the month the figures are for', 'Enter at least one figure'])

    const wrong = await analyst.post(
      `${SLT}/figures`,
      figures({ 'month-month': '13', referralsWaiting: 'lots', over52Weeks: '200', longestWeeks: '10' }),
    )
    expect(errorSummary(wrong.body)).toEqual([
      'The month must be a real month, like 12 2023',
      'Referrals waiting must be a whole number, like 331',
      'The number waiting over 52 weeks cannot be more than the number waiting over 18 weeks',
      'The longest wait cannot be shorter than the average wait',
    ])
    expect(wrong.body).toContain('value="lots"') // what was typed is kept

    // A number too big to keep is wrong in the same way, not a failure of the service.
    const huge = await analyst.post(
      `${SLT}/figures`,
      figures({ 'month-month': '1', 'month-year': '2024', referralsWaiting: '2147483648' }),
    )
    expect(huge.statusCode).toBe(400)
    expect(errorSummary(huge.body)).toEqual(['Referrals waiting must be a whole number, like 331'])

    const taken = await analyst.post(`${SLT}/figures`, figures({ 'month-month': '12', 'month-year': '2023' }))
    expect(errorSummary(taken.body)).toEqual(['Figures for December 2023 are already recorded: change those instead'])

    const saved = await analyst.post(`${SLT}/figures`, figures())
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(`${SLT}#month-2024-01`)
    // One service's January figures do not stand for the month: the dashboard stays on December, which
    // every service has, until most services have January's.
    const opening = text((await t.visitor().get('/waiting-lists')).body)
    expect(opening).toContain('Waiting lists at the end of December 2023')
    expect(opening).not.toContain('No figures for December 2023')
    const dashboard = text((await t.visitor().get('/waiting-lists?month=2024-01')).body)
    expect(dashboard).toContain('Waiting lists at the end of January 2024')
    expect(dashboard).toMatch(/318 ↓ down 13 from December 2023 ?, better/)
    expect(dashboard).toMatch(/0 = no change from December 2023/)
    // The seven services without January's figures are named above the table, and on their rows.
    expect(dashboard).toMatch(
      /No figures for January 2024 have been recorded for Physiotherapy, Occupational therapy, .*Neurodevelopmental pathway\./,
    )
    expect(dashboard.match(/No figures for January 2024: record them/g) ?? []).toHaveLength(0) // the public cannot record
    const shown = await analyst.get(SLT)
    expect(confirmation(shown.body)).toBe('Figures for January 2024 saved')
    expect(confirmation((await analyst.get(SLT)).body)).toBe('')
    const page = text(shown.body)
    expect(page).toContain('Recorded waiting-list figures for January 2024')
    // The history reads in the app's time: the clock is pinned to 22 January 2024, as in the demo.
    expect(page).toMatch(
      /22 January 2024 at \d{1,2}(:\d\d)?[ap]m Demo analyst <analyst@example\.org> Recorded waiting-list figures for January 2024/,
    )
  })

  it('corrects a month’s figures, audited with before and after', async () => {
    const admin = await t.as('admin')
    const form = await admin.get(`${SLT}/figures/2023-12/edit`)
    expect(heading(form.body)).toBe('Change the figures for December 2023')
    expect(form.body).toContain('value="331"')
    const changed = await admin.post(
      `${SLT}/figures/2023-12/edit`,
      figures({
        'month-month': '12',
        'month-year': '2023',
        referralsWaiting: '332',
        over18Weeks: '198',
        over52Weeks: '41',
        averageWeeks: '26',
        longestWeeks: '69',
      }),
    )
    expect(changed.statusCode).toBe(303)
    expect(confirmation((await admin.get(SLT)).body)).toBe('Figures for December 2023 saved')
    const event = await t.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('action', '=', 'corrected waiting-list figures for December 2023')
      .executeTakeFirstOrThrow()
    expect(event.before).toMatchObject({ referralsWaiting: 331 })
    expect(event.after).toMatchObject({ referralsWaiting: 332, enteredBy: 'Demo admin' })
    expect((await admin.post(`${SLT}/figures/2019-01/edit`, figures())).statusCode).toBe(404)
  })
})
