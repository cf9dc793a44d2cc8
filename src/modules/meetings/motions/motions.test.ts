import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, type PersonRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import {
  choices,
  confirmation,
  count,
  errorSummary,
  fieldError,
  table,
  text,
  textAt,
} from '../../../../test/support/html.ts'
import { json } from '../../../../test/support/json.ts'
import { SAME_MOVER_AND_SECONDER } from './schema.ts'

const blankMotion = { agendaItemId: '', moverId: '', seconderId: '', text: '', substantiveText: '', outcome: '' }
const blankAmendment = { moverId: '', seconderId: '', text: '', outcome: '' }

/** Motions and amendments: recorded by scrutiny officers, read by all with the published minutes. */
describe.each(testDatabases())('motions and amendments on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord
  let mover: PersonRecord
  let seconder: PersonRecord
  let absent: PersonRecord
  let itemId: string

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody()
    mover = await build.aPerson({ name: 'Ann Mover', honorific: 'Councillor' })
    seconder = await build.aPerson({ name: 'Sam Seconder', honorific: 'Councillor' })
    absent = await build.aPerson({ name: 'Pat Elsewhere', honorific: 'Councillor' })
    meeting = await build.aMeeting(body, { date: '2024-01-10' })
    await build.anAgendaItem(meeting, { number: 1, title: 'Children missing education' })
    await build.anAgendaItem(meeting, { number: 2, title: 'A placement contract', exempt: { paragraph: 3 } })
    await build.minutesOf(meeting, {
      present: [mover, seconder],
      items: { 1: { minute: 'Discussed.' }, 2: { minute: 'Considered in private.' } },
      publish: false,
    })
    itemId = (
      await t.db.selectFrom('agendaItems').select('id').where('meetingId', '=', meeting.id).executeTakeFirstOrThrow()
    ).id
  })
  afterAll(() => t?.close())

  it('offers the people in the attendance and explains what is missing or wrong next to the field', async () => {
    const form = (await scrutiny.get(`${meeting.url}/motions/new`)).body
    expect(choices(form, `${meeting.url}/motions/new`, 'moverId').map((choice) => choice.text)).toEqual([
      'No one recorded',
      'Councillor Ann Mover',
      'Councillor Sam Seconder',
    ])

    const empty = await scrutiny.post(`${meeting.url}/motions/new`, {
      ...blankMotion,
      moverId: mover.id,
      seconderId: mover.id,
    })
    expect(empty.statusCode).toBe(400)
    // In the form's order: the seconder comes before the motion's text.
    expect(errorSummary(empty.body)).toEqual([SAME_MOVER_AND_SECONDER, 'Enter the motion'])
    expect(fieldError(empty.body, 'seconderId')).toBe(`Error: ${SAME_MOVER_AND_SECONDER}`)

    const stranger = await scrutiny.post(`${meeting.url}/motions/new`, {
      ...blankMotion,
      text: 'That the committee asks for a report.',
      moverId: absent.id,
    })
    expect(stranger.statusCode).toBe(400)
    expect(fieldError(stranger.body, 'moverId')).toBe("Error: Choose someone in this meeting's attendance")

    const substantive = await scrutiny.post(`${meeting.url}/motions/new`, {
      ...blankMotion,
      text: 'That the committee asks for a report.',
      substantiveText: 'As amended.',
    })
    expect(fieldError(substantive.body, 'substantiveText')).toBe(
      'Error: Leave the substantive motion blank unless an amendment was carried or accepted',
    )
    expect(await t.db.selectFrom('motions').select('id').execute()).toEqual([])
  })

  it('refuses members and the public', async () => {
    const member = await t.as('member')
    expect((await member.get(`${meeting.url}/motions/new`)).statusCode).toBe(403)
    const posted = await member.post(`${meeting.url}/motions/new`, { ...blankMotion, text: 'That we adjourn.' })
    expect(posted.statusCode).toBe(403)
    const visitor = await t.visitor().post(`${meeting.url}/motions/new`, { ...blankMotion, text: 'That we adjourn.' })
    expect([302, 303, 401, 403]).toContain(visitor.statusCode)
    expect(await t.db.selectFrom('motions').select('id').execute()).toEqual([])
  })

  it('adds a motion and its amendment with audit entries, and decides the amendment before the motion', async () => {
    const added = await scrutiny.post(`${meeting.url}/motions/new`, {
      ...blankMotion,
      agendaItemId: itemId,
      moverId: mover.id,
      seconderId: seconder.id,
      text: 'That the committee asks for a report on children missing education.',
    })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`${meeting.url}#motion-1`)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Motion added')
    const amended = await scrutiny.post(`${meeting.url}/motions/1/amendments/new`, {
      ...blankAmendment,
      moverId: seconder.id,
      seconderId: mover.id,
      text: 'Add "by March".',
    })
    expect(amended.statusCode).toBe(303)
    expect(confirmation((await scrutiny.get(meeting.url)).body)).toBe('Amendment added')
    const actions = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', meeting.id)
      .where('action', 'in', ['added motion', 'added amendment'])
      .orderBy('at')
      .execute()
    expect(actions.map((event) => event.action)).toEqual(['added motion', 'added amendment'])

    const opened = await scrutiny.openForm(`${meeting.url}/motions/1/edit`)
    const early = await scrutiny.post(`${meeting.url}/motions/1/edit`, { ...opened, outcome: 'carried' })
    expect(early.statusCode).toBe(400)
    expect(fieldError(early.body, 'outcome')).toBe('Error: Record the outcome of amendment 1 first')

    const amendment = await scrutiny.openForm(`${meeting.url}/motions/1/amendments/1/edit`)
    const carried = await scrutiny.post(`${meeting.url}/motions/1/amendments/1/edit`, {
      ...amendment,
      outcome: 'carried',
    })
    expect(carried.statusCode).toBe(303)
    const decided = await scrutiny.post(`${meeting.url}/motions/1/edit`, {
      ...opened,
      outcome: 'carried',
      substantiveText: 'That the committee asks for a report on children missing education by March.',
    })
    expect(decided.statusCode).toBe(303)
    // A second save from the form as first opened would overwrite that change: it is refused.
    const stale = await scrutiny.post(`${meeting.url}/motions/1/edit`, { ...opened, text: 'Something else.' })
    expect(stale.statusCode).toBe(409)
    expect(text(stale.body)).toContain('Your changes have not been saved')

    const late = await scrutiny.post(`${meeting.url}/motions/1/amendments/new`, {
      ...blankAmendment,
      text: 'Too late.',
    })
    expect(fieldError(late.body, 'outcome')).toBe(
      'Error: Record the outcome of the amendment: the motion it amends has been decided',
    )
    const undone = await scrutiny.post(`${meeting.url}/motions/1/amendments/1/edit`, {
      ...(await scrutiny.openForm(`${meeting.url}/motions/1/amendments/1/edit`)),
      outcome: 'lost',
    })
    expect(fieldError(undone.body, 'outcome')).toBe(
      'Error: The motion has a substantive motion, so an amendment to it must be carried or accepted: change the motion first',
    )
  })

  it('shows the motion to staff under its item, and to the public only once the minutes are published', async () => {
    const staffPage = (await scrutiny.get(meeting.url)).body
    expect(textAt(staffPage, '#motion-1 .app-moved-by')).toBe(
      'Moved by Councillor Ann Mover, seconded by Councillor Sam Seconder',
    )
    const before = (await t.visitor().get(meeting.url)).body
    expect(text(before)).not.toContain('children missing education by March')
    const apiBefore = json<{ motions: unknown[] }>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`))
    expect(apiBefore.motions).toEqual([])
    expect((await t.visitor().get(`/people/${mover.slug}`)).body).not.toContain('Motions and amendments moved')

    expect((await scrutiny.post(`${meeting.url}/minutes/publish`)).statusCode).toBe(303)
    const page = (await t.visitor().get(meeting.url)).body
    const underItem = textAt(page, '#item-1 .app-motions')
    expect(underItem).toContain('Amendment 1')
    expect(underItem).toContain('Moved by Councillor Sam Seconder, seconded by Councillor Ann Mover')
    expect(textAt(page, '#motion-1 .app-substantive-motion')).toBe(
      'That the committee asks for a report on children missing education by March.',
    )
    expect(textAt(page, '#motion-1 > p .app-outcome')).toBe('Carried')
    expect(text(page)).not.toContain('Add an amendment')
    const minutes = (await t.visitor().get(`${meeting.url}/minutes`)).body
    expect(textAt(minutes, '#item-1 .app-motions')).toContain('Motion 1')
  })

  it('lists what a councillor moved or seconded on their page', async () => {
    const page = (await t.visitor().get(`/people/${seconder.slug}`)).body
    expect(table(page, { caption: 'Motions and amendments this person moved or seconded' })).toEqual([
      ['Motion', 'Role', 'Meeting', 'Item', 'Outcome'],
      ['Motion 1', 'Seconded', expect.stringContaining('10 January 2024'), '1. Children missing education', 'Carried'],
      [
        'Amendment 1 to motion 1',
        'Moved',
        expect.stringContaining('10 January 2024'),
        '1. Children missing education',
        'Carried',
      ],
    ])
  })

  it('gives the motion with its amendment in the open data', async () => {
    const api = json<{ motions: unknown[] }>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`))
    expect(api.motions).toEqual([
      {
        position: 1,
        agendaItemId: itemId,
        mover: { id: mover.id, name: 'Councillor Ann Mover' },
        seconder: { id: seconder.id, name: 'Councillor Sam Seconder' },
        text: 'That the committee asks for a report on children missing education.',
        substantiveText: 'That the committee asks for a report on children missing education by March.',
        outcome: 'carried',
        amendments: [
          {
            position: 1,
            mover: { id: seconder.id, name: 'Councillor Sam Seconder' },
            seconder: { id: mover.id, name: 'Councillor Ann Mover' },
            text: 'Add "by March".',
            outcome: 'carried',
            vote: null,
          },
        ],
        vote: null,
      },
    ])
  })

  it('withholds from the public a motion under an exempt item, as it withholds the minute of the item', async () => {
    const exemptItem = await t.db
      .selectFrom('agendaItems')
      .select('id')
      .where('meetingId', '=', meeting.id)
      .where('position', '=', 2)
      .executeTakeFirstOrThrow()
    const added = await scrutiny.post(`${meeting.url}/motions/new`, {
      ...blankMotion,
      agendaItemId: exemptItem.id,
      moverId: mover.id,
      text: 'That the contract be awarded to the second bidder.',
    })
    expect(added.statusCode).toBe(303)
    const unsigned = await scrutiny.post(`${meeting.url}/motions/2/amendments/new`, {
      ...blankAmendment,
      text: 'Leave out "second".',
    })
    expect(unsigned.statusCode).toBe(303)
    const staffPage = (await scrutiny.get(meeting.url)).body
    expect(textAt(staffPage, '#item-2 .app-motions')).toContain('second bidder')
    expect(textAt(staffPage, '#motion-2 > .app-moved-by')).toBe('Moved by Councillor Ann Mover')
    // An amendment with no mover or seconder recorded says nothing about them.
    expect(count(staffPage, '#motion-2-amendment-1 .app-moved-by')).toBe(0)

    const visitor = t.visitor()
    expect(text((await visitor.get(meeting.url)).body)).not.toContain('second bidder')
    expect(text((await visitor.get(`${meeting.url}/minutes`)).body)).not.toContain('second bidder')
    const api = json<{ motions: { position: number }[] }>(await visitor.get(`/api/v1/meetings/${meeting.id}`))
    expect(api.motions.map((motion) => motion.position)).toEqual([1])
    const person = (await visitor.get(`/people/${mover.slug}`)).body
    expect(text(person)).toContain('Motions and amendments moved')
    expect(text(person)).not.toContain('Motion 2')
  })
})
