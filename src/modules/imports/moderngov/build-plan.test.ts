import { describe, expect, it } from 'vitest'
import { buildPlan, type PlanOptions } from './build-plan.ts'
import { planCounts } from './plan.ts'
import { readResponseFolder } from './read-folder.ts'

const input = readResponseFolder('test/fixtures/moderngov')
const options: PlanOptions = { bodies: [], from: null, to: null, today: '2024-06-01' }

describe('buildPlan on the fixture folder', () => {
  it('ties the files together by the ids inside them', async () => {
    const plan = buildPlan(await input, options)
    expect(plan.bodies.map((body) => [body.source.id, body.name, body.kind])).toEqual([
      ['101', 'Children and Young People Scrutiny Committee', 'committee'],
      ['102', 'Cabinet', 'executive'],
      ['103', 'Fostering Panel Sub-Committee', 'sub-committee'],
      ['104', 'Corporate Parenting Group', 'committee'],
    ])
    // The meeting's own response wins over the list; a meeting only listed is planned from the list.
    expect(plan.meetings.map((meeting) => [meeting.source.id, meeting.bodyId, meeting.date, meeting.status])).toEqual([
      ['2001', '101', '2024-03-14', 'held'],
      ['2002', '101', '2024-06-20', 'scheduled'],
      ['2003', '104', '2024-05-02', 'held'],
      ['2004', '101', '2024-09-12', 'cancelled'],
    ])
    expect(
      plan.items
        .filter((item) => item.meetingId === '2001')
        .map((item) => [item.number, item.minuteNumber, item.exempt]),
    ).toEqual([
      ['1.', 'CYP 1/24', false],
      ['4a', 'CYP 2/24', false],
      ['9.', 'CYP 3/24', true],
    ])
  })

  it('makes people of the councillors and of members who attend without being in the folder, officers a name only', async () => {
    const plan = buildPlan(await input, options)
    expect(plan.people.map((person) => [person.source.id, person.name, person.kind, person.ward])).toEqual([
      ['501', 'Ada Brightwater', 'councillor', 'Northgate'],
      ['502', 'Ben Oakfield', 'councillor', 'Northgate'],
      ['503', 'Cara Millstone', 'councillor', 'Southmead'],
      ['601', 'Dev Harrow', 'co-opted member', null],
    ])
    const officer = plan.attendance.find((attendance) => attendance.roleAtMeeting === 'Officer')
    expect(officer).toMatchObject({
      personId: null,
      rawName: "Director of Children's Services",
      status: 'in attendance',
    })
  })

  it('takes memberships with their role from attendance, leaving substitutes out', async () => {
    const plan = buildPlan(await input, options)
    expect(plan.memberships.map((membership) => [membership.bodyId, membership.personId, membership.role])).toEqual([
      ['101', '501', 'chair'],
      ['101', '502', 'vice-chair'],
      ['101', '601', 'co-opted member'],
    ])
  })

  it('keeps the restricted document as restricted, with where it comes from', async () => {
    const plan = buildPlan(await input, options)
    expect(plan.documents.map((document) => [document.itemId, document.restricted, document.publishedOn])).toEqual([
      ['9102', false, '2024-03-06'],
      ['9103', true, '2024-03-06'],
    ])
  })

  it('lists what cannot be mapped with file and id, and the malformed file as an error', async () => {
    const plan = buildPlan(await input, options)
    expect(plan.notMapped).toContainEqual({
      file: 'meeting-2003-unknown-element.xml',
      record: 'agenda item',
      id: '9301',
      reason: 'unknown element <presentationslot> on line 18',
    })
    expect(plan.notMapped).toContainEqual(expect.objectContaining({ file: 'meetings-101.xml', id: '2004' }))
    expect(plan.errors.map((error) => error.file)).toEqual(['malformed.xml'])
    expect(Object.fromEntries(planCounts(plan))).toEqual({
      Bodies: 4,
      People: 4,
      Memberships: 3,
      Meetings: 4,
      'Agenda items': 6,
      'Item minutes': 3,
      'Exempt items': 1,
      Attendance: 6,
      'Document references': 2,
    })
  })
})

describe('buildPlan with choices', () => {
  it('keeps only the bodies named, in any case, and their meetings', async () => {
    const plan = buildPlan(await input, { ...options, bodies: ['corporate parenting group'] })
    expect(plan.bodies.map((body) => body.name)).toEqual(['Corporate Parenting Group'])
    expect(plan.meetings.map((meeting) => meeting.source.id)).toEqual(['2003'])
    expect(plan.errors.map((error) => error.file)).toEqual(['malformed.xml'])
  })

  it('says when a body named is not in the folder', async () => {
    const plan = buildPlan(await input, { ...options, bodies: ['Planning Committee'] })
    expect(plan.errors).toContainEqual({
      file: '--body',
      message: 'no committee named "Planning Committee" is in the folder',
    })
    expect(plan.meetings).toEqual([])
  })

  it('keeps only meetings from and to the dates given, both included', async () => {
    const plan = buildPlan(await input, { ...options, from: '2024-05-02', to: '2024-06-20' })
    expect(plan.meetings.map((meeting) => meeting.source.id)).toEqual(['2002', '2003'])
    expect(plan.items.every((item) => ['2002', '2003'].includes(item.meetingId))).toBe(true)
  })
})
