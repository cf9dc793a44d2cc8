import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type AgendaItemRecord, type MeetingRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { count, errorSummary, fieldError, text, texts } from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'

interface ApiMeeting {
  supplements: { number: number; title: string; publishedOn: string; note: string | null }[]
  items: { title: string; supplementary: number | null }[]
}

const SELECT_ITEMS = 'Select the items this supplementary agenda publishes'

/** Supplementary agendas: items added after the agenda was published, published together. */
describe.each(testDatabases())('supplementary agendas on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord
  let ofsted: string
  let sufficiency: string

  const newPath = (m: MeetingRecord) => `${m.url}/agenda/supplements/new`
  const api = async () => json<ApiMeeting>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`))
  const idOf = async (item: AgendaItemRecord) =>
    (
      await t.db
        .selectFrom('agendaItems')
        .select('id')
        .where('meetingId', '=', item.meeting.id)
        .where('position', '=', item.position)
        .executeTakeFirstOrThrow()
    ).id
  const offered = async () => texts((await scrutiny.get(newPath(meeting))).body, '.govuk-checkboxes__label')
  const supplementCount = async () =>
    (await t.db.selectFrom('agendaSupplements').select('id').where('meetingId', '=', meeting.id).execute()).length

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    meeting = await build.aMeeting(await build.aBody(), { date: '2024-02-08', agenda: 'draft' })
    await build.anAgendaItem(meeting, { number: 1, title: 'Declarations of interest' })
    await scrutiny.post(`${meeting.url}/agenda/publish`, { lateReason: '' })
  })
  afterAll(() => t?.close())

  it('is refused before the agenda is published', async () => {
    const build = builders(t)
    const draft = await build.aMeeting(await build.aBody(), { date: '2024-03-14', agenda: 'draft' })
    const item = await build.anAgendaItem(draft, { number: 1, title: 'Draft item' })
    const page = await scrutiny.get(newPath(draft))
    expect(text(page.body)).toContain('The agenda has not been published yet')
    expect(count(page.body, 'input[name="itemIds"]')).toBe(0)
    const refused = await scrutiny.post(newPath(draft), { title: '', note: '', itemIds: await idOf(item) })
    expect(refused.statusCode).not.toBe(303)
    expect(text(refused.body)).toContain('The agenda has not been published yet')
    const made = await t.db.selectFrom('agendaSupplements').select('id').where('meetingId', '=', draft.id).execute()
    expect(made).toEqual([])
  })

  it('says so when no item has been added since the agenda was published', async () => {
    const page = await scrutiny.get(newPath(meeting))
    expect(page.statusCode).toBe(200)
    expect(text(page.body)).toContain('There are no items added since the agenda was published')
  })

  it('offers only the items added since the agenda was published', async () => {
    const build = builders(t)
    ofsted = await idOf(await build.anAgendaItem(meeting, { number: 2, title: 'Ofsted monitoring letter' }))
    sufficiency = await idOf(await build.anAgendaItem(meeting, { number: 3, title: 'Sufficiency update' }))
    expect(await offered()).toEqual(['2. Ofsted monitoring letter', '3. Sufficiency update'])
  })

  it('needs at least one item, and a title of 200 characters or fewer', async () => {
    const refused = await scrutiny.post(newPath(meeting), { title: 'x'.repeat(201), note: '' })
    expect(refused.statusCode).toBe(400)
    expect(errorSummary(refused.body)).toEqual(['Must be 200 characters or fewer', SELECT_ITEMS])
    expect(fieldError(refused.body, 'itemIds')).toBe(`Error: ${SELECT_ITEMS}`)
    expect(await supplementCount()).toBe(0)
  })

  it('refuses a member, and sends the public to sign in', async () => {
    const member = await t.as('member')
    expect((await member.get(newPath(meeting))).statusCode).toBe(403)
    expect((await member.post(newPath(meeting), { itemIds: ofsted })).statusCode).toBe(403)
    const visitor = await t.visitor().post(newPath(meeting), { itemIds: ofsted })
    expect(visitor.statusCode).toBe(303)
    expect(visitor.headers.location).toMatch(/^\/sign-in/)
    expect(await supplementCount()).toBe(0)
  })

  it('publishes the ticked items today, shows them to the public and records it', async () => {
    const note = 'The monitoring letter arrived after the agenda was published'
    const published = await scrutiny.post(newPath(meeting), { title: '', note, itemIds: ofsted })
    expect(published.statusCode).toBe(303)

    const page = (await t.visitor().get(meeting.url)).body
    expect(texts(page, '#item-2 .app-supplement-of-item')).toEqual([
      'Published in Supplementary agenda 1 on 22 January 2024',
    ])
    expect(texts(page, '#item-3 .app-supplement-of-item')).toEqual([])
    expect(texts(page, '#supplements li strong')).toEqual(['Supplementary agenda 1'])
    expect(texts(page, '#supplements li').join(' ')).toContain(`published on 22 January 2024: ${note}`)

    expect(await api()).toMatchObject({
      supplements: [{ number: 1, title: 'Supplementary agenda 1', publishedOn: '2024-01-22', note }],
      items: [
        { title: 'Declarations of interest', supplementary: null },
        { title: 'Ofsted monitoring letter', supplementary: 1 },
        { title: 'Sufficiency update', supplementary: null },
      ],
    })

    const event = await t.db
      .selectFrom('auditEvents')
      .select(['after'])
      .where('subjectId', '=', meeting.id)
      .where('action', '=', 'published supplementary agenda')
      .executeTakeFirstOrThrow()
    expect(event.after).toMatchObject({ number: 1, title: 'Supplementary agenda 1', itemIds: [ofsted] })
  })

  it('numbers the next one 2, and does not publish an item twice', async () => {
    const again = await scrutiny.post(newPath(meeting), { title: '', note: '', itemIds: ofsted })
    expect(again.statusCode).toBe(400)
    expect(errorSummary(again.body)).toEqual([SELECT_ITEMS])

    expect(await offered()).toEqual(['3. Sufficiency update'])
    const title = 'Sufficiency figures'
    expect((await scrutiny.post(newPath(meeting), { title, note: '', itemIds: sufficiency })).statusCode).toBe(303)
    expect((await api()).supplements).toEqual([
      expect.objectContaining({ number: 1 }),
      { number: 2, title, publishedOn: '2024-01-22', note: null },
    ])
    expect(texts((await t.visitor().get(meeting.url)).body, '#item-3 .app-supplement-of-item')).toEqual([
      `Published in ${title} on 22 January 2024`,
    ])
  })
})
