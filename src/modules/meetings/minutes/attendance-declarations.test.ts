import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, type PersonRecord, builders, submit } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { errorSummary, text } from '../../../../test/support/html.ts'

/** The attendance and declarations of a meeting as councils record them, and what the public then sees. */
describe.each(testDatabases())('attendance and declarations on $name', (database) => {
  let t: TestApp
  let officer: Agent
  let meeting: MeetingRecord
  let base: string
  let ada: PersonRecord
  let ben: PersonRecord
  let cal: PersonRecord
  let dee: PersonRecord
  const items: Record<number, string> = {}

  const rowOf = async (person: PersonRecord) =>
    (
      await t.db
        .selectFrom('attendance')
        .select('id')
        .where('meetingId', '=', meeting.id)
        .where('personId', '=', person.id)
        .executeTakeFirstOrThrow()
    ).id

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    officer = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody({ name: 'Schools panel' })
    ada = await build.aPerson({ name: 'Ada Adams', honorific: 'Councillor' })
    ben = await build.aPerson({ name: 'Ben Brown', honorific: 'Councillor' })
    cal = await build.aPerson({ name: 'Cal Cole', honorific: 'Councillor' })
    dee = await build.aPerson({ name: 'Dee Dale', honorific: 'Councillor' })
    for (const member of [ada, ben, dee]) await build.aMembership(body, member)
    meeting = await build.aMeeting(body, { date: '2023-10-05', status: 'held' })
    for (const [number, title] of [
      [1, 'Declarations of interest'],
      [2, 'School places'],
      [3, 'Budget'],
    ] as const) {
      await build.anAgendaItem(meeting, { number, title })
    }
    const rows = await t.db
      .selectFrom('agendaItems')
      .select(['id', 'position'])
      .where('meetingId', '=', meeting.id)
      .execute()
    for (const row of rows) items[row.position] = row.id
    base = `${meeting.url}/minutes`
    await submit(officer, `${base}/start`)
    await submit(officer, `${base}/attendance`, {
      personId: ada.id,
      capacity: 'member',
      status: 'present',
      chaired: 'yes',
    })
    await submit(officer, `${base}/attendance`, { personId: ben.id, capacity: 'member', status: 'present' })
  })
  afterAll(() => t?.close())

  it('asks whom a substitute replaced: a member who sent apologies, and only one substitute each', async () => {
    const form = await officer.get(`${base}/attendance/new`)
    expect(text(form.body)).toContain('Who did they substitute for?')
    const substitute = { personId: cal.id, capacity: 'substitute', status: 'present' }
    const unsaid = await officer.post(`${base}/attendance`, substitute)
    expect(unsaid.statusCode).toBe(400)
    expect(errorSummary(unsaid.body)).toEqual(['Select the member they substituted for'])
    expect(unsaid.body).toContain('id="substituteForId-error"')
    const benRow = await rowOf(ben)
    const notAway = await officer.post(`${base}/attendance`, { ...substitute, substituteForId: ben.id })
    expect(errorSummary(notAway.body)).toEqual(['Councillor Ben Brown is not recorded as sending apologies'])

    await submit(officer, `${base}/attendance/${benRow}/edit`, {
      personId: ben.id,
      capacity: 'member',
      status: 'apologies',
    })
    const nobody = await officer.post(`${base}/attendance`, { ...substitute, substituteForId: cal.id })
    expect(errorSummary(nobody.body)).toEqual(['Select a member in the attendance of this meeting'])
    await submit(officer, `${base}/attendance`, { ...substitute, substituteForId: ben.id })
    const second = await officer.post(`${base}/attendance`, {
      rawName: 'Mr X Other',
      capacity: 'substitute',
      status: 'present',
      substituteForId: ben.id,
    })
    expect(errorSummary(second.body)).toEqual([
      'Councillor Cal Cole is already recorded as substituting for Councillor Ben Brown',
    ])
    const back = await officer.post(`${base}/attendance/${benRow}/edit`, {
      personId: ben.id,
      capacity: 'member',
      status: 'present',
    })
    expect(errorSummary(back.body)).toEqual([
      'Councillor Cal Cole is recorded as their substitute. Change that entry first',
    ])
    const removed = await officer.post(`${base}/attendance/${benRow}/remove`)
    expect(errorSummary(removed.body)).toEqual([
      'Councillor Cal Cole substituted for Councillor Ben Brown. Change or remove that entry first',
    ])

    const minutes = text((await officer.get(base)).body)
    expect(minutes).toContain('Substitutes Councillor Cal Cole (substitute for Councillor Ben Brown)')
    expect(minutes).toContain('Apologies Councillor Ben Brown (substitute: Councillor Cal Cole)')
  })

  it('keeps someone present remotely apart, as not counted in the quorum, with the items they came and went at', async () => {
    expect(text((await officer.get(`${base}/attendance/new`)).body)).toContain(
      'Present remotely Watching or speaking by video: not counted in the quorum and cannot vote',
    )
    const away = await officer.post(`${base}/attendance`, {
      rawName: 'Ms E Evans',
      capacity: 'officer',
      status: 'apologies',
      arrivedAtItem: '4a',
      leftAtItem: '123456789012345678901',
    })
    expect(away.statusCode).toBe(400)
    expect(errorSummary(away.body)).toEqual([
      'Only enter when they arrived if they were present or in attendance',
      'Must be 20 characters or fewer',
    ])
    await submit(officer, `${base}/attendance`, {
      personId: dee.id,
      capacity: 'member',
      status: 'present remotely',
      arrivedAtItem: '2',
      leftAtItem: '3',
    })
    const minutes = text((await officer.get(base)).body)
    expect(minutes).toContain(
      'Present remotely Not counted in the quorum and unable to vote. Councillor Dee Dale (arrived at item 2) (left at item 3)',
    )
    expect(minutes).toMatch(/Present Councillor Ada Adams \(in the Chair\) Substitutes/)
  })

  it('records a declaration in the current code’s categories, for several items or the whole meeting', async () => {
    const empty = await officer.post(`${base}/declarations`, { category: 'other' })
    expect(errorSummary(empty.body)).toEqual([
      'Select who declared the interest',
      'Enter the council’s name for the interest',
      'Enter the nature of the interest',
      'Select whether they left the room, or that the minutes do not say',
    ])
    expect(empty.body).toContain('id="categoryLabel-error"')
    const dpi = {
      personId: ada.id,
      itemIds: [items[2], items[3]],
      category: 'disclosable pecuniary interest',
      nature: 'Owns land next to a school',
      leftRoom: 'yes',
      dispensation: 'Granted by the Standards Committee on 3 May 2023',
    }
    const absent = await officer.post(`${base}/declarations`, { ...dpi, personId: ben.id })
    expect(errorSummary(absent.body)).toEqual(['Select someone recorded as present or in attendance'])
    const elsewhere = await officer.post(`${base}/declarations`, { ...dpi, itemIds: [items[2], meeting.id] })
    expect(errorSummary(elsewhere.body)).toEqual(['Select agenda items of this meeting'])
    await submit(officer, `${base}/declarations`, dpi)
    await submit(officer, `${base}/declarations`, {
      personId: dee.id,
      category: 'other',
      categoryLabel: 'Prejudicial',
      nature: 'A governor of a school in the borough',
      leftRoom: 'not recorded',
    })
    const minutes = text((await officer.get(base)).body)
    expect(minutes).toContain(
      'Councillor Dee Dale The whole meeting Prejudicial A governor of a school in the borough ' +
        'Councillor Ada Adams 2. School places; 3. Budget Disclosable pecuniary interest Owns land next to a school ' +
        'They left the room. Dispensation: Granted by the Standards Committee on 3 May 2023',
    )
  })

  it('gives the public the statuses, substitutes and declarations in the open data once published', async () => {
    for (const number of [1, 2, 3]) await submit(officer, `${base}/items/${number}`, { minute: `Minute ${number}.` })
    await submit(officer, `${base}/publish`)
    const open = (await t.visitor().get(`/api/v1/meetings/${meeting.slug}`)).json()
    expect(open.attendance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Councillor Ben Brown', status: 'apologies', substituteFor: null }),
        expect.objectContaining({
          name: 'Councillor Cal Cole',
          capacity: 'substitute',
          status: 'present',
          substituteFor: 'Councillor Ben Brown',
        }),
        expect.objectContaining({
          name: 'Councillor Dee Dale',
          status: 'present remotely',
          arrivedAtItem: '2',
          leftAtItem: '3',
        }),
      ]),
    )
    expect(open.declarations).toEqual([
      {
        member: 'Councillor Dee Dale',
        category: 'other',
        categoryLabel: 'Prejudicial',
        itemIds: [],
        nature: 'A governor of a school in the borough',
        leftRoom: null,
        dispensation: null,
      },
      {
        member: 'Councillor Ada Adams',
        category: 'disclosable pecuniary interest',
        categoryLabel: null,
        itemIds: [items[2], items[3]],
        nature: 'Owns land next to a school',
        leftRoom: true,
        dispensation: 'Granted by the Standards Committee on 3 May 2023',
      },
    ])
    expect(open.items.map((item: { id: string }) => item.id)).toEqual([items[1], items[2], items[3]])
    const page = text((await t.visitor().get(base)).body)
    expect(page).toContain('Substitutes Councillor Cal Cole (substitute for Councillor Ben Brown)')
    expect(page).toContain('Present remotely Not counted in the quorum and unable to vote.')
  })

  it('shows on a person’s page their attendance record and their declarations, from published minutes', async () => {
    const page = async (person: PersonRecord) => text((await t.visitor().get(person.url)).body)
    expect(await page(ada)).toContain(
      'Attendance record Meetings attended out of meetings expected, by body Body Meetings attended Meetings expected ' +
        'Schools panel 1 1 From published minutes.',
    )
    expect(await page(ada)).toContain(
      'Declarations of interest Interests declared at meetings Meeting Item Category Nature ' +
        'Schools panel, 5 October 2023 2. School places; 3. Budget ' +
        'Disclosable pecuniary interest Owns land next to a school',
    )
    expect(await page(ben)).toContain('Schools panel 0 1')
    expect(await page(cal)).toContain('Schools panel 1 1')
    expect(await page(dee)).toContain('Schools panel, 5 October 2023 The whole meeting Prejudicial')
  })
})
