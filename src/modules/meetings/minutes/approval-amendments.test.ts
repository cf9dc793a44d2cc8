import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, builders, submit } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { text } from '../../../../test/support/html.ts'

const AMENDMENT = 'Minute 2, second sentence: “twelve places” should read “fifteen places”.'

/** Minutes approved as a correct record with amendments: the amendment kept and shown, the published draft kept. */
describe.each(testDatabases())('minutes approved with amendments on $name', (database) => {
  let t: TestApp
  let officer: Agent
  let october: MeetingRecord
  let december: MeetingRecord
  let january: MeetingRecord

  const firstItemOf = async (meeting: MeetingRecord) =>
    (
      await t.db
        .selectFrom('agendaItems')
        .select('id')
        .where('meetingId', '=', meeting.id)
        .where('position', '=', 1)
        .executeTakeFirstOrThrow()
    ).id

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false, today: '2024-03-01' })
    officer = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody({ name: 'Schools panel' })
    const chair = await build.aPerson({ name: 'Ada Adams', honorific: 'Councillor' })
    await build.aMembership(body, chair)
    const meetings: MeetingRecord[] = []
    for (const date of ['2023-10-05', '2023-12-07', '2024-01-18']) {
      const meeting = await build.aMeeting(body, { date, status: 'held' })
      await build.anAgendaItem(meeting, { number: 1, title: 'Minutes of the last meeting' })
      await build.anAgendaItem(meeting, { number: 2, title: 'School places' })
      await build.minutesOf(meeting, {
        present: [chair],
        items: { 1: { minute: 'Agreed.' }, 2: { minute: `The panel heard that twelve places were added in ${date}.` } },
      })
      meetings.push(meeting)
    }
    ;[october, december, january] = meetings
  })
  afterAll(() => t?.close())

  it('shows the public the approval with its amendments, and the draft as it was published', async () => {
    await submit(officer, `${october.url}/minutes/approve`, {
      agendaItemId: await firstItemOf(december),
      amendment: AMENDMENT,
    })
    const page = await t.visitor().get(`${october.url}/minutes`)
    expect(text(page.body)).toContain(
      `Approved as a correct record at the meeting on 7 December 2023 under item 1, with amendments: ${AMENDMENT}`,
    )
    const link =
      /href="(\/meetings\/[^"]+\/minutes\/versions\/[0-9a-f-]{36})">Read the draft published on ([^,]+), before the amendments/.exec(
        page.body,
      )
    expect(link).not.toBeNull()
    const draft = await t.visitor().get(link![1])
    expect(draft.statusCode).toBe(200)
    expect(text(draft.body)).toContain(
      'This is not the record. It is the draft published on ' +
        `${link![2]}, which the meeting on 7 December 2023 approved with amendments.`,
    )
    expect(text(draft.body)).toContain('Present Councillor Ada Adams (in the Chair)')
    expect(text(draft.body)).toContain('2. School places The panel heard that twelve places were added in 2023-10-05.')

    const open = (await t.visitor().get(`/api/v1/meetings/${october.slug}`)).json()
    expect(open.minutesStatus).toBe('approved')
    expect(open.approval).toMatchObject({ on: '2023-12-07', item: '1', amendment: AMENDMENT })
    const history = text((await officer.get(`${october.url}/minutes`)).body)
    expect(history).toMatch(/History of changes .*Approved minutes with amendments .*Published minutes/)
  })

  it('keeps no draft when the minutes are approved as written', async () => {
    await submit(officer, `${december.url}/minutes/approve`, {
      agendaItemId: await firstItemOf(january),
      amendment: '',
    })
    const page = text((await t.visitor().get(`${december.url}/minutes`)).body)
    expect(page).toContain('Approved as a correct record at the meeting on 18 January 2024 under item 1.')
    expect(page).not.toContain('Read the draft published')
  })

  it('answers a draft that is not this meeting’s, or minutes not yet approved, as not found', async () => {
    const [kept] = await t.db.selectFrom('minutesVersions').select('id').execute()
    expect((await t.visitor().get(`${december.url}/minutes/versions/${kept.id}`)).statusCode).toBe(404)
    expect((await t.visitor().get(`${january.url}/minutes/versions/${kept.id}`)).statusCode).toBe(404)
    expect((await t.visitor().get(`${october.url}/minutes/versions/not-an-id`)).statusCode).toBe(404)
  })
})
