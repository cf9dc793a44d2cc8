import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type AgendaItemRecord, type MeetingRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { confirmation, errorSummary, fieldError, text, textAt } from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'
import { NO_REQUESTS_WITH_SPEAKERS } from './no-requests.ts'
import { KIND_MISSING, MINUTES_NOT_A_NUMBER, NAMED_WITHOUT_NAME, TOO_MANY_MINUTES } from './schema.ts'

const blank = {
  kind: '',
  speakerName: '',
  onBehalfOf: '',
  agendaItemId: '',
  stance: '',
  minutesSpoken: '',
  summary: '',
}
const NO_ONE_ASKED = 'No members of the public asked to speak'

interface MeetingApi {
  deputations: Record<string, unknown>[]
  items: { position: number; publicParticipation: boolean; noRequestsToSpeak: boolean }[]
}

/** Deputations and public speakers: recorded by scrutiny officers, read by all once the agenda is published. */
describe.each(testDatabases())('deputations and public speakers on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord
  let speaking: AgendaItemRecord
  let quiet: MeetingRecord

  const speakerRows = () => t.db.selectFrom('publicSpeakers').select(['speakerName', 'minutesSpoken']).execute()
  const itemId = async (item: AgendaItemRecord) =>
    (
      await t.db
        .selectFrom('agendaItems')
        .select('id')
        .where('meetingId', '=', item.meeting.id)
        .where('position', '=', item.position)
        .executeTakeFirstOrThrow()
    ).id
  /** Marks the item as the public participation item, saying (or not) that no one asked to speak. */
  const markParticipation = async (item: AgendaItemRecord, noRequests: boolean) => {
    const opened = await scrutiny.openForm(`${item.url}/edit`)
    return scrutiny.post(`${item.url}/edit`, {
      ...opened,
      publicParticipation: 'yes',
      ...(noRequests ? { noRequestsToSpeak: 'yes' } : {}),
    })
  }

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody()
    meeting = await build.aMeeting(body, { date: '2024-02-08', agenda: 'draft' })
    await build.anAgendaItem(meeting, { number: 1, title: 'Declarations of interest' })
    speaking = await build.anAgendaItem(meeting, { number: 2, title: 'Public speaking' })
    quiet = await build.aMeeting(body, { date: '2024-03-07', agenda: 'draft' })
  })
  afterAll(() => t?.close())

  it('explains what is missing or wrong, next to the field and in the summary', async () => {
    const empty = await scrutiny.post(`${meeting.url}/speakers/new`, blank)
    expect(empty.statusCode).toBe(400)
    expect(errorSummary(empty.body)).toEqual([KIND_MISSING])
    expect(fieldError(empty.body, 'kind')).toBe(`Error: ${KIND_MISSING}`)

    const wrong = await scrutiny.post(`${meeting.url}/speakers/new`, {
      ...blank,
      kind: 'deputation',
      speakerNamed: 'yes',
      minutesSpoken: 'five',
    })
    expect(wrong.statusCode).toBe(400)
    expect(errorSummary(wrong.body)).toEqual([NAMED_WITHOUT_NAME, MINUTES_NOT_A_NUMBER])
    expect(fieldError(wrong.body, 'speakerName')).toBe(`Error: ${NAMED_WITHOUT_NAME}`)

    const long = await scrutiny.post(`${meeting.url}/speakers/new`, {
      ...blank,
      kind: 'deputation',
      minutesSpoken: '121',
    })
    expect(fieldError(long.body, 'minutesSpoken')).toBe(`Error: ${TOO_MANY_MINUTES}`)
    expect(await speakerRows()).toEqual([])
  })

  it('refuses members and the public, recording nothing', async () => {
    const member = await t.as('member')
    expect((await member.get(`${meeting.url}/speakers/new`)).statusCode).toBe(403)
    const posted = await member.post(`${meeting.url}/speakers/new`, { ...blank, kind: 'public speaker' })
    expect(posted.statusCode).toBe(403)
    const visitor = await t.visitor().get(`${meeting.url}/speakers/new`)
    expect([302, 303, 401, 403]).toContain(visitor.statusCode)
    expect(await speakerRows()).toEqual([])
  })

  it('adds a speaker with an audit entry, and changes them, refusing a save over a newer change', async () => {
    const added = await scrutiny.post(`${meeting.url}/speakers/new`, {
      ...blank,
      kind: 'deputation',
      speakerName: 'Jane Doe',
      onBehalfOf: 'Parents for Play',
      agendaItemId: await itemId(speaking),
      stance: 'against',
      minutesSpoken: '5',
      summary: 'Asked the committee to keep the youth club open.',
    })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`${meeting.url}#speaker-1`)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Speaker added')
    const events = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', meeting.id)
      .where('action', '=', 'added public speaker')
      .execute()
    expect(events).toHaveLength(1)

    const opened = await scrutiny.openForm(`${meeting.url}/speakers/1/edit`)
    expect(opened).toMatchObject({ kind: 'deputation', stance: 'against', minutesSpoken: '5' })
    const changed = await scrutiny.post(`${meeting.url}/speakers/1/edit`, { ...opened, minutesSpoken: '4' })
    expect(changed.statusCode).toBe(303)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Speaker updated')
    const stale = await scrutiny.post(`${meeting.url}/speakers/1/edit`, { ...opened, minutesSpoken: '6' })
    expect(stale.statusCode).toBe(409)
    expect(await speakerRows()).toEqual([{ speakerName: 'Jane Doe', minutesSpoken: 4 }])
    expect(textAt((await scrutiny.get(meeting.url)).body, '#speaker-1 .app-speaker')).toBe('Jane Doe')
  })

  it('is hidden until the agenda is published, then shows the speaker only as "A member of the public"', async () => {
    expect(text((await t.visitor().get(meeting.url)).body)).not.toContain('Parents for Play')
    await scrutiny.post(`${meeting.url}/agenda/publish`, { lateReason: 'Late' })
    const page = (await t.visitor().get(meeting.url)).body
    const underItem = textAt(page, '#item-2 .app-public-speakers')
    expect(underItem).toContain(
      'Deputation from A member of the public on behalf of Parents for Play, speaking against (4 minutes)',
    )
    expect(underItem).toContain('Asked the committee to keep the youth club open.')
    expect(text(page)).not.toContain('Jane Doe')
  })

  it('gives deputations in the API, naming only a speaker who agreed', async () => {
    await scrutiny.post(`${meeting.url}/speakers/new`, {
      ...blank,
      kind: 'public speaker',
      speakerName: 'Sam Brown',
      speakerNamed: 'yes',
      stance: 'neither',
    })
    const api = json<MeetingApi>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`))
    expect(api.deputations).toEqual([
      expect.objectContaining({ position: 1, kind: 'deputation', speakerName: null, onBehalfOf: 'Parents for Play' }),
      expect.objectContaining({ position: 2, kind: 'public speaker', speakerName: 'Sam Brown', agendaItemId: null }),
    ])
    expect(JSON.stringify(api)).not.toContain('Jane Doe')
    const page = (await t.visitor().get(meeting.url)).body
    expect(textAt(page, '#speakers #speaker-2 .app-speaker')).toBe('Sam Brown')
    expect(textAt(page, '#speakers #speaker-2')).toContain('speaking neither for nor against')
  })

  it('refuses "no one asked to speak" where speakers are recorded, saying why next to the box', async () => {
    const refused = await markParticipation(speaking, true)
    expect(refused.statusCode).toBe(400)
    expect(errorSummary(refused.body)).toEqual([NO_REQUESTS_WITH_SPEAKERS])
    expect(fieldError(refused.body, 'noRequestsToSpeak')).toBe(`Error: ${NO_REQUESTS_WITH_SPEAKERS}`)
    // Marking it the public participation item alone is fine.
    expect((await markParticipation(speaking, false)).statusCode).toBe(303)
    const api = json<MeetingApi>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`))
    expect(api.items.find((item) => item.position === 2)).toMatchObject({
      publicParticipation: true,
      noRequestsToSpeak: false,
    })
  })

  it('shows that no one asked to speak, and then refuses a speaker or a question until the item is changed', async () => {
    const item = await builders(t).anAgendaItem(quiet, { number: 3, title: 'Public speaking' })
    expect((await markParticipation(item, true)).statusCode).toBe(303)
    await scrutiny.post(`${quiet.url}/agenda/publish`, { lateReason: 'Late' })
    expect(textAt((await t.visitor().get(quiet.url)).body, '#item-1 .app-no-requests-to-speak')).toBe(NO_ONE_ASKED)
    const api = json<MeetingApi>(await t.visitor().get(`/api/v1/meetings/${quiet.id}`))
    expect(api.items[0]).toMatchObject({ publicParticipation: true, noRequestsToSpeak: true })

    const refusal = 'Item 3 records that no members of the public asked to speak: change that item first'
    const speaker = await scrutiny.post(`${quiet.url}/speakers/new`, { ...blank, kind: 'public speaker' })
    expect(speaker.statusCode).toBe(400)
    expect(errorSummary(speaker.body)).toEqual([refusal])
    const question = await scrutiny.post(`${quiet.url}/questions/new`, {
      question: 'Why was the park closed?',
      'receivedOn-day': '1',
      'receivedOn-month': '3',
      'receivedOn-year': '2024',
    })
    expect(question.statusCode).toBe(400)
    expect(errorSummary(question.body)).toEqual([refusal])
    const recorded = await t.db.selectFrom('publicSpeakers').select('id').where('meetingId', '=', quiet.id).execute()
    expect(recorded).toEqual([])
  })
})

/** The demo's public speaking items, as the minutes and agenda give them. */
describe.each(testDatabases())('the demo public speaking items on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it('says no one asked to speak in November, and leaves January open before its meeting', async () => {
    const november = (await t.visitor().get('/meetings/2023-11-09-children-and-young-peoples-scrutiny-committee')).body
    expect(textAt(november, '#item-4 .app-no-requests-to-speak')).toBe(NO_ONE_ASKED)
    const january = (await t.visitor().get('/meetings/2024-01-25-children-and-young-peoples-scrutiny-committee')).body
    expect(textAt(january, '#item-3')).toContain('Public speaking')
    expect(text(january)).not.toContain(NO_ONE_ASKED)
    const api = json<MeetingApi>(
      await t.visitor().get('/api/v1/meetings/2024-01-25-children-and-young-peoples-scrutiny-committee'),
    )
    expect(api.items.filter((item) => item.publicParticipation).map((item) => item.position)).toEqual([3])
    expect(api.deputations).toEqual([])
  })
})
