import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { links, parse, texts } from '../../../test/support/html.ts'
import { readDocx, readPdf } from '../../../test/support/papers.ts'

const committee = 'children-and-young-peoples-scrutiny-committee'
const programme = `/bodies/${committee}/work-programme`
const flat = (words: string) => words.replace(/\s+/g, ' ')

describe.each(testDatabases())('the work programme as a paper on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t.close())

  it('prints Appendix 10(a) grouped as the page groups it, as at today, with a bookmark per section', async () => {
    const page = await t.visitor().get(programme)
    expect(links(page.body)).toEqual(expect.arrayContaining([`${programme}?format=pdf`, `${programme}?format=docx`]))
    const sections = texts(page.body, 'h2.govuk-heading-m')
    const groups = texts(page.body, 'table caption')
    const $ = parse(page.body)
    const titles = $('table tbody tr td:first-child a.govuk-link:first-child')
      .toArray()
      .map((a) => $(a).text().trim())
    expect(sections.length).toBeGreaterThan(1)
    expect(titles.length).toBeGreaterThan(3)

    const response = await t.visitor().get(`${programme}?format=pdf`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe(`inline; filename="${committee}-work-programme.pdf"`)
    const pdf = await readPdf(response.rawPayload)
    const title = "Work programme: Children and Young People's Scrutiny Committee"
    expect(pdf.title).toBe(title)
    expect(pdf.tagged).toBe(true)
    expect(pdf.structured).toBe(true)
    expect(pdf.outline).toEqual([{ title, items: sections }])
    const words = flat(pdf.text)
    expect(words).toContain('As at 22 January 2024')
    for (const group of groups) expect(words).toContain(group)
    for (const itemTitle of titles) expect(words).toContain(flat(itemTitle).slice(0, 30))

    const docx = await t.visitor().get(`${programme}?format=docx`)
    expect(docx.headers['content-disposition']).toBe(`attachment; filename="${committee}-work-programme.docx"`)
    const paragraphs = (await readDocx(docx.rawPayload)).split('\n')
    for (const heading of sections) expect(paragraphs).toContain(heading)
    // Every item, in the page's order (a title may come twice: a topic at two meetings).
    let from = 0
    for (const itemTitle of titles) {
      const found = paragraphs.indexOf(itemTitle, from)
      expect(found, itemTitle).toBeGreaterThanOrEqual(from)
      from = found + 1
    }
  })

  it('answers 404 for a body that does not exist, in either format', async () => {
    for (const format of ['pdf', 'docx']) {
      expect((await t.visitor().get(`/bodies/no-such-body/work-programme?format=${format}`)).statusCode).toBe(404)
    }
  })
})
