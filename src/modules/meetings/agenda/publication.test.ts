import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, type TestRole, startTestApp } from '../../../../test/support/harness.ts'
import { errorSummary, fieldError, heading, summaryList, text } from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'
import { samplePdf } from '../../../../test/support/sample-files.ts'

interface ApiMeeting {
  agendaPublishedOn: string | null
  agendaLateReason: string | null
  status: string
  statusReason: string | null
  items: { title: string }[]
}

/** A word that is in the draft papers and nowhere else, to search for. */
const WORD = 'quokkadraft'
const NOT_PUBLISHERS: TestRole[] = ['member', 'officer', 'analyst']

describe.each(testDatabases())('publishing an agenda on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let early: MeetingRecord
  let papers: { report: string; appendix: string; document: string }

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody()
    // The demo's today is Monday 22 January 2024: Wednesday 27 March is well ahead.
    early = await build.aMeeting(body, { date: '2024-03-27', agenda: 'draft' })
    const item = await build.anAgendaItem(early, { number: 1, title: `Fostering ${WORD}`, purpose: `The ${WORD} plan` })
    const report = await build.aReport(item, { title: `Report on ${WORD}`, purpose: `Why ${WORD}` })
    await build.anAppendix(report, {
      label: 'Appendix 1(a)',
      title: `Figures ${WORD}`,
      file: { filename: 'figures.pdf', data: samplePdf() },
    })
    const appendix = await t.db
      .selectFrom('appendices')
      .select(['id', 'documentId'])
      .where('label', '=', 'Appendix 1(a)')
      .executeTakeFirstOrThrow()
    papers = {
      report: report.url,
      appendix: `${report.url}/appendices/${appendix.id}`,
      document: `/documents/${appendix.documentId}`,
    }
  })
  afterAll(() => t?.close())

  const apiMeeting = async (meeting: MeetingRecord) =>
    json<ApiMeeting>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`))
  const searchText = async (q: string) => text((await t.visitor().get(`/search?q=${q}`)).body)

  describe('while the agenda is a draft', () => {
    it.each([null, 'member', 'analyst'] as const)(
      'answers %s with the notice only, and its papers as missing',
      async (role) => {
        const agent = role ? await t.as(role) : t.visitor()
        const page = await agent.get(early.url)
        expect(page.statusCode).toBe(200)
        expect(text(page.body)).toContain('The agenda has not been published yet.')
        expect(summaryList(page.body).Agenda).toBe('Not yet published')
        expect(page.body).not.toContain(WORD)
        for (const url of [papers.report, papers.appendix, papers.document]) {
          expect((await agent.get(url)).statusCode, url).toBe(404)
        }
      },
    )

    it('is not found by search, and gives no items in the open data', async () => {
      expect(await searchText(WORD)).toContain(
        'There are no matching meetings, papers, decisions, recommendations or other records',
      )
      const meeting = await apiMeeting(early)
      expect(meeting.agendaPublishedOn).toBeNull()
      expect(meeting.items).toEqual([])
      expect(JSON.stringify(meeting)).not.toContain(WORD)
    })

    it.each(['officer', 'scrutiny_officer', 'admin'] as const)('shows %s the draft, marked as one', async (role) => {
      const agent = await t.as(role)
      const page = await agent.get(early.url)
      expect(summaryList(page.body).Agenda).toBe('Draft agenda: not yet published')
      expect(text(page.body)).toContain(`1. Fostering ${WORD}`)
      expect(heading((await agent.get(papers.report)).body)).toBe(`Report on ${WORD}`)
      expect((await agent.get(papers.appendix)).statusCode).toBe(200)
      expect((await agent.get(papers.document)).statusCode).toBe(200)
    })
  })

  describe('who may publish', () => {
    it('sends the public to sign in', async () => {
      for (const response of [
        await t.visitor().get(`${early.url}/agenda/publish`),
        await t.visitor().post(`${early.url}/agenda/publish`, {}),
      ]) {
        expect(response.statusCode).toBe(303)
        expect(response.headers.location).toMatch(/^\/sign-in\?returnTo=/)
      }
    })

    it.each(NOT_PUBLISHERS)('refuses a %s, and offers them no button', async (role) => {
      const agent = await t.as(role)
      expect((await agent.get(`${early.url}/agenda/publish`)).statusCode).toBe(403)
      expect((await agent.post(`${early.url}/agenda/publish`, {})).statusCode).toBe(403)
      expect(text((await agent.get(early.url)).body)).not.toContain('Publish agenda')
      expect((await apiMeeting(early)).agendaPublishedOn).toBeNull()
    })
  })

  describe('on time', () => {
    it('does not ask for a reason, and publishes the papers to everyone', async () => {
      expect(text((await scrutiny.get(early.url)).body)).toContain('Publish agenda')
      const form = await scrutiny.get(`${early.url}/agenda/publish`)
      expect(heading(form.body)).toBe('Publish the agenda')
      // 23 January to 26 March 2024: 46 weekdays and no bank holiday (Good Friday is 29 March).
      expect(text(form.body)).toContain('Published today, the agenda gives 46 clear working days before the meeting.')
      expect(fieldError(form.body, 'lateReason')).toBeNull()
      expect(form.body).not.toContain('Reason for late publication')

      const published = await scrutiny.post(`${early.url}/agenda/publish`, {})
      expect(published.statusCode).toBe(303)
      expect(published.headers.location).toBe(`${early.url}#agenda`)

      const page = await t.visitor().get(early.url)
      expect(summaryList(page.body).Agenda).toBe('Published on 22 January 2024')
      expect(text(page.body)).toContain(`1. Fostering ${WORD}`)
      expect(text(page.body)).not.toContain('Published late')
      expect((await t.visitor().get(papers.report)).statusCode).toBe(200)
      expect((await t.visitor().get(papers.document)).statusCode).toBe(200)
      expect(await searchText(WORD)).toContain(`Report on ${WORD}`)
      const meeting = await apiMeeting(early)
      expect(meeting.agendaPublishedOn).toBe('2024-01-22')
      expect(meeting.agendaLateReason).toBeNull()
      expect(meeting.items.map((item) => item.title)).toEqual([`Fostering ${WORD}`])
    })

    it('records who published it, in the same history as the meeting', async () => {
      const events = await t.db
        .selectFrom('auditEvents')
        .select(['action', 'actorLabel', 'before', 'after'])
        .where('subjectType', '=', 'meeting')
        .where('subjectId', '=', early.id)
        .where('action', '=', 'published agenda')
        .execute()
      expect(events).toHaveLength(1)
      expect(events[0].actorLabel).toContain('scrutiny@example.org')
      expect(events[0].before).toMatchObject({ agendaPublishedOn: null })
      expect(events[0].after).toMatchObject({ agendaPublishedOn: '2024-01-22' })
      expect(text((await scrutiny.get(early.url)).body)).toContain('Published agenda')
    })

    it('will not publish it twice', async () => {
      const again = await scrutiny.post(`${early.url}/agenda/publish`, {})
      expect(again.statusCode).toBe(400)
      expect(errorSummary(again.body)).toEqual(['This agenda has already been published'])
      expect(text((await scrutiny.get(`${early.url}/agenda/publish`)).body)).toContain(
        'This agenda was published on 22 January 2024.',
      )
    })
  })

  describe('late', () => {
    let late: MeetingRecord
    beforeAll(async () => {
      // Thursday 25 January 2024: only the 23rd and 24th are clear working days.
      late = await builders(t).aMeeting(early.body, { date: '2024-01-25', agenda: 'draft' })
    })

    it('warns, and will not publish without the reason', async () => {
      const form = await scrutiny.get(`${late.url}/agenda/publish`)
      expect(text(form.body)).toContain('Published today, the agenda gives 2 clear working days before the meeting.')
      expect(text(form.body)).toContain('This agenda is late')
      const refused = await scrutiny.post(`${late.url}/agenda/publish`, { lateReason: '  ' })
      expect(refused.statusCode).toBe(400)
      expect(errorSummary(refused.body)).toEqual(['Enter the reason for late publication'])
      expect(fieldError(refused.body, 'lateReason')).toBe('Error: Enter the reason for late publication')
      expect((await apiMeeting(late)).agendaPublishedOn).toBeNull()
    })

    it('publishes with the reason, which the public is shown', async () => {
      const reason = 'The report needed the December figures'
      expect((await scrutiny.post(`${late.url}/agenda/publish`, { lateReason: reason })).statusCode).toBe(303)
      expect(text((await t.visitor().get(late.url)).body)).toContain(`Published late: ${reason}`)
      const meeting = await apiMeeting(late)
      expect(meeting.agendaPublishedOn).toBe('2024-01-22')
      expect(meeting.agendaLateReason).toBe(reason)
    })
  })

  describe('minutes', () => {
    it('cannot be published while the agenda is a draft', async () => {
      const held = await builders(t).aMeeting(early.body, { date: '2024-01-18', status: 'held', agenda: 'draft' })
      expect((await scrutiny.post(`${held.url}/minutes/start`, {})).statusCode).toBe(303)
      const recording = text((await scrutiny.get(`${held.url}/minutes/edit`)).body)
      expect(recording).toContain('Before you can publish the minutes: Publish the agenda of the meeting')
      const refused = await scrutiny.post(`${held.url}/minutes/publish`, {})
      expect(refused.statusCode).toBe(400)
      expect(text(refused.body)).toContain('Publish the agenda of the meeting')
    })
  })

  describe('cancelling', () => {
    it('needs a reason, shown to the public and in the open data', async () => {
      const meeting = await builders(t).aMeeting(early.body, { date: '2024-02-08' })
      const change = {
        ...(await scrutiny.versionOf(`${meeting.url}/edit`)),
        'date-day': '8',
        'date-month': '2',
        'date-year': '2024',
        startTime: '18:00',
        venue: '',
        status: 'cancelled',
        notes: '',
      }
      const refused = await scrutiny.post(`${meeting.url}/edit`, change)
      expect(refused.statusCode).toBe(400)
      expect(errorSummary(refused.body)).toEqual(['Enter the reason the meeting was cancelled'])
      const saved = await scrutiny.post(`${meeting.url}/edit`, { ...change, statusReason: 'There was no business' })
      expect(saved.statusCode).toBe(303)
      expect(text((await t.visitor().get(meeting.url)).body)).toContain('Cancelled: There was no business')
      expect(await apiMeeting(meeting)).toMatchObject({ status: 'cancelled', statusReason: 'There was no business' })
    })
  })
})
