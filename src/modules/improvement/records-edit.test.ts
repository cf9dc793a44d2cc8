import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builders, dateFields } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { confirmation, errorSummary, formFields, heading, table, text } from '../../../test/support/html.ts'
import { json } from '../../../test/support/json.ts'

const inspectionFields = (extra: Record<string, string>) => ({
  title: 'Area SEND inspection of the local area partnership',
  kind: 'Area SEND inspection',
  inspectorates: 'Ofsted and the Care Quality Commission',
  ...dateFields('startedOn', ''),
  ...dateFields('endedOn', '2023-11-17'),
  ...dateFields('publishedOn', ''),
  overallJudgement: 'Inconsistent experiences and outcomes',
  summary: '',
  ...extra,
})

describe.each(testDatabases())('judgements, kinds of finding and changing a plan on $name', (database) => {
  let t: TestApp
  let build: ReturnType<typeof builders>
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    build = builders(t)
  })
  afterAll(() => t?.close())

  const auditOf = (subjectId: string) =>
    t.db.selectFrom('auditEvents').select('action').where('subjectId', '=', subjectId).execute()

  it('records area judgements in the inspectorate’s words, one a line, and checks each line', async () => {
    const officer = await t.as('scrutiny_officer')
    const form = await officer.get('/inspections/new')
    expect(text(form.body)).toContain('Ofsted’s judgements are Outstanding, Good, Requires improvement, Inadequate')
    const wrong = await officer.post(
      '/inspections',
      inspectionFields({ judgements: 'Leadership: Good\nJust some words' }),
    )
    expect(wrong.statusCode).toBe(400)
    expect(errorSummary(wrong.body)).toEqual([
      'Write each judgement on its own line: the area, a colon, then the judgement, like “Overall effectiveness: Good”',
    ])
    expect(formFields(wrong.body, '/inspections').judgements).toBe('Leadership: Good\nJust some words')
    const long = await officer.post('/inspections', inspectionFields({ judgements: `Leadership: ${'x'.repeat(201)}` }))
    expect(errorSummary(long.body)).toEqual(['Each area and each judgement must be 200 characters or fewer'])

    const added = await officer.post(
      '/inspections',
      inspectionFields({
        judgements:
          'Experiences of children with SEND: Inconsistent experiences and outcomes\n' +
          'Impact of leaders: Requires improvement to be good',
      }),
    )
    expect(added.statusCode).toBe(303)
    const url = added.headers.location as string
    expect(confirmation((await officer.get(url)).body)).toBe('Inspection added')
    const judgements = table((await t.visitor().get(url)).body, { caption: 'Judgements' })
    expect(judgements.slice(1)).toEqual([
      ['Experiences of children with SEND', 'Inconsistent experiences and outcomes'],
      ['Impact of leaders', 'Requires improvement to be good'],
    ])

    const edit = await officer.get(`${url}/edit`)
    const fields = formFields(edit.body, `${url}/edit`)
    expect(fields.judgements).toBe(
      'Experiences of children with SEND: Inconsistent experiences and outcomes\nImpact of leaders: Requires improvement to be good',
    )
    const changed = await officer.post(`${url}/edit`, {
      ...inspectionFields({ judgements: 'Impact of leaders: Good' }),
      _version: fields._version as string,
    })
    expect(changed.statusCode).toBe(303)
    expect(confirmation((await officer.get(url)).body)).toBe('Inspection updated')
    expect(table((await t.visitor().get(url)).body, { caption: 'Judgements' }).slice(1)).toEqual([
      ['Impact of leaders', 'Good'],
    ])
    const { inspections } = json<{ inspections: { url: string; judgements: unknown }[] }>(
      await t.visitor().get('/api/v1/inspections'),
    )
    expect(inspections.find((i) => i.url === url)?.judgements).toEqual([
      { area: 'Impact of leaders', judgement: 'Good' },
    ])
    const id = (
      await t.db.selectFrom('inspections').select('id').where('slug', '=', url.split('/')[2]).executeTakeFirstOrThrow()
    ).id
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['added inspection', 'changed inspection'])
  })

  it('takes other inspectorates’ kinds of finding: recommendations, areas for priority action and others', async () => {
    const inspection = await build.anInspection({ title: 'Joint targeted area inspection 2024' })
    await build.aFinding(inspection, {
      kind: 'area for priority action',
      number: '1',
      text: 'Leaders should act on waits.',
    })
    await build.aFinding(inspection, { kind: 'recommendation', number: 'R2', text: 'Partners should share plans.' })
    await build.aFinding(inspection, { kind: 'other', number: '3', text: 'A note on transport.' })
    const page = text((await t.visitor().get(inspection.url)).body)
    expect(page).toMatch(/Areas for priority action 1\. Leaders should act on waits\./)
    expect(page).toMatch(/Recommendations R2\. Partners should share plans\./)
    expect(page).toMatch(/Other findings 3\. A note on transport\./)
    const officer = await t.as('scrutiny_officer')
    const bad = await officer.post(`${inspection.url}/findings`, { kind: 'gossip', number: '4', text: 'x' })
    expect(errorSummary(bad.body)).toEqual(['Select the kind of finding'])
    const { inspections } = json<{ inspections: { url: string; findings: { kind: string }[] }[] }>(
      await t.visitor().get('/api/v1/inspections'),
    )
    expect(inspections.find((i) => i.url === inspection.url)?.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['area for priority action', 'recommendation', 'other']),
    )
  })

  it('changes an improvement plan’s details and inspections, keeping its address, refusing a stale form', async () => {
    const first = await build.anInspection({ title: 'ILACS 2023' })
    const second = await build.anInspection({ title: 'Focused visit 2024' })
    await build.aFinding(second, { number: '5', text: 'Placement sufficiency.' })
    const plan = await build.anImprovementPlan({ title: 'Children’s services improvement plan', inspections: [first] })
    expect(text((await t.visitor().get(plan.url)).body)).not.toContain('Placement sufficiency.')
    const admin = await t.as('admin')
    expect(text((await admin.get(plan.url)).body)).toContain('Change the plan’s details')
    expect(text((await t.visitor().get(plan.url)).body)).not.toContain('Change the plan’s details')
    const form = await admin.get(`${plan.url}/edit`)
    expect(heading(form.body)).toBe('Change the improvement plan')
    const fields = formFields(form.body, `${plan.url}/edit`)
    expect(fields).toMatchObject({ title: 'Children’s services improvement plan', 'startsOn-year': '2024' })
    const ids = await t.db.selectFrom('inspections').select(['id', 'title']).execute()
    const idOf = (title: string) => ids.find((i) => i.title === title)!.id
    const changes = {
      title: 'Children’s services improvement plan 2024 to 2026',
      owner: '',
      ...dateFields('startsOn', '2024-04-01'),
      ...dateFields('endsOn', '2026-03-31'),
      inspectionIds: [idOf('ILACS 2023'), idOf('Focused visit 2024')],
    }
    const backwards = await admin.post(`${plan.url}/edit`, {
      ...changes,
      ...dateFields('endsOn', '2024-01-01'),
      _version: fields._version as string,
    })
    expect(errorSummary(backwards.body)).toEqual(['The plan must end after it starts'])
    const saved = await admin.post(`${plan.url}/edit`, { ...changes, _version: fields._version as string })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(plan.url)
    expect(confirmation((await admin.get(plan.url)).body)).toBe('Improvement plan updated')
    const page = await t.visitor().get(plan.url)
    expect(heading(page.body)).toBe('Children’s services improvement plan 2024 to 2026')
    // The plan now answers the second inspection too: its finding is one no action answers.
    expect(text(page.body)).toContain('Area for improvement 5: Placement sufficiency.')

    const stale = await admin.post(`${plan.url}/edit`, {
      ...changes,
      title: 'Old tab',
      _version: fields._version as string,
    })
    expect(stale.statusCode).toBe(409)
    const id = (
      await t.db.selectFrom('improvementPlans').select('id').where('slug', '=', plan.slug).executeTakeFirstOrThrow()
    ).id
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['added improvement plan', 'changed improvement plan'])

    for (const role of ['member', 'officer', 'analyst'] as TestRole[]) {
      const agent = await t.as(role)
      expect((await agent.get(`${plan.url}/edit`)).statusCode, role).toBe(403)
      expect((await agent.post(`${plan.url}/edit`, changes)).statusCode, role).toBe(403)
    }
    expect((await t.visitor().post(`${plan.url}/edit`, changes)).statusCode).toBe(303)
  })
})
