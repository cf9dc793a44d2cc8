import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { text } from '../../../../test/support/html.ts'
import { readPdf } from '../../../../test/support/papers.ts'

/** Published means frozen, for minutes: publishing and approval keep the PDF; going back to draft withdraws it. */
describe.each(testDatabases())('kept minutes on $name', (database) => {
  let t: TestApp
  let officer: Agent
  let meeting: MeetingRecord
  let approvingItemId: string
  let chairId: string
  let minutes: string

  const bytesOf = async (agent: Agent, url: string) => {
    const response = await agent.get(url)
    expect(response.statusCode, url).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    return response.rawPayload
  }
  /** The address of the minutes' kept paper, the first kept being 1 (the agenda's pack has versions too). */
  const keptUrl = async (nth: number) => {
    const rows = await t.db
      .selectFrom('publishedPapers')
      .select('version')
      .where('meetingId', '=', meeting.id)
      .where('kind', '=', 'minutes')
      .orderBy('version')
      .execute()
    expect(rows.length).toBeGreaterThanOrEqual(nth)
    return `${meeting.url}/papers/${rows[nth - 1].version}.pdf`
  }
  const post = async (url: string, form: Record<string, string> = {}) => {
    const response = await officer.post(url, form)
    expect(response.statusCode, url).toBe(303)
  }

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    officer = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody({ name: 'Kept minutes panel' })
    const chair = await build.aPerson({ name: 'Priya Keeper', honorific: 'Councillor' })
    chairId = chair.id
    meeting = await build.aMeeting(body, { date: '2023-10-05', status: 'held' })
    await build.anAgendaItem(meeting, { number: 1, title: 'Fostering sufficiency' })
    await build.anAgendaItem(meeting, { number: 2, title: 'A child’s placement', exempt: { paragraph: 1 } })
    await build.minutesOf(meeting, {
      present: [chair],
      items: {
        1: { minute: 'The panel heard about foster carers.', resolutions: ['To note the report.'] },
        2: { minute: 'Wombat placement detail.', resolutions: ['Wombat resolution.'] },
      },
      publish: false,
    })
    const later = await build.aMeeting(body, { date: '2023-12-07', status: 'held' })
    await build.anAgendaItem(later, { number: 1, title: 'Minutes of the last meeting held on 5 October 2023' })
    approvingItemId = (
      await t.db.selectFrom('agendaItems').select('id').where('meetingId', '=', later.id).executeTakeFirstOrThrow()
    ).id
    minutes = `${meeting.url}/minutes`
  })
  afterAll(() => t?.close())

  it('keeps the minutes as the public reads them when they are published, and gives the public those bytes', async () => {
    await post(`${minutes}/publish`)
    const kept = await bytesOf(t.visitor(), await keptUrl(1))
    const read = await readPdf(kept)
    expect(read.title).toBe('Minutes of Kept minutes panel, Thursday 5 October 2023')
    expect(read.text).toContain('The panel heard about foster carers.')
    expect(read.text).not.toContain('Wombat')
    expect(read.text).not.toContain('draft')
    expect(await bytesOf(t.visitor(), `${minutes}.pdf`)).toEqual(kept)
    const page = text((await t.visitor().get(meeting.url)).body)
    expect(page).toContain(
      `Minutes of Kept minutes panel, Thursday 5 October 2023, version ${(await keptUrl(1)).match(/(\d+)\.pdf$/)?.[1]} (PDF)`,
    )
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', meeting.id)
      .where('action', '=', 'stored published minutes')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('gives the public the kept bytes after the record changes, and staff who read more a paper made now', async () => {
    await t.db.updateTable('people').set({ name: 'Priya Renamed' }).where('id', '=', chairId).execute()
    const kept = await bytesOf(t.visitor(), await keptUrl(1))
    expect(await bytesOf(t.visitor(), `${minutes}.pdf`)).toEqual(kept)
    expect(await bytesOf(await t.as('member'), `${minutes}.pdf`)).toEqual(kept)
    const now = await readPdf(await bytesOf(officer, `${minutes}.pdf`))
    expect(now.text).toContain('Priya Renamed')
    expect(now.text).toContain('Wombat placement detail.')
    expect((await readPdf(kept)).text).toContain('Priya Keeper')
  })

  it('withdraws the kept minutes from the public when they go back to draft, and keeps them listed for staff', async () => {
    await post(`${minutes}/unpublish`, { reason: 'The wrong chair was named' })
    expect((await t.visitor().get(await keptUrl(1))).statusCode).toBe(404)
    expect((await t.visitor().get(`${minutes}.pdf`)).statusCode).toBe(404)
    const first = await keptUrl(1)
    const name = `version ${first.match(/(\d+)\.pdf$/)?.[1]} (PDF)`
    expect(text((await t.visitor().get(meeting.url)).body)).not.toContain(
      `Minutes of Kept minutes panel, Thursday 5 October 2023, ${name}`,
    )
    await bytesOf(officer, first)
    expect(text((await officer.get(meeting.url)).body)).toContain(
      `${name} 22 January 2024 Withdrawn on 22 January 2024: The wrong chair was named`,
    )
  })

  it('keeps a new version when they are published again', async () => {
    await post(`${minutes}/publish`)
    const kept = await bytesOf(t.visitor(), await keptUrl(2))
    expect((await readPdf(kept)).text).toContain('Priya Renamed')
    expect(await bytesOf(t.visitor(), `${minutes}.pdf`)).toEqual(kept)
  })

  it('keeps the approved minutes as a version with a note, and gives them to the public from then on', async () => {
    await post(`${minutes}/approve`, { agendaItemId: approvingItemId, amendment: '' })
    const kept = await bytesOf(t.visitor(), await keptUrl(3))
    expect((await readPdf(kept)).text).toContain(
      'Approved as a correct record at the meeting on 7 December 2023 under item 1.',
    )
    expect(await bytesOf(t.visitor(), `${minutes}.pdf`)).toEqual(kept)
    const page = text((await t.visitor().get(meeting.url)).body)
    const version = (await keptUrl(3)).match(/(\d+)\.pdf$/)?.[1]
    expect(page).toContain(
      `version ${version} (PDF) 22 January 2024 Approved as a correct record at the meeting on 7 December 2023`,
    )
  })
})
