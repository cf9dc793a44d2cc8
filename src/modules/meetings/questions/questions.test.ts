import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { confirmation, errorSummary, fieldError, text, textAt } from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'
import { NOT_REACHED_ANSWERED_AT_MEETING, SUPPLEMENTARY_ANSWER_NEEDS_QUESTION } from './schema.ts'

const received = { 'receivedOn-day': '5', 'receivedOn-month': '2', 'receivedOn-year': '2024' }
const blank = {
  askerName: '',
  toWhom: '',
  agendaItemId: '',
  question: '',
  answer: '',
  answeredAt: '',
  supplementary: '',
  supplementaryAnswer: '',
}

/** The public's questions at a meeting: recorded by scrutiny officers, read by all once the agenda is published. */
describe.each(testDatabases())('public questions on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    meeting = await build.aMeeting(await build.aBody(), { date: '2024-02-08', agenda: 'draft' })
    await build.anAgendaItem(meeting, { number: 1, title: 'Declarations of interest' })
  })
  afterAll(() => t?.close())

  it('explains what is missing or contradictory, next to the field and in the summary', async () => {
    const empty = await scrutiny.post(`${meeting.url}/questions/new`, { ...blank, ...received })
    expect(empty.statusCode).toBe(400)
    expect(errorSummary(empty.body)).toEqual(['Enter the question'])
    expect(fieldError(empty.body, 'question')).toBe('Error: Enter the question')

    const contradictory = await scrutiny.post(`${meeting.url}/questions/new`, {
      ...blank,
      ...received,
      question: 'How many children wait for a placement?',
      answer: 'Twelve.',
      answeredAt: 'meeting',
      notReached: 'yes',
      supplementaryAnswer: 'Nine of them are over ten.',
    })
    expect(contradictory.statusCode).toBe(400)
    expect(errorSummary(contradictory.body)).toEqual([
      NOT_REACHED_ANSWERED_AT_MEETING,
      SUPPLEMENTARY_ANSWER_NEEDS_QUESTION,
    ])
    expect(fieldError(contradictory.body, 'supplementary')).toBe(`Error: ${SUPPLEMENTARY_ANSWER_NEEDS_QUESTION}`)
    expect(await t.db.selectFrom('publicQuestions').select('id').execute()).toEqual([])
  })

  it('refuses members and the public', async () => {
    const member = await t.as('member')
    expect((await member.get(`${meeting.url}/questions/new`)).statusCode).toBe(403)
    const posted = await member.post(`${meeting.url}/questions/new`, { ...blank, ...received, question: 'Why?' })
    expect(posted.statusCode).toBe(403)
    const visitor = await t.visitor().get(`${meeting.url}/questions/new`)
    expect([302, 303, 401, 403]).toContain(visitor.statusCode)
    expect(await t.db.selectFrom('publicQuestions').select('id').execute()).toEqual([])
  })

  it('adds a question with an audit entry, and changes it', async () => {
    const added = await scrutiny.post(`${meeting.url}/questions/new`, {
      ...blank,
      ...received,
      askerName: 'Jane Doe',
      toWhom: 'the Cabinet Member for Children',
      question: 'How many children wait for a placement?',
    })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`${meeting.url}#question-1`)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Question added')
    const events = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', meeting.id)
      .where('action', '=', 'added public question')
      .execute()
    expect(events).toHaveLength(1)

    const opened = await scrutiny.openForm(`${meeting.url}/questions/1/edit`)
    const changed = await scrutiny.post(`${meeting.url}/questions/1/edit`, { ...opened, notReached: 'yes' })
    expect(changed.statusCode).toBe(303)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Question updated')
    // A second save from the form as first opened would overwrite that change: it is refused.
    const stale = await scrutiny.post(`${meeting.url}/questions/1/edit`, { ...opened, toWhom: 'the Leader' })
    expect(stale.statusCode).toBe(409)
    expect(text(stale.body)).toContain('Your changes have not been saved')
    expect(text((await scrutiny.get(meeting.url)).body)).toContain('Jane Doe')
  })

  it('is hidden until the agenda is published, then shows the asker only as "A member of the public"', async () => {
    expect(text((await t.visitor().get(meeting.url)).body)).not.toContain('How many children wait')
    await scrutiny.post(`${meeting.url}/agenda/publish`, { lateReason: 'Late' })
    const page = (await t.visitor().get(meeting.url)).body
    expect(textAt(page, '#question-1 .app-asker')).toBe('A member of the public')
    expect(text(page)).not.toContain('Jane Doe')
    expect(textAt(page, '#question-1 .app-not-reached')).toBe('Not reached: a written answer will be published')
  })

  it('gives the question in the API without the name of an asker who did not agree to be named', async () => {
    const api = json<{ questions: Record<string, unknown>[] }>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`))
    expect(api.questions).toEqual([
      expect.objectContaining({ position: 1, askerName: null, question: 'How many children wait for a placement?' }),
    ])
    expect(JSON.stringify(api)).not.toContain('Jane Doe')
  })
  it('names an asker who agreed, under the agenda item the question belongs to', async () => {
    const item = await t.db
      .selectFrom('agendaItems')
      .select('id')
      .where('meetingId', '=', meeting.id)
      .executeTakeFirstOrThrow()
    const added = await scrutiny.post(`${meeting.url}/questions/new`, {
      ...blank,
      ...received,
      askerName: 'Sam Brown',
      askerNamed: 'yes',
      agendaItemId: item.id,
      question: 'Who declared an interest?',
      answer: 'No one.',
      answeredAt: 'meeting',
      supplementary: 'And last time?',
      supplementaryAnswer: 'One member.',
    })
    expect(added.statusCode).toBe(303)
    const page = (await t.visitor().get(meeting.url)).body
    const underItem = textAt(page, '#item-1 .app-public-questions')
    expect(underItem).toContain('Sam Brown')
    expect(underItem).toContain('And last time?')
    expect(underItem).toContain('One member.')
    expect(textAt(page, '#questions')).not.toContain('Who declared an interest?')
  })
})
