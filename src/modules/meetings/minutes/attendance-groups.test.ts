import { describe, expect, it } from 'vitest'
import type { AttendanceCapacity, AttendanceStatus } from '../tables.ts'
import { attendeeName, groupAttendance, membersOnDate } from './attendance-groups.ts'

const row = (name: string, capacity: AttendanceCapacity, status: AttendanceStatus, chaired = false) => ({
  name,
  capacity,
  status,
  chaired,
})
const names = (rows: { name: string }[]) => rows.map((r) => r.name)

describe('groupAttendance', () => {
  const groups = groupAttendance([
    row('Bamborough', 'member', 'present'),
    row('Flanagan', 'member', 'present', true),
    row('Clayton', 'co-opted member', 'present'),
    row('Hoyle', 'substitute', 'present'),
    row('Cooper', 'member', 'apologies'),
    row('Snape', 'co-opted member', 'apologies'),
    row('Jones', 'member', 'absent'),
    row('Coyle', 'officer', 'in attendance'),
    row('Hobson', 'cabinet member', 'in attendance'),
    row('Galley', 'other', 'present'),
    row('Hunter', 'member', 'present remotely'),
    row('Walsh', 'substitute', 'present remotely'),
    row('Roe', 'member', 'expected'),
  ])

  it('puts the chair first and apart from the members', () => {
    expect(groups.chair?.name).toBe('Flanagan')
    expect(names(groups.members)).toEqual(['Bamborough'])
  })

  it.each([
    ['coOptedMembers', ['Clayton']],
    ['substitutes', ['Hoyle', 'Walsh']],
    ['presentRemotely', ['Hunter']],
    ['expected', ['Roe']],
    ['otherPresent', ['Galley']],
    ['apologies', ['Cooper', 'Snape']],
    ['absent', ['Jones']],
    ['inAttendance', ['Coyle', 'Hobson']],
  ] as const)('groups %s', (group, expected) => {
    expect(names(groups[group])).toEqual(expected)
  })

  it('keeps substitutes and those present remotely out of the members present in the room', () => {
    expect(names(groups.members)).not.toContain('Hoyle')
    expect(names(groups.members)).not.toContain('Hunter')
    expect(names(groups.otherPresent)).toEqual(['Galley'])
  })

  it('puts a substitute who chaired in the Chair, not among the substitutes', () => {
    const chaired = groupAttendance([
      row('Hoyle', 'substitute', 'present', true),
      row('Walsh', 'substitute', 'present'),
    ])
    expect(chaired.chair?.name).toBe('Hoyle')
    expect(names(chaired.substitutes)).toEqual(['Walsh'])
  })

  it('has no chair when nobody chaired', () => {
    expect(groupAttendance([row('Jones', 'member', 'present')]).chair).toBeNull()
  })
})

describe('membersOnDate', () => {
  const m = (personId: string, role: string, startsOn: string | null = null, endsOn: string | null = null) => ({
    personId,
    role,
    startsOn,
    endsOn,
  })

  it('takes the memberships current on the day, once each, co-optees as co-opted members', () => {
    const members = membersOnDate(
      [
        m('chair', 'chair'),
        m('member', 'member', '2023-05-18'),
        m('coopted', 'co-opted member'),
        m('later', 'member', '2023-10-01'),
        m('left', 'member', null, '2023-09-20'),
        m('leaves-that-day', 'member', null, '2023-09-21'),
        m('chair', 'member'),
      ],
      '2023-09-21',
    )
    expect(members).toEqual([
      { personId: 'chair', capacity: 'member' },
      { personId: 'member', capacity: 'member' },
      { personId: 'coopted', capacity: 'co-opted member' },
      { personId: 'leaves-that-day', capacity: 'member' },
    ])
  })
})

describe('attendeeName', () => {
  it.each<[{ name: string; honorific: string | null } | undefined, string, string]>([
    [{ name: 'Flanagan', honorific: 'Councillor' }, 'Flanagan', 'Councillor Flanagan'],
    [{ name: 'Mike Chew', honorific: null }, '', 'Mike Chew'],
    [undefined, 'Mr A Visitor', 'Mr A Visitor'],
    [undefined, '', 'Unnamed'],
  ])('names %j (recorded as %j) %j', (person, rawName, expected) => {
    expect(attendeeName(person, rawName)).toBe(expected)
  })
})
