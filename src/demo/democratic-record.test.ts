import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { testDatabases } from '../../test/support/databases.ts'
import { openDemoDatabase } from '../../test/support/demo-database.ts'
import { DEMO_ACCOUNTS } from './index.ts'

const COMMITTEE = 'children-and-young-peoples-scrutiny-committee'
const SEP = `2023-09-21-${COMMITTEE}`
const NOV = `2023-11-09-${COMMITTEE}`
const JAN = `2024-01-25-${COMMITTEE}`

/** The database of the suite that is running. */
let handle: DatabaseHandle<Database>

function itemsOf(meetingSlug: string) {
  return handle.db
    .selectFrom('agendaItems')
    .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
    .selectAll('agendaItems')
    .where('meetings.slug', '=', meetingSlug)
    .orderBy('agendaItems.position')
    .execute()
}

function attendanceOf(meetingSlug: string) {
  return handle.db
    .selectFrom('attendance')
    .innerJoin('meetings', 'meetings.id', 'attendance.meetingId')
    .leftJoin('people', 'people.id', 'attendance.personId')
    .select(['attendance.rawName', 'attendance.capacity', 'attendance.status', 'attendance.chaired'])
    .select(['people.slug as personSlug', 'attendance.roleAtMeeting'])
    .where('meetings.slug', '=', meetingSlug)
    .orderBy('attendance.position')
    .execute()
}

function resolutionsOf(meetingSlug: string, itemNumber: number) {
  return handle.db
    .selectFrom('resolutions')
    .innerJoin('agendaItems', 'agendaItems.id', 'resolutions.agendaItemId')
    .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
    .select(['resolutions.number', 'resolutions.text'])
    .where('meetings.slug', '=', meetingSlug)
    .where('agendaItems.number', '=', String(itemNumber))
    .orderBy('resolutions.number')
    .execute()
}

