import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import type { Agent } from '../../../../test/support/agent.ts'
import { errorSummary, heading, text } from '../../../../test/support/html.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const JANUARY = `/meetings/2024-01-25-${BODY}`
const ITEM_4 = `${JANUARY}/items/4/report`

const report = (fields: Record<string, string>) => ({ title: '', exempt: 'no', ...fields })

/** Everything a user sees of a response: its status and text (the CSRF token in a form differs between pages). */
const seen = (response: { statusCode: number; body: string }) => ({
  status: response.statusCode,
  text: text(response.body),
})

describe.each(testDatabases())('reports on $name', (database) => {
  let t: TestApp
  let outsider: Agent
  beforeAll(async () => {
    t = await startTestApp(database)
    const benson = await t.db
      .selectFrom('people')
      .select('id')
      .where('slug', '=', 'kath-benson')
      .executeTakeFirstOrThrow()
    outsider = await t.newAccount('member', { personId: benson.id })
  })
  afterAll(() => t?.close())

  const auditCount = async (action: string, subjectId: string) =>
    (
      await t.db
        .selectFrom('auditEvents')
        .select('id')
        .where('action', '=', action)
        .where('subjectId', '=', subjectId)
        .execute()
    ).length

  describe('the report page', () => {
    it('renders the report in the council template with numbered sections', async () => {
      const page = await t.visitor().get(`${JANUARY}/items/4/report`)
      expect(page.statusCode).toBe(200)
      expect(heading(page.body)).toBe('Executive and Cabinet Member decisions')
      const shown = text(page.body)
      expect(shown).toContain("Report to Children and Young People's Scrutiny Committee")
      expect(shown).toContain('Relevant officer Sharon Davis, Scrutiny Manager')
      expect(shown).toContain('Date of meeting 25 January 2024')
      expect(shown).toMatch(/1\.0 Purpose of the report .*2\.0 Recommendations 2\.1 Members may question/)
      expect(shown).toContain(
        '3.2 Is the recommendation contrary to a plan or strategy adopted or approved by the Council? No',
      )
      expect(shown).toContain('3.3 Is the recommendation in accordance with the Council’s approved budget? Yes')
      expect(shown).toMatch(
        /7\.0 List of appendices Appendix 4\(a\): Summary of Executive and Cabinet Member decisions taken/,
      )
      expect(page.body).not.toContain('Change the report')
    })

    it('answers 404 where there is no report', async () => {
      expect((await t.visitor().get(`${JANUARY}/items/1/report`)).statusCode).toBe(404)
      expect((await t.visitor().get(`${JANUARY}/items/99/report`)).statusCode).toBe(404)
      expect((await t.visitor().get(`${JANUARY}/items/four/report`)).statusCode).toBe(404)
    })
  })

  describe('who may write reports', () => {
    const forms = [`${ITEM_4}/edit`, `${JANUARY}/items/1/report/edit`]

    it('sends the public to sign in and refuses members and analysts', async () => {
      for (const url of forms) expect((await t.visitor().get(url)).headers.location).toMatch(/^\/sign-in/)
      expect((await t.visitor().post(`${ITEM_4}/edit`, report({ title: 'Defaced' }))).headers.location).toMatch(
        /^\/sign-in/,
      )
      for (const role of ['member', 'analyst'] as const) {
        const agent = await t.as(role)
        for (const url of forms) expect((await agent.get(url)).statusCode, `${role} ${url}`).toBe(403)
        expect((await agent.post(`${ITEM_4}/edit`, report({ title: 'Defaced' }))).statusCode).toBe(403)
      }
      expect(text((await t.visitor().get(ITEM_4)).body)).not.toContain('Defaced')
    })

    it.each(['officer', 'scrutiny_officer', 'admin'] as const)('shows the forms to a %s', async (role) => {
      const agent = await t.as(role)
      for (const url of forms) expect((await agent.get(url)).statusCode, url).toBe(200)
    })
  })

  describe('writing a report', () => {
    const url = `${JANUARY}/items/11/report`

    it('starts from the item and meeting, checks the answers and keeps them', async () => {
      const agent = await t.as('officer')
      const form = await agent.get(`${url}/edit`)
      expect(heading(form.body)).toBe('Write the report for item 11')
      expect(form.body).toContain('value="Date of next meeting"')
      const bad = await agent.post(
        `${url}/edit`,
        report({ purpose: 'Kept purpose', withinBudget: 'perhaps', exempt: 'yes' }),
      )
      expect(bad.statusCode).toBe(400)
      expect(errorSummary(bad.body)).toEqual([
        'Enter the title of the report',
        'Select yes, no or not applicable',
        'Select the paragraph of Schedule 12A that applies',
      ])
      expect(bad.body).toContain('Kept purpose')
    })

    it('saves a report and shows it with its sections closed up', async () => {
      const agent = await t.as('officer')
      const saved = await agent.post(`${url}/edit`, {
        ...(await agent.versionOf(`${url}/edit`)),
        ...report({ title: 'Date of next meeting' }),
        relevantOfficer: 'Sharon Davis, Scrutiny Manager',
        'meetingDate-day': '25',
        'meetingDate-month': '1',
        'meetingDate-year': '2024',
        purpose: 'To note the date of the next meeting.',
        recommendations: '2.1 To note the date.\n\nTo plan the agenda.',
        contraryToPlan: 'no',
        withinBudget: 'not applicable',
        background: 'First paragraph.\n\n- one\n- two',
        legal: 'None.',
      })
      expect(saved.statusCode).toBe(303)
      expect(saved.headers.location).toBe(url)
      const page = await agent.get(url)
      const shown = text(page.body)
      expect(shown).toMatch(
        /1\.0 Purpose of the report To note the date of the next meeting\. 2\.0 Recommendations 2\.1 To note the date\. 2\.2 To plan the agenda\./,
      )
      expect(shown).toContain(
        '3.3 Is the recommendation in accordance with the Council’s approved budget? Not applicable',
      )
      expect(shown).toMatch(/4\.0 Background information First paragraph\. one two 5\.0 Legal considerations None\./)
      expect(page.body).toContain('<ul class="govuk-list govuk-list--bullet"><li>one</li><li>two</li></ul>')
      expect(shown).toContain('Created report')
      const again = await agent.post(`${url}/edit`, {
        ...(await agent.versionOf(`${url}/edit`)),
        ...report({ title: 'Date of the next meeting' }),
      })
      expect(again.statusCode).toBe(303)
      expect(text((await agent.get(url)).body)).toContain('Updated report')
      expect(text((await t.visitor().get(JANUARY)).body)).toMatch(/11\. Date of next meeting .*Read the report/)
    })

    it('keeps an exempt report, and an exempt item’s, from those who may not read it', async () => {
      const officer = await t.as('officer')
      await officer.post(`${url}/edit`, {
        ...(await officer.versionOf(`${url}/edit`)),
        ...report({ title: 'Date of the next meeting', exempt: 'yes', exemptParagraph: '1' }),
        purpose: 'Confidential purpose of the report',
      })
      const missing = seen(await t.visitor().get(`${JANUARY}/items/1/report`))
      expect(seen(await t.visitor().get(url))).toEqual(missing)
      expect(seen(await outsider.get(url)).status).toBe(404)
      const meetingPage = await t.visitor().get(JANUARY)
      expect(text(meetingPage.body)).toContain('The report is not published. Exempt under paragraph 1')
      expect(meetingPage.body).not.toContain(`href="${url}"`)
      const reportId = (
        await t.db
          .selectFrom('reports')
          .select('id')
          .where('title', '=', 'Date of the next meeting')
          .executeTakeFirstOrThrow()
      ).id
      const before = await auditCount('viewed exempt report', reportId)
      const memberPage = await (await t.as('member')).get(url)
      expect(text(memberPage.body)).toContain('Confidential purpose of the report')
      expect(await auditCount('viewed exempt report', reportId)).toBe(before + 1)
    })
  })
})
