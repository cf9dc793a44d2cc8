import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditReader } from '#src/platform/audit/reader.ts'
import { createClock } from '#src/platform/clock.ts'
import { createImprovement, progressAppendix } from './index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { text } from '../../../test/support/html.ts'
import { readDocx, readPdf } from '../../../test/support/papers.ts'

const PLAN = '/improvement-plans/childrens-social-care-improvement-plan'
const TITLE = 'Children’s Social Care Improvement Plan April 2023 to October 2024'
const THEMES = [
  '1. Strategic Partnerships',
  '2. Early help and supporting families',
  '3. Transformation',
  '4. Neglect',
  '5. Domestic abuse',
  '6. Permanence and stability',
  '7. Education and employment for vulnerable children, Our Children and those leaving care',
]

describe.each(testDatabases())('the printed progress of an improvement plan on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it('prints the progress since the last meeting that considered the plan, with the page’s ratings', async () => {
    const response = await t.visitor().get(`${PLAN}?format=pdf`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    const pdf = await readPdf(response.rawPayload)
    // The committee last considered the plan on 21 September 2023; the clock is pinned to 22 January 2024.
    expect(pdf.title).toBe(`${TITLE}: progress since 21 September 2023`)
    expect(pdf.tagged).toBe(true)
    expect(pdf.structured).toBe(true)
    expect(pdf.outline.map((entry) => entry.title)).toEqual(['Summary', ...THEMES])
    expect(pdf.pages[0]).toContain('As at 22 January 2024')
    expect(pdf.pages[0]).toContain('Updates From 21 September 2023 to 22 January 2024')
    // The same counts as the plan's page.
    const page = text((await t.visitor().get(PLAN)).body)
    const [, red, amber, green, complete] =
      /Milestones: (\d+) red ?, (\d+) amber ?, (\d+) green ?, (\d+) complete/.exec(page)!
    expect(pdf.pages[0]).toContain(`Milestones ${red} red, ${amber} amber, ${green} green, ${complete} complete`)
    // Action 1.1: its rating, a late milestone, and the update that delayed it.
    expect(pdf.text).toContain('1.1 Develop a new Children, Young People and Families Strategic Plan')
    expect(pdf.text).toMatch(/Status: Red\. Led by Kara Haskayne/)
    expect(pdf.text).toMatch(/30 November 2023 Delayed Red 16 January 2024/)
    expect(pdf.text).toMatch(/Sign-off has slipped;[\s\S]*?Not started to delayed/)
  })

  it('prints the plan as it stood on a chosen day, with the updates from a chosen date', async () => {
    const pdf = await readPdf((await t.visitor().get(`${PLAN}?format=pdf&on=2023-12-31&since=2023-10-01`)).rawPayload)
    expect(pdf.title).toBe(`${TITLE}: progress since 1 October 2023`)
    expect(pdf.pages[0]).toContain('As at 31 December 2023')
    // October's updates are in; January's are not, and the milestones they changed are as they were.
    expect(pdf.text).toContain('The team has seen the proposed')
    expect(pdf.text).not.toContain('Sign-off has slipped')
    expect(pdf.text).toMatch(/30 November 2023 Not started Red None/)
    expect((await t.visitor().get(`${PLAN}?format=pdf&since=2023-02-30`)).statusCode).toBe(400)
    expect((await t.visitor().get(`${PLAN}?format=docx&on=yesterday`)).statusCode).toBe(400)
    expect((await t.visitor().get('/improvement-plans/no-such?format=pdf')).statusCode).toBe(404)
  })

  it('prints the same as a Word document, and the plan’s pages link to both', async () => {
    const response = await t.visitor().get(`${PLAN}?format=docx`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toContain('childrens-social-care-improvement-plan-progress.docx')
    const words = await readDocx(response.rawPayload)
    expect(words).toContain(`${TITLE}: progress since 21 September 2023\nAs at 22 January 2024`)
    expect(words).toContain('1.1 Develop a new Children, Young People and Families Strategic Plan')
    expect(words).toContain('Not started to delayed')

    const plan = await t.visitor().get(PLAN)
    expect(plan.body).toContain(`href="${PLAN}?format=pdf"`)
    expect(plan.body).toContain(`href="${PLAN}?format=docx"`)
    const since = await t.visitor().get(`${PLAN}/since?from=2023-10-01`)
    expect(since.body).toContain(`href="${PLAN}?since=2023-10-01&amp;format=pdf"`)
    expect(text(since.body)).toContain('Download as Word (DOCX): progress since 1 October 2023')
  })

  it('is offered to report authors as an appendix for a chosen plan, as at the appendix’s date', async () => {
    const improvement = createImprovement({
      db: t.db,
      clock: createClock('2024-01-22'),
      audit: createAuditReader(t.db),
    })
    const kind = progressAppendix(improvement.service)
    const ctx = { user: null, requestId: 'test' }
    const plans = await kind.subject!.choices(ctx)
    expect(plans).toContainEqual({ value: 'childrens-social-care-improvement-plan', text: TITLE })
    const body = {
      id: 'b',
      slug: 'children-and-young-peoples-scrutiny-committee',
      name: 'Children and Young People’s Scrutiny Committee',
    }
    const paper = await kind.build(ctx, { body, on: '2023-12-31', subject: 'childrens-social-care-improvement-plan' })
    expect(paper.title).toBe(`${TITLE}: progress since 21 September 2023`)
    expect(JSON.stringify(paper.sections[0])).toContain('As at 31 December 2023')
  })
})