describe.each(testDatabases())('the demo democratic record on $name', (database) => {
  beforeAll(async () => {
    handle = await openDemoDatabase(database)
  })

  afterAll(async () => {
    await handle?.close()
  })

  it('has the three bodies, Flanagan chairing the committee and two Cabinet Members on the Executive', async () => {
    const bodies = await handle.db.selectFrom('bodies').select(['slug', 'kind']).orderBy('slug').execute()
    expect(bodies).toEqual([
      { slug: COMMITTEE, kind: 'committee' },
      { slug: 'executive', kind: 'executive' },
      { slug: 'resilient-communities-and-childrens-scrutiny-committee', kind: 'committee' },
    ])
    const members = await handle.db
      .selectFrom('memberships')
      .innerJoin('bodies', 'bodies.id', 'memberships.bodyId')
      .innerJoin('people', 'people.id', 'memberships.personId')
      .select(['bodies.slug as body', 'people.slug as person', 'memberships.role'])
      .execute()
    const committee = members.filter((m) => m.body === COMMITTEE)
    expect(committee).toHaveLength(11)
    expect(committee.filter((m) => m.role === 'chair').map((m) => m.person)).toEqual(['flanagan'])
    expect(
      committee
        .filter((m) => m.role === 'co-opted member')
        .map((m) => m.person)
        .sort(),
    ).toEqual(['gemma-clayton', 'jo-snape'])
    expect(
      members
        .filter((m) => m.body === 'executive')
        .map((m) => m.person)
        .sort(),
    ).toEqual(['jim-hobson', 'kath-benson'])
  })

  it('names people as the papers do, with the demo accounts pointing at real records', async () => {
    const people = await handle.db.selectFrom('people').selectAll().execute()
    const bySlug = new Map(people.map((p) => [p.slug, p]))
    expect(bySlug.get('shaun-brookes')).toMatchObject({ name: 'Shaun Brookes', honorific: 'Councillor' })
    expect(bySlug.get('kath-benson')?.jobTitle).toBe('Cabinet Member for Young People and Aspiration')
    expect(bySlug.get('sharon-davis')).toMatchObject({ jobTitle: 'Scrutiny Manager', kind: 'officer' })
    expect(bySlug.get('jo-snape')?.kind).toBe('co-opted member')
    for (const { person } of DEMO_ACCOUNTS) if (person) expect(bySlug.has(person), person).toBe(true)
  })

  it('has five meetings with the right dates, times, statuses and agendas published', async () => {
    const meetings = await handle.db
      .selectFrom('meetings')
      .select(['slug', 'date', 'startTime', 'venue', 'status', 'agendaPublishedOn', 'type', 'contact'])
      .orderBy('date')
      .execute()
    expect(meetings.map((m) => [m.date, m.status, m.startTime, m.agendaPublishedOn])).toEqual([
      ['2018-04-12', 'held', null, '2018-04-04'],
      ['2023-09-21', 'held', null, '2023-09-13'],
      ['2023-11-09', 'held', '18:00', '2023-11-01'],
      // The date on the front sheet of the agenda pack.
      ['2024-01-25', 'scheduled', '18:00', '2024-01-16'],
      // A draft: only staff see its agenda.
      ['2024-03-27', 'scheduled', '18:00', null],
    ])
    expect(meetings.find((m) => m.slug === JAN)).toMatchObject({
      venue: 'Committee Room A, Town Hall, Blackpool',
      // Named on the front sheet for queries about the agenda.
      contact: 'Sharon Davis, Scrutiny Manager, 01253 477213, sharon.davis@blackpool.gov.uk',
    })
    expect(meetings.every((m) => m.type === 'ordinary')).toBe(true)
  })

  it('gives 25 January 2024 its eleven agenda items with the front-sheet page ranges', async () => {
    const items = await itemsOf(JAN)
    expect(items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'])
    expect(items[0].title).toBe('Declarations of interest')
    expect(items[7]).toMatchObject({ pageFrom: 63, pageTo: 112 })
    expect(items[1]).toMatchObject({ pageFrom: 1, pageTo: 6 })
    expect(items[2]).toMatchObject({ pageFrom: null, pageTo: null })
    expect(items.every((i) => i.minute === '')).toBe(true)
  })

  it('marks each public speaking item, recording no requests to speak only where the minutes say so', async () => {
    const participation = await handle.db
      .selectFrom('agendaItems')
      .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
      .select(['meetings.slug', 'agendaItems.number', 'agendaItems.title', 'agendaItems.noRequestsToSpeak'])
      .where('agendaItems.publicParticipation', '=', true)
      .orderBy('meetings.date')
      .execute()
    // January's and March's meetings are still to come on the demo's date: requests may yet arrive.
    expect(participation).toEqual([
      { slug: SEP, number: '3', title: 'Public speaking', noRequestsToSpeak: true },
      { slug: NOV, number: '4', title: 'Public speaking', noRequestsToSpeak: true },
      { slug: JAN, number: '3', title: 'Public speaking', noRequestsToSpeak: false },
      { slug: `2024-03-27-${COMMITTEE}`, number: '3', title: 'Public speaking', noRequestsToSpeak: false },
    ])
    expect(await handle.db.selectFrom('publicSpeakers').select('id').execute()).toEqual([])
  })

  it('records who chaired and attended the 2023 meetings', async () => {
    const september = await attendanceOf(SEP)
    expect(september.filter((a) => a.chaired).map((a) => a.personSlug)).toEqual(['flanagan'])
    expect(september.filter((a) => a.capacity === 'member')).toHaveLength(8)
    expect(september.find((a) => a.personSlug === 'chris-coyle')).toMatchObject({
      status: 'in attendance',
      capacity: 'officer',
    })
    const november = await attendanceOf(NOV)
    expect(november.filter((a) => a.chaired).map((a) => a.personSlug)).toEqual(['shaun-brookes'])
    expect(november.find((a) => a.rawName === 'Mrs Scott')?.personSlug).toBe('michele-scott')
    expect(november.filter((a) => a.capacity === 'cabinet member').map((a) => a.personSlug)).toEqual([
      'kath-benson',
      'jim-hobson',
    ])
    expect([...september, ...november].every((a) => a.personSlug)).toBe(true)
    expect([...september, ...november].some((a) => a.status === 'apologies')).toBe(false)
  })

  it('numbers the resolutions where the Committee agreed something', async () => {
    const plan = await resolutionsOf(SEP, 6)
    expect(plan.map((r) => r.number)).toEqual([1, 2, 3])
    expect(plan[0].text).toMatch(/domestic abuse review report/)
    expect(await resolutionsOf(SEP, 8)).toHaveLength(1)
    expect(await resolutionsOf(NOV, 10)).toHaveLength(3)
    expect((await resolutionsOf(NOV, 1))[0].text).toMatch(/Shaun Brookes/)
    expect(await resolutionsOf(NOV, 12)).toHaveLength(0)
  })

  it('approves the September minutes at the November meeting and leaves November for January', async () => {
    const minutes = await handle.db
      .selectFrom('minutes')
      .innerJoin('meetings', 'meetings.id', 'minutes.meetingId')
      .leftJoin('meetings as approvedAt', 'approvedAt.id', 'minutes.approvedAtMeetingId')
      .leftJoin('agendaItems', 'agendaItems.id', 'minutes.approvedAtItemId')
      .select(['meetings.slug', 'minutes.status', 'minutes.endedAtTime', 'minutes.noDeclarations'])
      .select(['approvedAt.slug as approvedAtSlug', 'agendaItems.number as approvedAtItem', 'minutes.approvedOn'])
      .orderBy('meetings.date')
      .execute()
    expect(minutes).toEqual([
      {
        slug: SEP,
        status: 'approved',
        endedAtTime: '19:48',
        noDeclarations: true,
        approvedAtSlug: NOV,
        approvedAtItem: '3',
        approvedOn: '2023-11-09',
      },
      {
        slug: NOV,
        status: 'published',
        endedAtTime: '19:56',
        noDeclarations: true,
        approvedAtSlug: null,
        approvedAtItem: null,
        approvedOn: null,
      },
    ])
  })

  it('attaches a report to items 4 to 10 of 25 January 2024 and to the 2018 meeting', async () => {
    const reports = await handle.db
      .selectFrom('reports')
      .innerJoin('agendaItems', 'agendaItems.id', 'reports.agendaItemId')
      .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
      .select(['meetings.slug', 'agendaItems.number', 'reports.title', 'reports.relevantOfficer'])
      .select(['reports.recommendations', 'reports.withinBudget', 'reports.contraryToPlan', 'reports.financial'])
      .orderBy('meetings.date')
      .orderBy('agendaItems.position')
      .execute()
    expect(reports).toHaveLength(8)
    expect(reports.filter((r) => r.slug === JAN).map((r) => r.number)).toEqual(['4', '5', '6', '7', '8', '9', '10'])
    expect(reports[0]).toMatchObject({
      title: "Children's Services update report",
      relevantOfficer: "Diane Booth, Director of Children's Services",
    })
    const workplan = reports.find((r) => r.slug === JAN && r.number === '10')
    expect(workplan?.recommendations).toHaveLength(3)
    const send = reports.find((r) => r.number === '7')
    expect(send).toMatchObject({ contraryToPlan: null, withinBudget: null })
    expect(reports.find((r) => r.number === '5')?.withinBudget).toBe('not applicable')
  })

  it('has exactly one exempt appendix: the EX48/2023 financial appendix under paragraph 3', async () => {
    const appendices = await handle.db.selectFrom('appendices').selectAll().execute()
    const exempt = appendices.filter((a) => a.exemptParagraph !== null)
    expect(exempt).toHaveLength(1)
    expect(exempt[0].exemptParagraph).toBe(3)
    expect(exempt[0].exemptReviewOn).toBe('2025-01-25')
    expect(exempt[0].body).toContain('Commercial figures')
    expect(exempt[0].exemptReason).toBeTruthy()
    const open = appendices.filter((a) => a.exemptParagraph === null)
    expect(open.some((a) => a.body.includes('Commercial figures'))).toBe(false)
    expect(open.map((a) => a.label)).toContain('Appendix 4(a)')
  })

  it('keeps the narrative short, in its own words', async () => {
    const items = await handle.db.selectFrom('agendaItems').select(['title', 'minute', 'purpose']).execute()
    for (const item of items) {
      expect(item.minute.length, item.title).toBeLessThan(450)
      expect(item.minute.split(/[.!?](?:\s|$)/).filter(Boolean).length, item.title).toBeLessThanOrEqual(3)
      expect(item.purpose.length, item.title).toBeLessThan(200)
    }
    const reports = await handle.db.selectFrom('reports').select(['title', 'background']).execute()
    for (const report of reports) expect(report.background.length, report.title).toBeLessThan(600)
  })
})
