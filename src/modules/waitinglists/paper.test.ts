import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditReader } from '#src/platform/audit/reader.ts'
import { createWaitingLists, waitingListsAppendix } from './index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { text } from '../../../test/support/html.ts'
import { pdfFigures, readDocx, readPdf } from '../../../test/support/papers.ts'

const SERVICES = [
  'Paediatric speech and language therapy',
  'Physiotherapy',
  'Occupational therapy',
  'Blenheim child development centre',
  'Child and adolescent mental health services (CAMHS)',
  'Continence',
  'Children’s hearing service',
  'Neurodevelopmental pathway',
]

describe.each(testDatabases())('the printed waiting-list dashboard on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it('prints December 2023 as a tagged PDF: the page’s figures, then a chart per service with its table', async () => {
    const response = await t.visitor().get('/waiting-lists?month=2023-12&format=pdf')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toContain('waiting-lists-2023-12.pdf')
    const pdf = await readPdf(response.rawPayload)
    expect(pdf.title).toBe('Health waiting lists: December 2023')
    expect(pdf.tagged).toBe(true)
    expect(pdf.structured).toBe(true)
    expect(pdf.outline).toEqual([
      { title: 'Waiting lists at the end of December 2023', items: [] },
      { title: 'Charts by service', items: SERVICES },
    ])
    // The dashboard's figures for speech and language therapy, with the change from November in words.
    expect(pdf.pages[0]).toMatch(
      /Paediatric speech and language therapy\s+Blackpool CCG\s+331\s+up 35, worse\s+198 60% 41 0 26 weeks 69 weeks/,
    )
    expect(pdf.pages[0]).toMatch(/285\s+down 9, better/)
    // A chart for each service, as a figure with words; CAMHS has no figures from March to October 2023,
    // and its chart and table say so.
    const figures = await pdfFigures(response.rawPayload)
    expect(figures).toHaveLength(SERVICES.length)
    const camhs = figures.find((alt) => alt.includes('February 2023 to December 2023'))!
    expect(camhs).toContain('No figures for March 2023, April 2023')
    expect(camhs).toContain('the lines break there')
    const camhsPage = pdf.pages.find((page) =>
      page.includes('Child and adolescent mental health services (CAMHS): children waiting'),
    )!
    expect(camhsPage).toContain('February 2023 263 88')
    expect(camhsPage).toContain('March 2023 No figures No figures')
  })

  it('prints the same as a Word document an officer can edit, and the page links to both', async () => {
    const response = await t.visitor().get('/waiting-lists?month=2023-12&format=docx')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toContain('attachment')
    const words = await readDocx(response.rawPayload)
    expect(words).toContain('Waiting lists at the end of December 2023')
    expect(words).toMatch(/Paediatric speech and language therapy\nBlackpool CCG\n331\nup 35, worse\n198\n60%/)
    expect(words).toContain('Child and adolescent mental health services (CAMHS): children waiting, by month')
    expect(words).toContain('March 2023\nNo figures\nNo figures')

    const page = await t.visitor().get('/waiting-lists?month=2023-11')
    expect(text(page.body)).toContain('Download as PDF')
    expect(page.body).toContain('href="/waiting-lists?month=2023-11&amp;format=pdf"')
    expect(page.body).toContain('href="/waiting-lists?month=2023-11&amp;format=docx"')
  })

  it('names the services with no figures for the month, and finds no paper for a month without figures', async () => {
    const analyst = await t.as('analyst')
    const saved = await analyst.post('/waiting-lists/speech-and-language-therapy/figures', {
      'month-month': '1',
      'month-year': '2024',
      referralsWaiting: '318',
      over18Weeks: '180',
      source: 'Health data dashboard, January 2024',
    })
    expect(saved.statusCode).toBe(303)
    const pdf = await readPdf((await t.visitor().get('/waiting-lists?month=2024-01&format=pdf')).rawPayload)
    expect(pdf.pages[0]).toMatch(
      /No figures for January 2024 have been recorded for Physiotherapy, Occupational therapy,/,
    )
    expect(pdf.pages[0]).toMatch(/Physiotherapy\s+Blackpool CCG\s+No figures for\s+January 2024/)
    expect(pdf.pages[0]).toMatch(/318\s+down 13, better/)
    expect((await t.visitor().get('/waiting-lists?month=2019-01&format=pdf')).statusCode).toBe(404)
    expect((await t.visitor().get('/waiting-lists?month=December&format=docx')).statusCode).toBe(404)
  })

  it('is offered to report authors as an appendix for a chosen month', async () => {
    const kind = waitingListsAppendix(createWaitingLists({ db: t.db, audit: createAuditReader(t.db) }).service)
    const ctx = { user: null, requestId: 'test' }
    const months = await kind.subject!.choices(ctx)
    // Latest first: January 2024 was recorded above.
    expect(months[0]).toEqual({ value: '2024-01', text: 'January 2024' })
    expect(months).toContainEqual({ value: '2023-12', text: 'December 2023' })
    const body = {
      id: 'b',
      slug: 'children-and-young-peoples-scrutiny-committee',
      name: 'Children and Young People’s Scrutiny Committee',
    }
    const paper = await kind.build(ctx, { body, on: '2024-01-25', subject: '2023-11' })
    expect(paper.title).toBe('Health waiting lists: November 2023')
    expect(paper.landscape).toBe(true)
  })
})
