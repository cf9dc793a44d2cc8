import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import type { Agent } from '../../../../test/support/agent.ts'
import { confirmation, errorSummary, heading, text } from '../../../../test/support/html.ts'
import { multipartForm, sampleDocx, samplePdf, sampleXlsx } from '../../../../test/support/sample-files.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const JANUARY = `/meetings/2024-01-25-${BODY}`
const ITEM_4 = `${JANUARY}/items/4/report`
const MISSING_ID = '00000000-0000-4000-8000-000000000000'
const LABEL_3 = 'Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972'

/** Everything a user sees of a response: its status and text (the CSRF token in a form differs between pages). */
const seen = (response: { statusCode: number; body: string }) => ({
  status: response.statusCode,
  text: text(response.body),
})

describe.each(testDatabases())('appendices and their files on $name', (database) => {
  let t: TestApp
  let outsider: Agent
  let exemptAppendix: string
  beforeAll(async () => {
    t = await startTestApp(database)
    const benson = await t.db
      .selectFrom('people')
      .select('id')
      .where('slug', '=', 'kath-benson')
      .executeTakeFirstOrThrow()
    outsider = await t.newAccount('member', { personId: benson.id })
    exemptAppendix = (
      await t.db
        .selectFrom('appendices')
        .select('id')
        .where('label', '=', 'EX48/2023 Appendix 5a')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(() => t?.close())

  const upload = async (
    agent: Agent,
    url: string,
    fields: Record<string, string>,
    file?: { filename: string; data: Buffer },
  ) => {
    const form = multipartForm({ _csrf: await agent.token(), ...fields }, file)
    return agent.inject({ method: 'POST', url, ...form })
  }
  const auditCount = async (action: string, subjectId: string) =>
    (
      await t.db
        .selectFrom('auditEvents')
        .select('id')
        .where('action', '=', action)
        .where('subjectId', '=', subjectId)
        .execute()
    ).length

  describe('the exempt appendix of item 4', () => {
    const url = () => `${ITEM_4}/appendices/${exemptAppendix}`

    it('shows the public its label, title and paragraph, never its content', async () => {
      const page = await t.visitor().get(ITEM_4)
      expect(text(page.body)).toContain(
        `EX48/2023 Appendix 5a: Expansion of Highfurlong Special School phase two: financial considerations – ${LABEL_3}`,
      )
      expect(page.body).not.toContain('Commercial figures')
      expect(page.body).not.toContain(exemptAppendix)
    })

    it('answers the public and members of other bodies exactly as for an appendix that does not exist', async () => {
      const missing = seen(await t.visitor().get(`${ITEM_4}/appendices/${MISSING_ID}`))
      expect(missing.status).toBe(404)
      expect(seen(await t.visitor().get(url()))).toEqual(missing)
      const outsiderMissing = seen(await outsider.get(`${ITEM_4}/appendices/${MISSING_ID}`))
      expect(seen(await outsider.get(url()))).toEqual(outsiderMissing)
      expect(outsiderMissing.status).toBe(404)
      expect((await outsider.get(ITEM_4)).body).not.toContain('Commercial figures')
    })

    it('lets a member of the committee read it, and records that they did', async () => {
      const before = await auditCount('viewed exempt appendix', exemptAppendix)
      const page = await (await t.as('member')).get(url())
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).toContain('Commercial figures')
      expect(text(page.body)).toContain(`This appendix is exempt. ${LABEL_3}.`)
      expect(await auditCount('viewed exempt appendix', exemptAppendix)).toBe(before + 1)
    })

    it.each(['officer', 'scrutiny_officer', 'admin'] as const)('lets a %s read it', async (role) => {
      const page = await (await t.as(role)).get(url())
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).toContain('Commercial figures')
    })
  })

  describe('who may add appendices', () => {
    it('sends the public to sign in and refuses members and analysts, before reading the upload', async () => {
      const form = `${ITEM_4}/appendices/new`
      expect((await t.visitor().get(form)).headers.location).toMatch(/^\/sign-in/)
      const publicUpload = await upload(t.visitor(), `${ITEM_4}/appendices`, { label: 'X', title: 'X', exempt: 'no' })
      expect(publicUpload.headers.location).toMatch(/^\/sign-in/)
      for (const role of ['member', 'analyst'] as const) {
        const agent = await t.as(role)
        expect((await agent.get(form)).statusCode).toBe(403)
        expect((await agent.get(`${ITEM_4}/appendices/${exemptAppendix}/edit`)).statusCode).toBe(403)
        const refused = await upload(agent, `${ITEM_4}/appendices`, { label: 'X', title: 'X', body: 'X', exempt: 'no' })
        expect(refused.statusCode).toBe(403)
        expect((await agent.post(`${ITEM_4}/appendices/${exemptAppendix}/delete`)).statusCode).toBe(403)
      }
    })

    it.each(['officer', 'scrutiny_officer', 'admin'] as const)('shows the forms to a %s', async (role) => {
      const agent = await t.as(role)
      expect((await agent.get(`${ITEM_4}/appendices/new`)).statusCode).toBe(200)
      const edit = await agent.get(`${ITEM_4}/appendices/${exemptAppendix}/edit`)
      expect(edit.statusCode).toBe(200)
      expect(edit.body).toMatch(/<option value="3" selected/)
      expect((await agent.get(`${ITEM_4}/appendices/${exemptAppendix}/delete`)).statusCode).toBe(200)
    })

    it('refuses an upload without the form’s token', async () => {
      const agent = await t.as('officer')
      const form = multipartForm({ label: 'Appendix 4(z)', title: 'No token', body: 'Text', exempt: 'no' })
      expect((await agent.inject({ method: 'POST', url: `${ITEM_4}/appendices`, ...form })).statusCode).toBe(403)
    })
  })

  describe('appendices and their files', () => {
    const url = `${JANUARY}/items/8/report`
    let pdfUrl = ''

    it('checks the appendix and its file by content', async () => {
      const agent = await t.as('officer')
      const nothing = await upload(agent, `${url}/appendices`, { label: '', title: '', body: '', exempt: 'no' })
      expect(nothing.statusCode).toBe(400)
      expect(errorSummary(nothing.body)).toEqual([
        'Enter the appendix label, like Appendix 8(b)',
        'Enter the title of the appendix',
      ])
      const noContent = await upload(agent, `${url}/appendices`, {
        label: 'Appendix 8(c)',
        title: 'Plan',
        body: '',
        exempt: 'no',
      })
      expect(errorSummary(noContent.body)).toEqual(['Select a file, or enter the text of the appendix'])
      expect(noContent.body).toContain('value="Appendix 8(c)"')
      const disguised = await upload(
        agent,
        `${url}/appendices`,
        { label: 'Appendix 8(c)', title: 'Plan', body: '', exempt: '' },
        { filename: 'plan.pdf', data: Buffer.from('Just some text pretending to be a PDF') },
      )
      expect(disguised.statusCode).toBe(400)
      expect(errorSummary(disguised.body)).toEqual([
        'The selected file must be a PDF, DOCX or XLSX',
        'Select yes if it contains exempt information',
      ])
      const large = Buffer.concat([samplePdf(), Buffer.alloc(20 * 1024 * 1024)])
      const tooBig = await upload(
        agent,
        `${url}/appendices`,
        { label: 'Appendix 8(c)', title: 'Plan', exempt: 'no' },
        { filename: 'big.pdf', data: large },
      )
      expect(errorSummary(tooBig.body)).toEqual(['The selected file must be smaller than 20MB'])
    })

    it('stores a PDF, DOCX or XLSX and serves it back as it was', async () => {
      const agent = await t.as('officer')
      const pdf = samplePdf()
      const added = await upload(
        agent,
        `${url}/appendices`,
        { label: 'Appendix 8(c)', title: 'Improvement plan (PDF)', body: '', exempt: 'no' },
        { filename: 'C:\\plans\\Improvement plan.pdf', data: pdf },
      )
      expect(added.statusCode).toBe(303)
      expect(added.headers.location).toBe(`${url}#appendices`)
      for (const [label, filename, data] of [
        ['Appendix 8(d)', 'dashboard.xlsx', sampleXlsx()],
        ['Appendix 8(e)', 'letter.docx', sampleDocx()],
      ] as const) {
        expect(
          (await upload(agent, `${url}/appendices`, { label, title: label, exempt: 'no' }, { filename, data }))
            .statusCode,
        ).toBe(303)
      }
      const page = await t.visitor().get(url)
      expect(text(page.body)).toMatch(
        /Appendix 8\(c\): Improvement plan \(PDF\) Download Improvement plan\.pdf \(PDF, \d+ bytes\)/,
      )
      pdfUrl = /href="(\/documents\/[0-9a-f-]{36})"/.exec(page.body)![1]
      const download = await t.visitor().get(pdfUrl)
      expect(download.statusCode).toBe(200)
      expect(download.headers['content-type']).toBe('application/pdf')
      expect(download.headers['x-content-type-options']).toBe('nosniff')
      expect(download.headers['content-disposition']).toBe('attachment; filename="Improvement plan.pdf"')
      expect(download.rawPayload.equals(pdf)).toBe(true)
      const stored = await t.db
        .selectFrom('documents')
        .select(['sha256', 'sizeBytes', 'mediaType'])
        .where('filename', '=', 'letter.docx')
        .executeTakeFirstOrThrow()
      expect(stored).toMatchObject({
        sizeBytes: sampleDocx().length,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      })
      expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(text((await agent.get(url)).body)).toContain('Added appendix')
    })

    it('keeps an exempt file from the public and members of other bodies', async () => {
      const officer = await t.as('officer')
      const added = await upload(
        officer,
        `${url}/appendices`,
        {
          label: 'Appendix 8(f)',
          title: 'Case file',
          body: 'Names of the children concerned',
          exempt: 'yes',
          exemptParagraph: '1',
        },
        { filename: 'case.pdf', data: samplePdf() },
      )
      expect(added.statusCode).toBe(303)
      const row = await t.db
        .selectFrom('appendices')
        .select(['id', 'documentId'])
        .where('label', '=', 'Appendix 8(f)')
        .executeTakeFirstOrThrow()
      const file = `/documents/${row.documentId}`
      const publicReport = await t.visitor().get(url)
      expect(publicReport.body).not.toContain(row.documentId)
      expect(publicReport.body).not.toContain('Names of the children')
      const missing = seen(await t.visitor().get(`/documents/${MISSING_ID}`))
      expect(missing.status).toBe(404)
      expect(seen(await t.visitor().get(file))).toEqual(missing)
      expect(seen(await t.visitor().get('/documents/not-an-id'))).toEqual(missing)
      expect(seen(await outsider.get(file))).toEqual(seen(await outsider.get(`/documents/${MISSING_ID}`)))
      const before = await auditCount('viewed exempt document', row.documentId!)
      const member = await (await t.as('member')).get(file)
      expect(member.statusCode).toBe(200)
      expect(member.headers['cache-control']).toBe('private, no-store')
      expect(await auditCount('viewed exempt document', row.documentId!)).toBe(before + 1)
      expect((await (await t.as('analyst')).get(file)).statusCode).toBe(404)
    })

    it('changes an appendix, replacing or removing its file, and removes it after asking', async () => {
      const agent = await t.as('scrutiny_officer')
      const row = await t.db
        .selectFrom('appendices')
        .select(['id', 'documentId'])
        .where('label', '=', 'Appendix 8(c)')
        .executeTakeFirstOrThrow()
      const edit = `${url}/appendices/${row.id}/edit`
      expect((await agent.get(edit)).body).toContain('Current file: Improvement plan.pdf')
      const replaced = await upload(
        agent,
        edit,
        { label: 'Appendix 8(c)', title: 'Improvement plan', exempt: 'no' },
        { filename: 'v2.docx', data: sampleDocx() },
      )
      expect(replaced.statusCode).toBe(303)
      expect((await t.visitor().get(pdfUrl)).statusCode).toBe(404)
      const emptied = await upload(agent, edit, {
        label: 'Appendix 8(c)',
        title: 'Improvement plan',
        body: '',
        removeFile: 'yes',
        exempt: 'no',
      })
      expect(errorSummary(emptied.body)).toEqual(['Select a file, or enter the text of the appendix'])
      const textOnly = await upload(agent, edit, {
        label: 'Appendix 8(c)',
        title: 'Improvement plan',
        body: 'Now in words.',
        removeFile: 'yes',
        exempt: 'no',
      })
      expect(textOnly.statusCode).toBe(303)
      expect(text((await t.visitor().get(`${url}/appendices/${row.id}`)).body)).toContain('Now in words.')
      const confirm = await agent.get(`${url}/appendices/${row.id}/delete`)
      expect(heading(confirm.body)).toBe('Are you sure you want to remove Appendix 8(c)?')
      expect((await agent.post(`${url}/appendices/${row.id}/delete`)).statusCode).toBe(303)
      expect((await t.visitor().get(`${url}/appendices/${row.id}`)).statusCode).toBe(404)
      const report = await agent.get(url)
      expect(confirmation(report.body)).toBe('Appendix removed')
      expect(text(report.body)).toContain('Removed appendix')
    })
  })
})
