import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { errorSummary, fieldError, forms, heading, links, text } from '../../../../test/support/html.ts'
import { readPdf } from '../../../../test/support/papers.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const REPORT = `/meetings/2024-01-25-${BODY}/items/4/report`
const GENERATE = `${REPORT}/appendices/generate`

describe.each(testDatabases())('generating an appendix from the record on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it('offers each appendix the record can make, with the meeting’s date to start from', async () => {
    const officer = await t.as('scrutiny_officer')
    expect(links((await officer.get(REPORT)).body)).toContain(GENERATE)
    const form = await officer.get(GENERATE)
    expect(heading(form.body)).toBe('Generate an appendix from the record')
    expect(
      forms(form.body)
        .find((f) => f.action === GENERATE)
        ?.controls.filter((c) => c.name === 'kind')
        .map((c) => c.value),
    ).toEqual([
      'decisions',
      'forward-plan',
      'waiting-lists',
      'improvement-progress',
      'outcomes-framework',
      'work-programme',
      'tracker',
    ])
    expect(text(form.body)).toContain('Which month?')
  })

  it('explains what is missing, next to the field, and keeps the report as it was', async () => {
    const officer = await t.as('scrutiny_officer')
    const before = await t.db.selectFrom('appendices').select('id').execute()
    const empty = await officer.post(GENERATE, { 'on-day': '', 'on-month': '', 'on-year': '', label: '' })
    expect(empty.statusCode).toBe(400)
    expect(errorSummary(empty.body)).toEqual([
      'Select which appendix to generate',
      'Enter the date the appendix shows the record at, as a real date',
      'Enter the appendix label, like Appendix 8(b)',
    ])
    const noMonth = await officer.post(GENERATE, {
      kind: 'waiting-lists',
      'on-day': '25',
      'on-month': '1',
      'on-year': '2024',
      label: 'Appendix 6(a)',
    })
    expect(noMonth.statusCode).toBe(400)
    expect(fieldError(noMonth.body, 'subject-waiting-lists')).toMatch(/^Error: Select/)
    expect(await t.db.selectFrom('appendices').select('id').execute()).toHaveLength(before.length)
  })

  it('adds the tracker as at the chosen date to the report, as a PDF anyone may read with the report', async () => {
    const officer = await t.as('scrutiny_officer')
    const saved = await officer.post(GENERATE, {
      kind: 'tracker',
      'on-day': '25',
      'on-month': '1',
      'on-year': '2024',
      label: 'Appendix 10(b)',
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(`${REPORT}#appendices`)
    const appendix = await t.db
      .selectFrom('appendices')
      .innerJoin('documents', 'documents.id', 'appendices.documentId')
      .select(['appendices.title', 'documents.id', 'documents.mediaType'])
      .where('appendices.label', '=', 'Appendix 10(b)')
      .executeTakeFirstOrThrow()
    expect(appendix.title).toBe("Recommendations tracker: Children and Young People's Scrutiny Committee")
    expect(appendix.mediaType).toBe('application/pdf')
    const report = await t.visitor().get(REPORT)
    expect(text(report.body)).toContain('Appendix 10(b)')
    const file = await t.visitor().get(`/documents/${appendix.id}`)
    expect(file.statusCode).toBe(200)
    const pdf = await readPdf(file.rawPayload)
    expect(pdf.tagged).toBe(true)
    expect(pdf.text).toContain('As at 25 January 2024')
    expect(pdf.title).toBe(appendix.title)
    const audited = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', '=', 'added appendix')
      .execute()
    expect(audited.length).toBeGreaterThan(0)
  })

  it('is for those who write reports only', async () => {
    for (const role of ['member', 'analyst'] as const) {
      const agent = await t.as(role)
      expect((await agent.get(GENERATE)).statusCode).toBe(403)
      expect((await agent.post(GENERATE, { kind: 'tracker' })).statusCode).toBe(403)
    }
  })
})
