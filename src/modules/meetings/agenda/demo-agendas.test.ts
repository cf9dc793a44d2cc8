import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { links, summaryList, text } from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const JANUARY = `/meetings/2024-01-25-${BODY}`
const MARCH = `/meetings/2024-03-27-${BODY}`

/** The demo's agendas: every past one and 25 January 2024's published, 27 March 2024's a draft. */
describe.each(testDatabases())('the demo’s agendas on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it('shows the public the 25 January 2024 agenda, published on the date of its front sheet', async () => {
    const page = await t.visitor().get(JANUARY)
    expect(summaryList(page.body).Agenda).toBe('Published on 16 January 2024')
    expect(text(page.body)).toContain("8. Children's social care improvement plan progress update")
    expect(text(page.body)).not.toContain('Published late')
  })

  it('gives the public the notice of 27 March 2024 but not its draft agenda', async () => {
    const page = await t.visitor().get(MARCH)
    expect(text(page.body)).toContain('Wednesday 27 March 2024')
    expect(text(page.body)).toContain('The agenda has not been published yet.')
    expect(text(page.body)).not.toContain('Young Inspectors Team update')
    // Search finds the work programme's public item, never the draft agenda's item.
    const search = (await t.visitor().get('/search?q=Young+Inspectors')).body
    expect(text(search)).toContain('Work programme item Young Inspectors Team update')
    expect(links(search).filter((link) => link.startsWith(MARCH))).toEqual([])
    const meetings = json<{ meetings: { date: string; agendaPublishedOn: string | null }[] }>(
      await t.visitor().get(`/api/v1/meetings?pageSize=100`),
    ).meetings
    expect(meetings.map((m) => [m.date, m.agendaPublishedOn])).toEqual([
      ['2018-04-12', '2018-04-04'],
      ['2023-09-21', '2023-09-13'],
      ['2023-11-09', '2023-11-01'],
      ['2024-01-25', '2024-01-16'],
      ['2024-03-27', null],
    ])
  })

  it('shows the scrutiny officer the draft, ready to publish', async () => {
    const page = await (await t.as('scrutiny_officer')).get(MARCH)
    expect(summaryList(page.body).Agenda).toBe('Draft agenda: not yet published')
    expect(text(page.body)).toContain('5. Young Inspectors Team update')
    expect(text(page.body)).toContain('Publish agenda')
  })
})
