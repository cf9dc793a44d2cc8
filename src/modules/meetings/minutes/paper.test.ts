import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { readDocx, readPdf } from '../../../../test/support/papers.ts'
import type { Agent } from '../../../../test/support/agent.ts'

describe.each(testDatabases())('printed minutes on $name', (database) => {
  let t: TestApp
  let officer: Agent
  let minutes: string
  let unstarted: string
  beforeAll(async () => {
    t = await startTestApp(database)
    officer = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody({ name: 'Printed minutes panel' })
    const chair = await build.aPerson({ name: 'Paula Printer', honorific: 'Councillor' })
    const meeting = await build.aMeeting(body, { date: '2023-10-05', status: 'held' })
    await build.anAgendaItem(meeting, { number: 1, title: 'Fostering sufficiency' })
    await build.anAgendaItem(meeting, { number: 2, title: 'A child’s placement', exempt: { paragraph: 1 } })
    await build.minutesOf(meeting, {
      present: [chair],
      items: {
        1: {
          minute: 'The committee heard about foster carers.',
          resolutions: ['To note the report.', 'To ask for more.'],
        },
        2: { minute: 'Wombat placement detail.', resolutions: ['Wombat resolution.'] },
      },
      publish: false,
    })
    minutes = `${meeting.url}/minutes`
    const recorded = [
      await officer.post(`${meeting.url}/votes/new?item=1`, {
        description: 'The recommendation to note the report',
        votesFor: '1',
        votesAgainst: '0',
        abstentions: '0',
        recorded: 'yes',
        [`vote-${chair.id}`]: 'for',
      }),
      await officer.post(`${meeting.url}/motions/new`, { text: 'That the panel thanks the foster carers.' }),
    ]
    expect(recorded.map((response) => response.statusCode)).toEqual([303, 303])
    const later = await build.aMeeting(body, { date: '2023-12-07', status: 'held' })
    unstarted = `${later.url}/minutes`
  })
  afterAll(() => t?.close())

  it('prints draft minutes for those who record minutes only, as the page shows them', async () => {
    const pdf = await officer.get(`${minutes}.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect((await readPdf(pdf.rawPayload)).text).toContain('These minutes are a draft')
    for (const agent of [t.visitor(), await t.newAccount('member')]) {
      expect((await agent.get(minutes)).statusCode).toBe(404)
      expect((await agent.get(`${minutes}.pdf`)).statusCode).toBe(404)
      expect((await agent.get(`${minutes}.docx`)).statusCode).toBe(404)
    }
  })

  it('answers 404 for minutes not started, and for a meeting that does not exist', async () => {
    expect((await officer.get(unstarted)).statusCode).toBe(200)
    expect((await officer.get(`${unstarted}.pdf`)).statusCode).toBe(404)
    expect((await officer.get('/meetings/2023-01-01-nobody/minutes.docx')).statusCode).toBe(404)
  })

  describe('once published', () => {
    beforeAll(async () => {
      const published = await officer.post(`${minutes}/publish`)
      expect(published.statusCode).toBe(303)
    })

    it('offers the minutes page’s printed forms on the page', async () => {
      const page = (await t.visitor().get(minutes)).body
      expect(page).toContain(`href="${minutes}.pdf">Print or download the minutes (PDF)</a>`)
      expect(page).toContain(`href="${minutes}.docx">Print or download the minutes (Word)</a>`)
    })

    it('prints for the public a tagged PDF with a bookmark per item and the exempt item’s title and paragraph only', async () => {
      const response = await t.visitor().get(`${minutes}.pdf`)
      expect(response.statusCode).toBe(200)
      const pdf = await readPdf(response.rawPayload)
      expect(pdf.tagged).toBe(true)
      expect(pdf.title).toBe('Minutes of Printed minutes panel, Thursday 5 October 2023')
      expect(pdf.outline.map((entry) => entry.title)).toEqual([
        'Attendance and declarations',
        '1. Fostering sufficiency',
        '2. A child’s placement',
        'The meeting as a whole',
      ])
      const text = pdf.text.replace(/\s+/g, ' ')
      expect(text).toContain('Published')
      expect(text).toContain('Councillor Paula Printer (in the Chair)')
      expect(text).toContain('There were no declarations of interest.')
      expect(text).toContain('The committee heard about foster carers.')
      expect(text).toMatch(/The Committee agreed: 1\.? To note the report\. 2\.? To ask for more\./)
      expect(text).toContain('2. A child’s placement Exempt under paragraph 1 of Part 1 of Schedule 12A')
      expect(text).toContain(
        'Votes The recommendation to note the report Carried: 1 for, 0 against, no abstentions For Councillor Paula Printer',
      )
      expect(text).toContain('Motions Motion 1: Not yet decided That the panel thanks the foster carers.')
      expect(text).toMatch(/Chair \.+ Date \.+/)
      expect(text).not.toContain('Wombat')
    })

    it('prints the same as a Word document, exempt words left out for the public', async () => {
      const response = await t.visitor().get(`${minutes}.docx`)
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-disposition']).toContain('.docx')
      const text = await readDocx(response.rawPayload)
      expect(text).toContain('Councillor Paula Printer (in the Chair)')
      expect(text).toContain('To ask for more.')
      expect(text).toContain('Exempt under paragraph 1 of Part 1 of Schedule 12A')
      expect(text).not.toContain('Wombat')
    })

    it('prints the exempt item’s minute and resolutions for those who may read them', async () => {
      const pdf = await readPdf((await officer.get(`${minutes}.pdf`)).rawPayload)
      expect(pdf.text).toContain('Wombat placement detail.')
      expect(pdf.text).toContain('Wombat resolution.')
      const docx = await readDocx((await officer.get(`${minutes}.docx`)).rawPayload)
      expect(docx).toContain('Wombat placement detail.')
    })
  })
})
