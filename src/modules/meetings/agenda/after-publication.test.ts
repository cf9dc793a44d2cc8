import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type AgendaItemRecord, type MeetingRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { errorSummary, fieldError, tags, text, texts } from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'

interface ApiItem {
  title: string
  urgent: boolean
  urgentReason: string | null
  status: string
  statusReason: string | null
  toFollow: boolean
}

const form = (fields: Record<string, string>) => ({
  number: '',
  title: '',
  purpose: '',
  pageFrom: '',
  pageTo: '',
  exempt: 'no',
  ...fields,
})

/** After the agenda is published: urgent items, reports to follow, withdrawn and deferred items. */
describe.each(testDatabases())('an agenda after publication on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord
  let fostering: AgendaItemRecord

  const publicPage = async () => (await t.visitor().get(meeting.url)).body
  const apiItem = async (title: string) =>
    json<{ items: ApiItem[] }>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`)).items.find(
      (item) => item.title === title,
    )
  const itemSection = async (position: number) => {
    const page = await publicPage()
    return { tags: tags(page, `#item-${position}`), text: texts(page, `#item-${position}`).join(' ') }
  }

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    meeting = await build.aMeeting(await build.aBody(), { date: '2024-02-08' })
    await build.anAgendaItem(meeting, { number: 1, title: 'Declarations of interest' })
    fostering = await build.anAgendaItem(meeting, { number: 2, title: 'Fostering sufficiency' })
    await build.anAgendaItem(meeting, { number: 3, title: 'Work programme' })
  })
  afterAll(() => t?.close())

  describe('an urgent item', () => {
    it('needs the chair’s reason', async () => {
      const refused = await scrutiny.post(
        `${meeting.url}/items`,
        form({ number: '4', title: 'Ofsted letter', urgent: 'yes' }),
      )
      expect(refused.statusCode).toBe(400)
      const message = 'Enter the chair’s reason for taking the item as a matter of urgency'
      expect(errorSummary(refused.body)).toEqual([message])
      expect(fieldError(refused.body, 'urgentReason')).toBe(`Error: ${message}`)
    })

    it('is shown to the public as urgent, with the reason, and recorded', async () => {
      const reason = 'The Ofsted letter arrived after the agenda was published and needs a response by 9 February'
      const added = await scrutiny.post(
        `${meeting.url}/items`,
        form({ number: '4', title: 'Ofsted letter', urgent: 'yes', urgentReason: reason }),
      )
      expect(added.statusCode).toBe(303)
      const shown = await itemSection(4)
      expect(shown.tags).toEqual(['Urgent item'])
      expect(shown.text).toContain(reason)
      expect(await apiItem('Ofsted letter')).toMatchObject({ urgent: true, urgentReason: reason, status: 'listed' })
      const event = await t.db
        .selectFrom('auditEvents')
        .select(['action', 'after'])
        .where('subjectId', '=', meeting.id)
        .where('action', '=', 'added agenda item')
        .orderBy('at', 'desc')
        .executeTakeFirstOrThrow()
      expect(event.after).toMatchObject({ title: 'Ofsted letter', urgent: true, urgentReason: reason })
    })

    it('keeps no reason once it is no longer urgent', async () => {
      await scrutiny.post(`${meeting.url}/items`, form({ title: 'Not urgent', urgentReason: 'Typed, then unticked' }))
      expect(await apiItem('Not urgent')).toMatchObject({ urgent: false, urgentReason: null })
    })
  })

  describe('a report to follow', () => {
    it('is shown as to follow until the report is written', async () => {
      const edit = `${fostering.url}/edit`
      expect(
        (await scrutiny.post(edit, form({ number: '2', title: fostering.title, toFollow: 'yes' }))).statusCode,
      ).toBe(303)
      expect((await itemSection(2)).text).toContain('Report to follow')
      expect(await apiItem(fostering.title)).toMatchObject({ toFollow: true })
      await builders(t).aReport(fostering, { title: 'Fostering sufficiency strategy' })
      const shown = await itemSection(2)
      expect(shown.text).not.toContain('Report to follow')
      expect(shown.text).toContain('Read the report')
      expect(await apiItem(fostering.title)).toMatchObject({ toFollow: false })
    })
  })

  describe('withdrawing and deferring', () => {
    it.each([
      ['withdrawn', 'Enter the reason the item was withdrawn'],
      ['deferred', 'Enter the reason the item was deferred'],
    ])('needs the reason an item was %s', async (status, message) => {
      const refused = await scrutiny.post(
        `${meeting.url}/items/3/edit`,
        form({ number: '3', title: 'Work programme', status }),
      )
      expect(refused.statusCode).toBe(400)
      expect(errorSummary(refused.body)).toEqual([message])
      expect(fieldError(refused.body, 'statusReason')).toBe(`Error: ${message}`)
    })

    it.each([
      ['withdrawn', 'Withdrawn', 'The report will come to the March meeting with the new figures'],
      ['deferred', 'Deferred', 'Deferred to 27 March 2024 at the request of the Director'],
    ])('shows a %s item in its place, with its tag and reason', async (status, tag, reason) => {
      const saved = await scrutiny.post(
        `${meeting.url}/items/3/edit`,
        form({ number: '3', title: 'Work programme', status, statusReason: reason }),
      )
      expect(saved.statusCode).toBe(303)
      expect(texts(await publicPage(), '.app-agenda-item h3')[2]).toBe('3. Work programme')
      const shown = await itemSection(3)
      expect(shown.tags).toEqual([tag])
      expect(shown.text).toContain(reason)
      expect(await apiItem('Work programme')).toMatchObject({ status, statusReason: reason })
    })

    it('lists an item again, without its old reason', async () => {
      const saved = await scrutiny.post(
        `${meeting.url}/items/3/edit`,
        form({ number: '3', title: 'Work programme', status: 'listed', statusReason: 'Old reason' }),
      )
      expect(saved.statusCode).toBe(303)
      expect((await itemSection(3)).tags).toEqual([])
      expect(await apiItem('Work programme')).toMatchObject({ status: 'listed', statusReason: null })
      expect(text(await publicPage())).not.toContain('Old reason')
    })
  })

  it('refuses these changes to a member, and sends the public to sign in', async () => {
    const member = await t.as('member')
    const urgent = form({ title: 'Sneaky', urgent: 'yes', urgentReason: 'Because' })
    expect((await member.post(`${meeting.url}/items`, urgent)).statusCode).toBe(403)
    const withdrawn = form({ number: '3', title: 'Work programme', status: 'withdrawn', statusReason: 'Because' })
    expect((await member.post(`${meeting.url}/items/3/edit`, withdrawn)).statusCode).toBe(403)
    const visitor = await t.visitor().post(`${meeting.url}/items/3/edit`, withdrawn)
    expect(visitor.statusCode).toBe(303)
    expect(visitor.headers.location).toMatch(/^\/sign-in/)
    expect(await apiItem('Work programme')).toMatchObject({ status: 'listed' })
    expect(await apiItem('Sneaky')).toBeUndefined()
  })
})
