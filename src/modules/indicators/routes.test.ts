import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { confirmation, count, errorSummary, heading, text } from '../../../test/support/html.ts'
import { multipartForm } from '../../../test/support/sample-files.ts'

const S47 = '/outcomes/OF3.1' // rate of section 47 investigations per 10,000
const EDITORS: TestRole[] = ['analyst', 'admin']

const valueForm = (fields: Record<string, string> = {}) => ({
  target: '',
  aspiration: '',
  actual: '',
  count: '',
  note: '',
  england: '',
  region: '',
  statisticalNeighbours: '',
  benchmarkSource: '',
  ...fields,
})

async function importFile(agent: Agent, filename: string, data: Buffer, type = 'text/csv') {
  const form = multipartForm({ _csrf: await agent.token() }, { filename, data, type })
  return agent.inject({ method: 'POST', url: '/outcomes/import', ...form })
}

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`)

describe.each(testDatabases())('the outcomes framework on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  const stored = async (code: string, period: string) =>
    t.db
      .selectFrom('indicatorValues')
      .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
      .innerJoin('indicatorPeriods', 'indicatorPeriods.id', 'indicatorValues.periodId')
      .select([
        'indicatorValues.target',
        'indicatorValues.actual',
        'indicatorValues.actualCount',
        'indicatorValues.provenance',
        'indicatorValues.england',
      ])
      .where('indicators.code', '=', code)
      .where('indicatorPeriods.slug', '=', period)
      .executeTakeFirst()

  it.each(ALL_ROLES)('answers a %s as their role allows', async (role) => {
    const agent = await t.as(role)
    const editOnly = role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403
    const pages: [string, number][] = [
      ['/outcomes', 200],
      [S47, 200],
      ['/outcomes/export?format=csv', 200],
      ['/outcomes/export?format=xlsx', 200],
      ['/api/v1/indicators', 200],
      ['/outcomes/import', editOnly],
      ['/outcomes/import/template?format=csv&period=2024-03', editOnly],
      ['/outcomes/populations', editOnly],
      [`${S47}/2024-03/edit`, editOnly],
      ['/outcomes/new', editOnly],
      [`${S47}/edit`, editOnly],
      ['/outcomes/periods', editOnly],
      ['/outcomes/NO-SUCH', 404],
    ]
    for (const [url, status] of pages) expect((await agent.get(url)).statusCode, url).toBe(status)
    const post = await agent.post(`${S47}/2024-03/edit`, { target: 'lots' })
    expect(post.statusCode).toBe(role === 'public' ? 303 : EDITORS.includes(role) ? 400 : 403)
  })

  it('shows section 47 investigations improving from the baseline to October 2023, and green against its target', async () => {
    const page = await t.visitor().get(S47)
    expect(heading(page.body)).toMatch(/section 47/i)
    const shown = text(page.body)
    expect(shown).toMatch(/Baseline April 2023 – 478 per 10,000/)
    expect(shown).toMatch(/October 2023 450 per 10,000 422 per 10,000 .*Green ↓ Improving since Baseline April 2023/)
    expect(shown).toMatch(/March 2024 400 per 10,000 – – –/)
    expect(page.body).toMatch(/<svg [^>]*role="img" aria-labelledby="indicator-chart-title indicator-chart-desc"/)

    const framework = text((await t.visitor().get('/outcomes')).body)
    expect(framework).toContain('Outcome 3: children and young people are safe in and outside of their homes')
    expect(framework).toContain('Quality of practice')

    const api = JSON.parse((await t.visitor().get('/api/v1/indicators')).body)
    const s47 = api.indicators.find((i: { code: string }) => i.code === 'OF3.1')
    expect(s47).toMatchObject({ unit: 'rate per 10000', polarity: 'lower is better', group: 'outcome 3' })
    expect(s47.values.find((v: { period: string }) => v.period === '2023-10')).toMatchObject({
      target: 450,
      actual: 422,
      rag: 'green',
      direction: 'improving',
    })
  })

  it('shows the demo’s whole framework on one page, with no pagination', async () => {
    const published = await t.db
      .selectFrom('indicators')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('published', '=', true)
      .executeTakeFirstOrThrow()
    for (const url of ['/outcomes', '/outcomes?page=2']) {
      const page = await t.visitor().get(url)
      expect(count(page.body, 'table tbody tr'), url).toBe(Number(published.count))
      expect(page.body, url).not.toContain('govuk-pagination')
      expect(text(page.body), url).not.toMatch(/Showing \d+ to|continued/)
    }
  })

  it('keeps an internal indicator from anyone signed out: page, framework, API and export', async () => {
    await t.db.updateTable('indicators').set({ published: false }).where('code', '=', 'OF3.1').execute()
    try {
      const visitor = t.visitor()
      expect((await visitor.get(S47)).statusCode).toBe(404)
      expect(text((await visitor.get('/outcomes')).body)).not.toMatch(/section 47 investigations per 10,000/i)
      expect((await visitor.get('/api/v1/indicators')).body).not.toContain('OF3.1')
      expect((await visitor.get('/outcomes/export?format=csv')).body).not.toContain('OF3.1')
      const member = await t.as('member')
      expect((await member.get(S47)).statusCode).toBe(200)
      expect(text((await member.get('/outcomes')).body)).toContain('Internal')
    } finally {
      await t.db.updateTable('indicators').set({ published: true }).where('code', '=', 'OF3.1').execute()
    }
  })

  it('lets an analyst record a period’s figures, says what is wrong, and audits the change', async () => {
    const analyst = await t.as('analyst')
    const url = `${S47}/2024-03/edit`
    const wrong = await analyst.post(
      url,
      valueForm({ target: '400', aspiration: 'decrease', actual: 'about 400', england: '-3' }),
    )
    expect(wrong.statusCode).toBe(400)
    expect(errorSummary(wrong.body)).toEqual(
      [
        'Actual must be a number, like 422 or 14.5',
        'England cannot be negative',
        'Give a target or an aspiration, not both',
      ].sort((a, b) => text(wrong.body).indexOf(a) - text(wrong.body).indexOf(b)),
    )
    expect(wrong.body).toContain('value="about 400"')

    const saved = await analyst.post(url, {
      ...(await analyst.versionOf(url)),
      ...valueForm({
        target: '400',
        actual: '395',
        england: '1,720/10,000',
        benchmarkSource: 'Children in need census',
      }),
    })
    expect(saved.statusCode).toBe(303)
    expect(confirmation((await analyst.get(String(saved.headers.location))).body)).toBe('Figures saved')
    expect(await stored('OF3.1', '2024-03')).toMatchObject({
      target: 400,
      actual: 395,
      england: 1720,
      provenance: 'Entered by Demo analyst',
    })
    const page = text((await analyst.get(S47)).body)
    expect(page).toMatch(/March 2024 .*400 per 10,000 395 per 10,000 .*Green ↓ Improving since October 2023/)
    expect(page).toContain('Recorded figures for March 2024')
  })

  it('works a rate out from a count with the year’s population, and asks for the population first', async () => {
    const analyst = await t.as('analyst')
    const url = `${S47}/2024-10/edit`
    const noPopulation = await analyst.post(url, valueForm({ target: '350', count: '1200' }))
    expect(errorSummary(noPopulation.body)).toEqual([
      'There is no population of children for 2024: add it under Populations first',
    ])
    expect(await stored('OF3.1', '2024-10')).toMatchObject({ target: 350, actual: null }) // the demo's target, untouched

    const badPopulation = await analyst.post('/outcomes/populations', { year: '24', children: 'many' })
    expect(errorSummary(badPopulation.body)).toEqual([
      'The year must be a year like 2023',
      'The number of children must be a whole number more than 0, like 28,400',
    ])
    expect(
      (await analyst.post('/outcomes/populations', { year: '2024', children: '28,400', source: 'Test estimate' }))
        .statusCode,
    ).toBe(303)
    const populations = await analyst.get('/outcomes/populations')
    expect(confirmation(populations.body)).toBe('Population for 2024 saved')
    expect(text(populations.body)).toContain('2024 28,400 Test estimate')

    expect(
      (await analyst.post(url, { ...(await analyst.versionOf(url)), ...valueForm({ target: '350', count: '1200' }) }))
        .statusCode,
    ).toBe(303)
    const value = await stored('OF3.1', '2024-10')
    expect(value).toMatchObject({ actual: 422.5, actualCount: 1200 })
    expect(value!.provenance).toContain('worked out from a count of 1200 and 28400 children aged 0 to 17 in 2024')
  })

  it('imports a file of figures all or nothing, naming each bad row and column', async () => {
    const analyst = await t.as('analyst')
    const template = await analyst.get('/outcomes/import/template?format=csv&period=2024-03')
    expect(template.headers['content-type']).toContain('text/csv')
    expect(template.body.split('\r\n')[0]).toContain('Indicator code')

    const before = await stored('OF3.1', '2023-10')
    const bad = await importFile(
      analyst,
      'october.csv',
      csv([
        'Indicator code,Period,Target,Actual',
        'OF3.1,October 2023,450,419',
        'OF9.9,October 2023,,12',
        'OF3.1,Someday,,3',
      ]),
    )
    expect(bad.statusCode).toBe(400)
    expect(errorSummary(bad.body)).toEqual(['october.csv was not imported: fix the rows below and try again'])
    const problems = text(bad.body)
    expect(problems).toContain('2 problems in october.csv')
    expect(problems).toMatch(/3 Indicator code There is no indicator OF9\.9/)
    expect(problems).toMatch(/4 Period There is no period called/)
    expect(await stored('OF3.1', '2023-10')).toEqual(before) // row 2 was good, but nothing was saved

    const good = await importFile(
      analyst,
      'october.csv',
      csv(['Indicator code,Period,Target,Actual', 'OF3.1,October 2023,450,419', 'PQ4,October 2023,,43%']),
    )
    expect(good.statusCode).toBe(303)
    expect(good.headers.location).toBe('/outcomes?imported=2')
    expect(text((await analyst.get('/outcomes?imported=2')).body)).toContain('2 figures were imported')
    expect(await stored('OF3.1', '2023-10')).toMatchObject({
      target: 450,
      actual: 419,
      provenance: 'Imported from october.csv by Demo analyst',
    })
    expect(await stored('PQ4', '2023-10')).toMatchObject({ target: 60, actual: 43 }) // the blank target kept

    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Figures')
    sheet.addRow(['Indicator code', 'Period', 'Actual'])
    sheet.addRow(['OF3.1', '2023-10', 422])
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    const fromExcel = await importFile(
      analyst,
      'october.xlsx',
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(fromExcel.statusCode).toBe(303)
    expect(await stored('OF3.1', '2023-10')).toMatchObject({ actual: 422 })

    const notAFile = await importFile(analyst, 'notes.pdf', Buffer.from('%PDF-1.4 not figures'), 'application/pdf')
    expect(errorSummary(notAFile.body)).toEqual(['The file must be a CSV or an Excel (XLSX) file'])
    const nothing = await analyst.inject({
      method: 'POST',
      url: '/outcomes/import',
      ...multipartForm({ _csrf: await analyst.token() }),
    })
    expect(errorSummary(nothing.body)).toEqual(['Select a CSV or Excel file of figures'])
  })

  it('lets an analyst add an indicator and a period, change the indicator, and refuses duplicates', async () => {
    const analyst = await t.as('analyst')
    const indicator = {
      name: 'Children missing education',
      code: 'OF3.9',
      indicatorGroup: 'outcome 3',
      unit: 'count',
      polarity: 'lower is better',
      decimals: '0',
      tolerance: '10',
      definition: '',
      source: 'Education welfare',
      owner: '',
      reference: '',
      published: 'no',
    }
    const blank = await analyst.post('/outcomes', {})
    expect(errorSummary(blank.body)).toEqual(
      [
        'Enter a code',
        'Enter the indicator’s name',
        'Select the group the indicator belongs to',
        'Select what the indicator is measured in',
        'Select whether a higher or lower figure is better',
        'Enter the number of decimal places',
        'Enter the margin before red',
        'Select whether the indicator is published',
      ].sort((a, b) => text(blank.body).indexOf(a) - text(blank.body).indexOf(b)),
    )
    const taken = await analyst.post('/outcomes', { ...indicator, code: 'of3.1' })
    expect(errorSummary(taken.body)).toEqual(['There is already an indicator of3.1'])

    const added = await analyst.post('/outcomes', indicator)
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe('/outcomes/OF3.9')
    expect((await t.visitor().get('/outcomes/OF3.9')).statusCode).toBe(404) // not published
    const addedPage = await analyst.get('/outcomes/OF3.9')
    expect(confirmation(addedPage.body)).toBe('Indicator added')
    const page = text(addedPage.body)
    expect(page).toContain('Margin before red 10% of the target')
    expect(page).toContain('Added indicator')

    const version = await analyst.versionOf('/outcomes/OF3.9/edit')
    const changed = await analyst.post('/outcomes/OF3.9/edit', {
      ...version,
      ...indicator,
      published: 'yes',
      tolerance: '5',
    })
    expect(changed.statusCode).toBe(303)
    expect(confirmation((await analyst.get('/outcomes/OF3.9')).body)).toBe('Indicator updated')
    expect((await t.visitor().get('/outcomes/OF3.9')).statusCode).toBe(200)

    const period = {
      name: 'March 2025',
      slug: '2025-03',
      'endsOn-day': '31',
      'endsOn-month': '3',
      'endsOn-year': '2025',
      isBaseline: 'no',
    }
    const badPeriod = await analyst.post('/outcomes/periods', { ...period, slug: 'March 2025', 'endsOn-day': '32' })
    expect(errorSummary(badPeriod.body)).toEqual([
      'The short name must be lower-case letters, numbers and hyphens, like 2024-10',
      'Enter the last day of the period as a real date, like 31 10 2024',
    ])
    expect((await analyst.post('/outcomes/periods', period)).statusCode).toBe(303)
    expect(confirmation((await analyst.get('/outcomes/periods')).body)).toBe('Period March 2025 added')
    const again = await analyst.post('/outcomes/periods', { ...period, slug: '2025-03b' })
    expect(errorSummary(again.body)).toEqual(['There is already a period called March 2025'])
    expect(text((await t.visitor().get('/outcomes')).body)).toContain('March 2025')
  })

  it('links work-programme items to an indicator, for analysts and scrutiny officers, audited', async () => {
    const scrutiny = await t.as('scrutiny_officer')
    const page = await scrutiny.get(S47)
    const itemId = /<option value="([0-9a-f-]{36})">SEND progress/.exec(page.body)![1]
    expect(
      (await (await t.as('member')).post(`${S47}/work-programme/link`, { workProgrammeItemId: itemId })).statusCode,
    ).toBe(403)
    const nothing = await scrutiny.post(`${S47}/work-programme/link`, { workProgrammeItemId: '' })
    expect(nothing.statusCode).toBe(400)
    expect(errorSummary(nothing.body)).toEqual(['Select a work programme item from the list'])

    expect((await scrutiny.post(`${S47}/work-programme/link`, { workProgrammeItemId: itemId })).statusCode).toBe(303)
    const linked = text((await t.visitor().get(S47)).body)
    expect(linked).toMatch(/On the work programme SEND progress \(Children and Young People's Scrutiny Committee\)/)
    const linkedForStaff = await scrutiny.get(S47)
    expect(confirmation(linkedForStaff.body)).toBe('Work programme item linked')
    expect(text(linkedForStaff.body)).toContain('Linked work programme item “SEND progress”')

    expect(
      (await (await t.as('analyst')).post(`${S47}/work-programme/unlink`, { workProgrammeItemId: itemId })).statusCode,
    ).toBe(303)
    expect(text((await t.visitor().get(S47)).body)).toContain('No work-programme item looks at this indicator yet.')
  })

  it('links the improvement-plan actions an indicator measures', async () => {
    const analyst = await t.as('analyst')
    const page = await analyst.get(S47)
    const actionId = /<option value="([0-9a-f-]{36})">4\.1 /.exec(page.body)![1]
    expect((await (await t.as('member')).post(`${S47}/actions/link`, { actionId })).statusCode).toBe(403)
    expect(errorSummary((await analyst.post(`${S47}/actions/link`, { actionId: 'nonsense' })).body)).toEqual([
      'Select an improvement-plan action from the list',
    ])
    expect((await analyst.post(`${S47}/actions/link`, { actionId })).statusCode).toBe(303)
    expect(text((await t.visitor().get(S47)).body)).toMatch(/Improvement-plan actions it measures Action 4\.1: /)
    expect((await analyst.post(`${S47}/actions/unlink`, { actionId })).statusCode).toBe(303)
    expect(confirmation((await analyst.get(S47)).body)).toBe('Improvement-plan action unlinked')
    expect(text((await t.visitor().get(S47)).body)).toContain(
      'No improvement-plan action is linked to this indicator yet.',
    )
  })

  it('exports every figure as CSV that names the indicator and period', async () => {
    const response = await t.visitor().get('/outcomes/export?format=csv')
    expect(response.headers['content-disposition']).toBe('attachment; filename="outcomes-framework.csv"')
    expect(response.body.split('\r\n')[0]).toContain('Indicator code')
    expect(response.body).toMatch(/"OF3\.1","[^"]*section 47[^"]*","baseline-april-2023"/i)
  })
})
