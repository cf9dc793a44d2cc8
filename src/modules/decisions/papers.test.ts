import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { heading, links, parse, text } from '../../../test/support/html.ts'
import { readDocx, readPdf } from '../../../test/support/papers.ts'

const committee = 'children-and-young-peoples-scrutiny-committee'
const decisions = `/bodies/${committee}/decisions`
const flat = (words: string) => words.replace(/\s+/g, ' ')

/** The first cell's link text of each row of the page's first table: the decisions or key decisions it lists. */
function listed(html: string): string[] {
  const $ = parse(html)
  return $('table')
    .first()
    .find('tbody tr td a.govuk-link')
    .toArray()
    .map((a) => $(a).text().trim())
}

describe.each(testDatabases())('decisions and the forward plan as papers on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t.close())

  it('prints the decisions since the committee’s last meeting that the page lists, as Appendix 4(a)', async () => {
    const page = await t.visitor().get(decisions)
    const titles = listed(page.body)
    expect(titles.length).toBeGreaterThan(0)
    const intro = text(page.body).match(/Decisions by the Executive and Cabinet Members taken on or after [^.]+\./)?.[0]
    expect(intro).toContain('the date of the committee’s last meeting')
    const since = /since=(\d{4}-\d{2}-\d{2})/.exec(links(page.body).find((l) => l.includes('format=pdf')) ?? '')?.[1]
    expect(links(page.body)).toContain(`${decisions}?since=${since}&on=2024-01-22&format=pdf`)
    expect(links(page.body)).toContain(`${decisions}?since=${since}&on=2024-01-22&format=docx`)

    const response = await t.visitor().get(`${decisions}?format=pdf`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe(`inline; filename="${committee}-decisions-2024-01-22.pdf"`)
    const pdf = await readPdf(response.rawPayload)
    const title = "Executive and Cabinet Member decisions: Children and Young People's Scrutiny Committee"
    expect(pdf.title).toBe(title)
    expect(pdf.tagged).toBe(true)
    expect(pdf.structured).toBe(true)
    expect(pdf.outline).toEqual([{ title, items: [] }])
    const words = flat(pdf.text)
    expect(words).toContain('As at 22 January 2024')
    expect(words).toContain(intro)
    for (const decision of titles) expect(words).toContain(flat(decision).slice(0, 30))
  })

  it('takes "since the last meeting" from the meeting before the chosen date, or from ?since=', async () => {
    const now = listed((await t.visitor().get(decisions)).body)
    const earlier = await t.visitor().get(`${decisions}?on=2023-11-01`)
    const then = listed(earlier.body)
    expect(parse(earlier.body)('form input[name="on"]').val()).toBe('2023-11-01')
    const docx = await readDocx((await t.visitor().get(`${decisions}?on=2023-11-01&format=docx`)).rawPayload)
    expect(docx).toContain('As at 1 November 2023')
    expect(docx).toContain(text(earlier.body).match(/Decisions by the Executive[^.]+\./)![0])
    for (const decision of then) expect(docx).toContain(decision)
    const later = now.filter((d) => !then.includes(d))
    expect(later.length).toBeGreaterThan(0)
    for (const decision of later) expect(docx).not.toContain(decision)

    const all = await t.visitor().get(`${decisions}?since=2023-01-01&format=docx`)
    const fromJanuary = await readDocx(all.rawPayload)
    expect(fromJanuary).toContain('taken on or after 1 January 2023.')
    for (const decision of [...now, ...then]) expect(fromJanuary).toContain(decision)

    // A date that is not one is the page's error, not a paper.
    const wrong = await t.visitor().get(`${decisions}?since=2023-02-30&format=pdf`)
    expect(wrong.statusCode).toBe(400)
    expect(wrong.headers['content-type']).toContain('text/html')
  })

  it('prints the forward plan the page shows, as Appendix 5(a), and the plan published by a chosen date', async () => {
    const page = await t.visitor().get('/forward-plan')
    const matters = listed(page.body)
    expect(matters.length).toBeGreaterThan(0)
    const shown = links(page.body).find((link) => link.endsWith('?format=pdf'))
    expect(shown).toMatch(/^\/forward-plan\/[\w-]+\?format=pdf$/)
    expect(links(page.body)).toContain(shown!.replace('pdf', 'docx'))

    const response = await t.visitor().get('/forward-plan?format=pdf')
    expect(response.statusCode).toBe(200)
    const pdf = await readPdf(response.rawPayload)
    expect(pdf.title).toBe(heading(page.body))
    expect(pdf.tagged).toBe(true)
    expect(pdf.outline).toEqual([{ title: heading(page.body), items: [] }])
    const words = flat(pdf.text)
    expect(words).toContain('As at 22 January 2024')
    for (const matter of matters) expect(words).toContain(flat(matter).slice(0, 30))

    const docx = await readDocx((await t.visitor().get('/forward-plan?format=docx')).rawPayload)
    for (const matter of matters) expect(docx).toContain(matter)
    // The link names the plan the page shows: the same paper.
    const linked = await readDocx((await t.visitor().get(shown!.replace('pdf', 'docx'))).rawPayload)
    expect(linked).toBe(docx)

    const early = await readDocx((await t.visitor().get('/forward-plan?on=2000-01-01&format=docx')).rawPayload)
    expect(early).toContain('As at 1 January 2000')
    expect(early).toContain('No forward plan had been published.')
  })

  it('prints a private key decision as the page does: its paragraph, never the reason', async () => {
    const admin = await t.as('admin')
    const addItem = parse((await admin.get('/forward-plan')).body)('a[href$="/items/new"]').attr('href')!
    const planUrl = addItem.replace(/\/items\/new$/, '')
    const added = await admin.post(`${planUrl}/items`, {
      reference: '99/2024',
      matter: 'Sale of a children’s home',
      decisionTaker: 'Executive',
      'anticipated-month': '3',
      'anticipated-year': '2024',
      exempt: 'yes',
      exemptParagraph: '3',
      exemptReason: 'Price negotiations with the buyer',
    })
    expect(added.statusCode).toBe(303)
    for (const agent of [t.visitor(), admin]) {
      const words = await readDocx((await agent.get(`${planUrl}?format=docx`)).rawPayload)
      expect(words).toContain('Sale of a children’s home')
      expect(words).toContain('Private: Exempt under paragraph 3')
      expect(words).not.toContain('Price negotiations')
      const pdf = (await readPdf((await agent.get(`${planUrl}?format=pdf`)).rawPayload)).text
      expect(pdf).toContain('Sale of a children')
      expect(pdf).not.toContain('Price negotiations')
    }
  })
})
