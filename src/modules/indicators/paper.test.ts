import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditReader } from '#src/platform/audit/reader.ts'
import { createClock } from '#src/platform/clock.ts'
import { createIndicators, frameworkAppendix } from './index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { text } from '../../../test/support/html.ts'
import { readDocx, readPdf } from '../../../test/support/papers.ts'

const S47 = 'Rate of section 47 investigations per 10,000'

describe.each(testDatabases())('the printed outcomes framework on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it('prints the latest reported period by group, with the page’s ratings and directions of travel', async () => {
    const response = await t.visitor().get('/outcomes?format=pdf')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    const pdf = await readPdf(response.rawPayload)
    expect(pdf.title).toBe('Outcomes framework: October 2023')
    expect(pdf.tagged).toBe(true)
    expect(pdf.structured).toBe(true)
    expect(pdf.pages[0]).toContain('As at 22 January 2024')
    // Grouped as the page groups them, a bookmark each.
    const page = await t.visitor().get('/outcomes')
    const groups = [...page.body.matchAll(/<h2 class="govuk-heading-m" id="[^"]*">([^<]+)<\/h2>/g)].map((m) => m[1])
    expect(groups.length).toBeGreaterThan(3)
    expect(pdf.outline.map((entry) => entry.title)).toEqual(groups.map((g) => g.replace(/&#39;/g, "'")))
    // Section 47 investigations as the page has them: green against 450, improving since the baseline.
    expect(text(page.body)).toMatch(/Target 450 per 10,000 422 per 10,000 Green/)
    expect(pdf.text).toMatch(
      /Rate of section 47 investigations per 10,000 478 per 10,000 450 per 10,000 422 per 10,000 Green Improving since Baseline\s+April 2023/,
    )
    expect(pdf.text).toMatch(
      /% of care leavers aged 17 to 18 in education, employment or\s+training\s+56% 58% 51% Red Worsening since Baseline/,
    )
    expect(pdf.text).toMatch(/Attendance rate for Our Children 93% 94% Not reported/)
  })

  it('prints a chosen period as a Word document, and refuses a period the framework does not have', async () => {
    const response = await t.visitor().get('/outcomes?format=docx&period=2024-03')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toContain('outcomes-framework-2024-03.docx')
    const words = await readDocx(response.rawPayload)
    expect(words).toContain('Outcomes framework: March 2024\nAs at 22 January 2024')
    expect(words).toMatch(new RegExp(`${S47}\\n478 per 10,000\\n400 per 10,000\\nNot reported`))
    expect((await t.visitor().get('/outcomes?format=pdf&period=2019-01')).statusCode).toBe(404)
    expect((await t.visitor().get(`/outcomes?format=pdf&period=${'x'.repeat(41)}`)).statusCode).toBe(400)

    const page = await t.visitor().get('/outcomes')
    expect(page.body).toContain('href="/outcomes?period=2023-10&amp;format=pdf"')
    expect(text(page.body)).toContain('Download October 2023 as Word (DOCX)')
  })

  it('keeps an internal indicator out of the public paper, and marks it in a signed-in reader’s', async () => {
    await t.db.updateTable('indicators').set({ published: false }).where('code', '=', 'OF3.1').execute()
    try {
      const visitor = await readPdf((await t.visitor().get('/outcomes?format=pdf')).rawPayload)
      expect(visitor.text).not.toContain(S47)
      expect(visitor.text).toContain('Rate of children supported by a child protection plan per 10,000')
      const publicWords = await readDocx((await t.visitor().get('/outcomes?format=docx')).rawPayload)
      expect(publicWords).not.toContain(S47)
      const member = await t.as('member')
      const staff = await readPdf((await member.get('/outcomes?format=pdf')).rawPayload)
      expect(staff.text).toContain(`${S47} (internal)`)
    } finally {
      await t.db.updateTable('indicators').set({ published: true }).where('code', '=', 'OF3.1').execute()
    }
  })

  it('is offered to report authors as an appendix for a chosen period', async () => {
    const indicators = createIndicators({
      db: t.db,
      clock: createClock('2024-01-22'),
      audit: createAuditReader(t.db),
      workProgramme: { forApi: async () => [] },
      improvement: { allActions: async () => [] },
    })
    const kind = frameworkAppendix(indicators.service)
    const ctx = { user: null, requestId: 'test' }
    expect((await kind.subject!.choices(ctx)).map((choice) => choice.value)).toEqual(['2024-10', '2024-03', '2023-10'])
    const body = {
      id: 'b',
      slug: 'children-and-young-peoples-scrutiny-committee',
      name: 'Children and Young People’s Scrutiny Committee',
    }
    const paper = await kind.build(ctx, { body, on: '2024-01-25', subject: '2023-10' })
    expect(paper.title).toBe('Outcomes framework: October 2023')
  })
})
