import { describe, expect, it } from 'vitest'
import {
  attendanceCapacity,
  attendanceStatus,
  bodyKind,
  clockTime,
  exemptParagraph,
  isoDate,
  meetingStatus,
  membershipRole,
  splitHonorific,
} from './vocabulary.ts'

describe('isoDate', () => {
  it.each([
    ['14/03/2024', '2024-03-14'],
    ['1/5/2024', '2024-05-01'],
    ['14/03/2024 18:00', '2024-03-14'],
    ['2024-03-14T18:00:00', '2024-03-14'],
    ['31/02/2024', null],
    ['unspecified', null],
    ['', null],
  ])('%s → %s', (text, expected) => expect(isoDate(text)).toBe(expected))
})

describe('clockTime', () => {
  it.each([
    ['18:00', '18:00'],
    ['18:00:00', '18:00'],
    ['6.30 pm', '18:30'],
    ['6pm', '18:00'],
    ['12.00 am', '00:00'],
    ['9:05', '09:05'],
    ['25:00', null],
    ['13 pm', null],
    ['tbc', null],
  ])('%s → %s', (text, expected) => expect(clockTime(text)).toBe(expected))
})

describe('bodyKind', () => {
  it.each([
    ['Children and Young People Scrutiny Committee', 'Scrutiny', 'committee'],
    ['Fostering Panel Sub-Committee', '', 'sub-committee'],
    ['Cabinet', '', 'executive'],
    ['Council', '', 'council'],
    ['Health and Wellbeing Board', '', 'board'],
    ['Adoption Panel', '', 'panel'],
    ['Exclusions Task and Finish Group', '', 'task and finish group'],
    ['Joint Health Overview and Scrutiny Committee', '', 'joint committee'],
    ['Schools Forum', 'Committee', 'committee'],
    ['Corporate Parenting Group', '', null],
  ])('%s (%s) → %s', (title, category, expected) => expect(bodyKind(title, category)).toBe(expected))
})

describe('meetingStatus', () => {
  it.each([
    ['Cancelled', '2024-09-12', 'cancelled'],
    ['Meeting postponed', '2024-09-12', 'postponed'],
    ['Minutes published', '2024-03-14', 'held'],
    ['Agenda published', '2024-06-20', 'scheduled'],
    ['', '2024-06-19', 'held'],
  ])('%s on %s → %s', (status, date, expected) => expect(meetingStatus(status, date, '2024-06-20')).toBe(expected))
})

describe('roles and attendance', () => {
  it.each([
    ['Chair', 'chair', 'member'],
    ['Vice-Chair', 'vice-chair', 'member'],
    ['Vice Chairman', 'vice-chair', 'member'],
    ['Committee Member', 'member', 'member'],
    ['Co-opted Member (Parent Governor)', 'co-opted member', 'co-opted member'],
    ['Observer', 'observer', 'other'],
    ['Officer', null, 'officer'],
    ['Cabinet Member for Children', 'member', 'cabinet member'],
    ['Guest', null, 'other'],
  ])('%s → role %s, capacity %s', (role, membership, capacity) => {
    expect(membershipRole(role)).toBe(membership)
    expect(attendanceCapacity(role, 'Present')).toBe(capacity)
  })

  it('takes a substitute from the role or the attendance', () => {
    expect(attendanceCapacity('Committee Member', 'Present as substitute')).toBe('substitute')
    expect(attendanceCapacity('Substitute', 'Present')).toBe('substitute')
  })

  it.each([
    ['Present', 'present'],
    ['Attended', 'present'],
    ['Present as substitute', 'present'],
    ['Attended virtually', 'present remotely'],
    ['Apologies', 'apologies'],
    ['Apologies, sent substitute', 'apologies'],
    ['Absent', 'absent'],
    ['Expected', 'expected'],
    ['In attendance', 'in attendance'],
    ['Unknown', null],
  ])('attendance %s → %s', (text, expected) => expect(attendanceStatus(text)).toBe(expected))
})

describe('exemptParagraph', () => {
  it.each([
    ['Exempt under paragraph 3 of Part 1 of Schedule 12A.', 3],
    ['by virtue of paragraphs 1 and 2 of Schedule 12A to the Local Government Act 1972', 1],
    ['paragraph 9 of Schedule 12A', null],
    ['Confidential', null],
  ])('%s → %s', (text, expected) => expect(exemptParagraph(text)).toBe(expected))
})

describe('splitHonorific', () => {
  it.each([
    ['Councillor Ada Brightwater', 'Councillor', 'Ada Brightwater'],
    ['Cllr. Ben Oakfield', 'Cllr.', 'Ben Oakfield'],
    ['County Councillor Cara Millstone', 'County Councillor', 'Cara Millstone'],
    ['Mrs Dev Harrow', 'Mrs', 'Dev Harrow'],
    ['Dev Harrow', null, 'Dev Harrow'],
  ])('%s', (full, honorific, name) => expect(splitHonorific(full)).toEqual({ honorific, name }))
})
