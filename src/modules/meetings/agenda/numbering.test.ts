import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, type PersonRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { confirmation, errorSummary, fieldError, formFields, texts } from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'

interface ApiItem {
  number: string | null
  position: number
  minuteNumber: string | null
  title: string
}

/** Numbers are labels: the council's own, or none; items are in the order the officer puts them. */
describe.each(testDatabases())('agenda item numbers and order on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord
  let chair: PersonRecord

  const headings = async (agent: Agent = t.visitor()) =>
    texts((await agent.get(meeting.url)).body, '.app-agenda-item h3')
  const apiItems = async () => json<{ items: ApiItem[] }>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`)).items

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody()
    chair = await build.aPerson({ name: 'Paul Burdess' })
    await build.aMembership(body, chair, { role: 'chair' })
    meeting = await build.aMeeting(body, { date: '2024-01-18', status: 'held' })
    await build.anAgendaItem(meeting, { number: '1', title: 'Declarations of interest' })
    await build.anAgendaItem(meeting, { number: '4a', title: 'Fostering sufficiency' })
    await build.anAgendaItem(meeting, { number: '', title: 'Any other business' })
    await build.anAgendaItem(meeting, { number: '12.', title: 'Work programme' })
  })
  afterAll(() => t?.close())

  it('shows each number as the council writes it, and an unnumbered item by its title alone', async () => {
    expect(await headings()).toEqual([
      '1. Declarations of interest',
      '4a. Fostering sufficiency',
      'Any other business',
      '12. Work programme',
    ])
    expect(await apiItems()).toMatchObject([
      { number: '1', position: 1 },
      { number: '4a', position: 2 },
      { number: null, position: 3, title: 'Any other business' },
      { number: '12.', position: 4 },
    ])
  })

  it('suggests the next number in the same form as the last', async () => {
    const form = await scrutiny.get(`${meeting.url}/items/new`)
    expect(formFields(form.body, `${meeting.url}/items`).number).toBe('13.')
  })

  it('refuses a number already on the agenda, whatever its form', async () => {
    const taken = await scrutiny.post(`${meeting.url}/items`, {
      number: '4a',
      title: 'Again',
      purpose: '',
      exempt: 'no',
    })
    expect(taken.statusCode).toBe(400)
    expect(errorSummary(taken.body)).toEqual(['Item 4a is already on this agenda: choose another number'])
    expect(fieldError(taken.body, 'number')).toBe('Error: Item 4a is already on this agenda: choose another number')
  })

  it('moves an item up and down, keeping its number, and records the move', async () => {
    const up = await scrutiny.post(`${meeting.url}/items/3/move`, { direction: 'up' })
    expect(up.statusCode).toBe(303)
    expect(up.headers.location).toBe(`${meeting.url}#item-2`)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Agenda item moved up')
    expect(await headings()).toEqual([
      '1. Declarations of interest',
      'Any other business',
      '4a. Fostering sufficiency',
      '12. Work programme',
    ])
    expect((await scrutiny.post(`${meeting.url}/items/2/move`, { direction: 'down' })).statusCode).toBe(303)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Agenda item moved down')
    expect((await apiItems()).map((item) => item.title)).toEqual([
      'Declarations of interest',
      'Fostering sufficiency',
      'Any other business',
      'Work programme',
    ])
    const moves = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', meeting.id)
      .where('action', 'like', 'moved agenda item%')
      .orderBy('at')
      .execute()
    expect(moves.map((event) => event.action)).toEqual(['moved agenda item up', 'moved agenda item down'])
  })

  it('leaves the first item first when asked to move it up', async () => {
    expect((await scrutiny.post(`${meeting.url}/items/1/move`, { direction: 'up' })).statusCode).toBe(303)
    expect((await headings())[0]).toBe('1. Declarations of interest')
    // Nothing moved: nothing to confirm.
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('')
  })

  it('offers the moves only to those who build agendas, and refuses them to anyone else', async () => {
    const page = await scrutiny.get(meeting.url)
    expect(texts(page.body, '.app-agenda-item button')).toContain('Move up item “Any other business”')
    expect(texts((await t.visitor().get(meeting.url)).body, '.app-agenda-item button')).toEqual([])
    const member = await t.as('member')
    expect((await member.post(`${meeting.url}/items/2/move`, { direction: 'down' })).statusCode).toBe(403)
    const visitor = await t.visitor().post(`${meeting.url}/items/2/move`, { direction: 'down' })
    expect(visitor.statusCode).toBe(303)
    expect(visitor.headers.location).toMatch(/^\/sign-in/)
    expect((await headings())[1]).toBe('4a. Fostering sufficiency')
  })

  it('keeps a minute’s own number, shown beside the minute once the minutes are published', async () => {
    await builders(t).minutesOf(meeting, { present: [chair], items: {}, publish: false })
    const minuteOf = `${meeting.url}/minutes/items/2`
    const tooLong = await scrutiny.post(minuteOf, { minuteNumber: 'CYP 2024 minute 1/10a', minute: 'Noted.' })
    expect(tooLong.statusCode).toBe(400)
    expect(errorSummary(tooLong.body)).toEqual(['Minute number must be 20 characters or fewer'])
    expect((await scrutiny.post(minuteOf, { minuteNumber: 'CYP 1/10', minute: 'Noted.' })).statusCode).toBe(303)
    expect((await apiItems())[1].minuteNumber).toBeNull()
    for (const position of [1, 3, 4]) {
      await scrutiny.post(`${meeting.url}/minutes/items/${position}`, { minuteNumber: '', minute: 'Noted.' })
    }
    expect((await scrutiny.post(`${meeting.url}/minutes/publish`, {})).statusCode).toBe(303)
    const minutes = await t.visitor().get(`${meeting.url}/minutes`)
    expect(texts(minutes.body, '#item-2 .govuk-caption-m')).toEqual(['Minute CYP 1/10'])
    expect((await apiItems()).map((item) => item.minuteNumber)).toEqual([null, 'CYP 1/10', null, null])
  })
})
