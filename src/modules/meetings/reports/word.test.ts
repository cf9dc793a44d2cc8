import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderDocx } from '#src/platform/papers/docx.ts'
import type { Agent } from '../../../../test/support/agent.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { errorSummary, formFields, table, text } from '../../../../test/support/html.ts'
import { docxPart, readDocx, readPdf } from '../../../../test/support/papers.ts'
import { docxWithText, multipartForm, pdfWithText } from '../../../../test/support/sample-files.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const JANUARY = `/meetings/2024-01-25-${BODY}`
const ITEM_4 = `${JANUARY}/items/4/report`
const ITEM_5 = `${JANUARY}/items/5/report`

/** The report's words as stored, to compare before and after a round trip. */
const REPORT_FIELDS = ['title', 'reportTo', 'relevantOfficer', 'meetingDate', 'purpose', 'recommendations', 'reasons']
  .concat(['contraryToPlan', 'withinBudget', 'alternativeOptions', 'councilPriorities', 'background', 'financial'])
  .concat(['legal', 'humanResources', 'risk', 'equalities', 'sustainability', 'consultation', 'backgroundPapers'])
  .concat(['exemptParagraph', 'exemptReason', 'exemptReviewOn']) as 'title'[]

describe.each(testDatabases())('reports as Word documents on $name', (database) => {
  let t: TestApp
  let officer: Agent
  beforeAll(async () => {
    t = await startTestApp(database)
    officer = await t.as('scrutiny_officer')
  })
  afterAll(() => t?.close())

  const stored = async (title: string) => {
    const row = await t.db.selectFrom('reports').selectAll().where('title', '=', title).executeTakeFirstOrThrow()
    return Object.fromEntries(REPORT_FIELDS.map((field) => [field, row[field]]))
  }

  const upload = (agent: Agent, url: string, file?: { filename: string; data: Buffer }) =>
    agent
      .token()
      .then((token) => agent.inject({ method: 'POST', url: `${url}/upload`, ...multipartForm({ _csrf: token }, file) }))

  describe('downloading a report as Word', () => {
    it('gives the report in the template, its front matter, and the exempt appendix by title only, to the public', async () => {
      const response = await t.visitor().get(`${ITEM_4}.docx`)
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      )
      expect(response.headers['content-disposition']).toContain('attachment')
      const words = await readDocx(response.rawPayload)
      expect(words).toContain('Executive and Cabinet Member decisions')
      expect(words).toContain("Report to: Children and Young People's Scrutiny Committee")
      expect(words).toContain('Relevant officer: Sharon Davis, Scrutiny Manager')
      expect(words).toMatch(/1\.0 Purpose of the report\n/)
      expect(words).toMatch(/2\.0 Recommendations\n2\.1 Members may question/)
      expect(words).toContain(
        '3.2 Is the recommendation contrary to a plan or strategy adopted or approved by the Council? No',
      )
      expect(words).toContain('Appendix 4(a): Summary of Executive and Cabinet Member decisions taken')
      expect(words).toMatch(/EX48\/2023 Appendix 5a: .* \(Exempt under paragraph 3/)
      expect(words).not.toContain('Commercial figures')
      const xml = await docxPart(response.rawPayload, 'word/document.xml')
      expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
      const page = await t.visitor().get(ITEM_4)
      expect(page.body).toContain(`href="${ITEM_4}.docx">Download as Word`)
      expect(page.body).not.toContain('Fill the report from a Word document')
    })

    it('answers 404 where the report page does', async () => {
      expect((await t.visitor().get(`${JANUARY}/items/1/report.docx`)).statusCode).toBe(404)
      expect((await t.visitor().get(`${JANUARY}/items/99/report.docx`)).statusCode).toBe(404)
      expect((await t.visitor().get(`${JANUARY}/items/99/report.pdf`)).statusCode).toBe(404)
    })

    it('gives the same report as a tagged PDF to print, offered beside the Word document', async () => {
      const response = await t.visitor().get(`${ITEM_4}.pdf`)
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('application/pdf')
      const pdf = await readPdf(response.rawPayload)
      expect(pdf.tagged).toBe(true)
      expect(pdf.text).toContain('Executive and Cabinet Member decisions')
      expect(pdf.text.replace(/\s+/g, ' ')).toMatch(/EX48\/2023 Appendix 5a: .* \(Exempt under paragraph 3/)
      expect(pdf.text).not.toContain('Commercial figures')
      expect((await t.visitor().get(ITEM_4)).body).toContain(`href="${ITEM_4}.pdf">Download as PDF`)
    })

    it('keeps an exempt report from those who may not read it, and marks it for those who may', async () => {
      const url = `${JANUARY}/items/11/report`
      await officer.post(`${url}/edit`, {
        ...(await officer.versionOf(`${url}/edit`)),
        title: 'Wombat exempt report',
        purpose: 'Wombat confidential purpose',
        exempt: 'yes',
        exemptParagraph: '1',
      })
      const missing = await t.visitor().get(`${JANUARY}/items/1/report.docx`)
      const withheld = await t.visitor().get(`${url}.docx`)
      expect([withheld.statusCode, text(withheld.body)]).toEqual([missing.statusCode, text(missing.body)])
      const outsider = await t.newAccount('member')
      expect((await outsider.get(`${url}.docx`)).statusCode).toBe(404)
      const words = await readDocx((await (await t.as('member')).get(`${url}.docx`)).rawPayload)
      expect(words).toContain('Not for publication. Exempt under paragraph 1')
      expect(words).toContain('Wombat confidential purpose')
    })
  })

  describe('filling a report from a Word document', () => {
    it('is for those who may edit reports', async () => {
      expect((await t.visitor().get(`${ITEM_4}/upload`)).headers.location).toMatch(/^\/sign-in/)
      for (const role of ['member', 'analyst'] as const) {
        const agent = await t.as(role)
        expect((await agent.get(`${ITEM_4}/upload`)).statusCode).toBe(403)
        expect((await upload(agent, ITEM_4, { filename: 'r.docx', data: docxWithText(['x']) })).statusCode).toBe(403)
        expect((await agent.post(`${ITEM_4}/upload/confirm`, { title: 'Defaced' })).statusCode).toBe(403)
      }
      for (const role of ['officer', 'scrutiny_officer', 'admin'] as const)
        expect((await (await t.as(role)).get(`${ITEM_4}/upload`)).statusCode).toBe(200)
      expect((await officer.get(ITEM_4)).body).toContain(`href="${ITEM_4}/upload">Fill the report from a Word document`)
    })

    it('refuses no file, a file that is not a Word document, and one with no text part, saying why', async () => {
      const none = await upload(officer, ITEM_4)
      expect(none.statusCode).toBe(400)
      expect(errorSummary(none.body)).toEqual(['Select a Word document'])
      const pdf = await upload(officer, ITEM_4, { filename: 'report.docx', data: pdfWithText(['A report']) })
      expect(errorSummary(pdf.body)).toEqual(['The selected file must be a Word document (DOCX)'])
      const textFile = await upload(officer, ITEM_4, { filename: 'report.docx', data: Buffer.from('Just words') })
      expect(errorSummary(textFile.body)).toEqual(['The selected file must be a PDF, DOCX or XLSX'])
    })

    it('reads back its own download unchanged: a round trip changes nothing', async () => {
      const before = await stored('Forward plan report')
      const download = await officer.get(`${ITEM_5}.docx`)
      const check = await upload(officer, ITEM_5, { filename: 'forward plan.docx', data: download.rawPayload })
      expect(check.statusCode).toBe(200)
      const outcomes = table(check.body).map((row) => row[2].split(' Show the text')[0])
      expect(outcomes.filter((outcome) => outcome === 'Changed')).toEqual([])
      expect(outcomes).toContain('No change')
      expect(text(check.body)).toContain('Every heading matches a section.')
      const saved = await officer.post(`${ITEM_5}/upload/confirm`, formFields(check.body, `${ITEM_5}/upload/confirm`))
      expect(saved.statusCode).toBe(303)
      expect(saved.headers.location).toBe(ITEM_5)
      expect(await stored('Forward plan report')).toEqual(before)
    })

    it('fills the matching sections, lists what it leaves out, and saves only once confirmed', async () => {
      const data = await renderDocx({
        title: 'Draft',
        author: 'An officer',
        sections: [
          {
            blocks: [
              { kind: 'heading', level: 1, text: 'Forward plan report' },
              { kind: 'heading', level: 2, text: '1. PURPOSE OF THE REPORT' },
              { kind: 'paragraph', text: 'A purpose written in Word.' },
              { kind: 'heading', level: 2, text: 'Our own thoughts' },
              { kind: 'paragraph', text: 'Words the template has no place for.' },
              { kind: 'heading', level: 2, text: '9.0 Risk management considerations' },
              { kind: 'list', items: ['Delay', 'Cost'] },
            ],
          },
        ],
      })
      const check = await upload(officer, ITEM_5, { filename: 'draft.docx', data })
      expect(check.statusCode).toBe(200)
      const rows = table(check.body).map((row) => [row[0], row[1], row[2].split(' Show the text')[0]])
      expect(rows).toContainEqual(['Purpose of the report', '1. PURPOSE OF THE REPORT', 'Changed'])
      expect(rows).toContainEqual(['Risk management considerations', '9.0 Risk management considerations', 'Changed'])
      expect(rows).toContainEqual(['Background information', 'Not found', 'Not in the document: kept as it is'])
      const shown = text(check.body)
      expect(shown).toContain(
        'Headings that match no section These headings, and the text under them, are left out. Our own thoughts',
      )
      expect(shown).toContain('Forward plan report Words the template has no place for.')
      expect((await stored('Forward plan report')).purpose).not.toBe('A purpose written in Word.')
      const background = (await stored('Forward plan report')).background
      const saved = await officer.post(`${ITEM_5}/upload/confirm`, formFields(check.body, `${ITEM_5}/upload/confirm`))
      expect(saved.statusCode).toBe(303)
      const after = await stored('Forward plan report')
      expect(after.purpose).toBe('A purpose written in Word.')
      expect(after.risk).toBe('- Delay\n- Cost')
      expect(after.background).toBe(background)
      const audited = await t.db
        .selectFrom('auditEvents')
        .select('id')
        .where('action', '=', 'updated report from a Word document')
        .execute()
      expect(audited.length).toBeGreaterThanOrEqual(2)
    })

    it('refuses to save over a change made since the document was checked', async () => {
      const download = await officer.get(`${ITEM_5}.docx`)
      const check = await upload(officer, ITEM_5, { filename: 'again.docx', data: download.rawPayload })
      const fields = formFields(check.body, `${ITEM_5}/upload/confirm`)
      await officer.post(`${ITEM_5}/edit`, {
        ...(await officer.openForm(`${ITEM_5}/edit`)),
        purpose: 'Changed meanwhile on the form.',
      })
      const refused = await officer.post(`${ITEM_5}/upload/confirm`, fields)
      expect(refused.statusCode).toBe(409)
      expect((await stored('Forward plan report')).purpose).toBe('Changed meanwhile on the form.')
    })
  })
})
