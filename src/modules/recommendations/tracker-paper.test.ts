import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { docxPart, readDocx, readPdf } from '../../../test/support/papers.ts'
import { links, table, text } from '../../../test/support/html.ts'

const slug = 'children-and-young-peoples-scrutiny-committee'
const tracker = `/bodies/${slug}/recommendations`

describe.each(testDatabases())('the recommendations tracker as a paper on $name', (database) => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t.close())

  /** The page's rows as the paper prints them: number, recommendation and RAG rating. */
  async function pageRows(query = '') {
    const page = await t.visitor().get(`${tracker}${query}`)
    return {
      page,
      rows: table(page.body)
        .filter((row) => row[0] !== 'Number')
        .map((row) => ({ number: row[0].replace('Recommendation ', ''), text: row[2] })),
    }
  }

  it('prints the tracker the page shows, as at today, landscape, tagged, titled and bookmarked', async () => {
    const { page, rows } = await pageRows()
    const summary = text(page.body).match(/\d+ recommendations: [^.]+\./)?.[0]
    expect(summary).toBeDefined()
    const pdf = await t.visitor().get(`${tracker}?format=pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['content-disposition']).toBe(`inline; filename="${slug}-recommendations-2024-01-22.pdf"`)
    const read = await readPdf(pdf.rawPayload)
    const title = "Recommendations tracker: Children and Young People's Scrutiny Committee"
    expect(read.title).toBe(title)
    expect(read.tagged).toBe(true)
    const document = await PDFDocument.load(pdf.rawPayload)
    // Its author is the council, as the pages' footer names it.
    expect(document.getAuthor()).toBe('Blackpool Council')
    const size = document.getPage(0).getSize()
    expect(size.width).toBeGreaterThan(size.height)
    expect(read.structured).toBe(true)
    expect(read.outline).toEqual([{ title, items: [] }])
    const words = read.text.replace(/\s+/g, ' ')
    expect(words).toContain('As at 22 January 2024')
    expect(words).toContain(summary)
    for (const row of rows) expect(words).toContain(row.text.slice(0, 40))
    expect(rows.length).toBeGreaterThan(3)
  })

  it('offers the filtered tracker as PDF and Word, holding only the filtered rows', async () => {
    const { page, rows } = await pageRows('?rag=red')
    const everything = (await pageRows()).rows
    expect(links(page.body)).toContain(`${tracker}?rag=red&format=pdf`)
    expect(links(page.body)).toContain(`${tracker}?rag=red&format=docx`)
    expect(text(page.body)).toContain('Download these recommendations as PDF')
    const others = everything.filter((row) => !rows.some((shown) => shown.number === row.number))
    expect(rows.length).toBeGreaterThan(0)
    expect(others.length).toBeGreaterThan(0)

    const docx = await t.visitor().get(`${tracker}?rag=red&format=docx`)
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-disposition']).toBe(`attachment; filename="${slug}-recommendations-2024-01-22.docx"`)
    const words = await readDocx(docx.rawPayload)
    expect(await docxPart(docx.rawPayload, 'docProps/core.xml')).toContain(
      'Recommendations tracker: Children and Young People&apos;s Scrutiny Committee',
    )
    expect(words).toContain(`Showing ${rows.length} of ${everything.length} recommendations.`)
    for (const row of rows) expect(words).toContain(row.text)
    for (const row of others) expect(words).not.toContain(row.text)

    const pdf = (await readPdf((await t.visitor().get(`${tracker}?rag=red&format=pdf`)).rawPayload)).text
    for (const row of others) expect(pdf.replace(/\s+/g, ' ')).not.toContain(row.text.slice(0, 40))
  })

  it('prints the tracker as it stood on a chosen date: only what was made by then', async () => {
    const before = await readDocx((await t.visitor().get(`${tracker}?on=2023-10-01&format=docx`)).rawPayload)
    expect(before).toContain('As at 1 October 2023')
    const now = await readDocx((await t.visitor().get(`${tracker}?format=docx`)).rawPayload)
    const countOf = (words: string) => Number(/(\d+) recommendations?:/.exec(words)?.[1] ?? 0)
    expect(countOf(before)).toBeLessThan(countOf(now))
    // The page the links come from carries the date on, to the paper it offers.
    expect(links((await t.visitor().get(`${tracker}?on=2023-10-01`)).body)).toContain(
      `${tracker}?on=2023-10-01&format=pdf`,
    )
    // A date that is not one is ignored: the paper says which day it is as at.
    expect(await readDocx((await t.visitor().get(`${tracker}?on=2023-02-30&format=docx`)).rawPayload)).toContain(
      'As at 22 January 2024',
    )
  })
})
