import { describe, expect, it } from 'vitest'
import { type MeetingRef, type SchedulableItem, groupWorkProgramme, scheduleOf } from './schedule.ts'

const jan: MeetingRef = { id: 'm1', slug: '2024-01-25-committee', date: '2024-01-25' }
const mar: MeetingRef = { id: 'm2', slug: '2024-03-27-committee', date: '2024-03-27' }
const meetings = new Map([jan, mar].map((m) => [m.id, m]))

const item = (title: string, fields: Partial<SchedulableItem> = {}): SchedulableItem => ({
  title,
  meetingId: null,
  scheduledMonth: null,
  scheduledOn: null,
  kind: 'committee item',
  position: 0,
  ...fields,
})

describe('scheduleOf', () => {
  it.each([
    [item('a', { meetingId: 'm1' }), 'meeting', 'Meeting on 25 January 2024'],
    [item('b', { scheduledMonth: '2024-06' }), 'month', 'June 2024'],
    [item('c', { scheduledMonth: '2023-10', scheduledOn: '2023-10-02' }), 'month', '2 October 2023'],
    [item('d'), 'tbc', 'To be confirmed'],
    [item('e', { meetingId: 'gone' }), 'tbc', 'To be confirmed'],
  ])('%o → %s, %s', (value, type, label) => {
    const schedule = scheduleOf(value, meetings)
    expect(schedule.type).toBe(type)
    expect(schedule.label).toBe(label)
  })
})

describe('groupWorkProgramme', () => {
  it('groups by meeting, day and month in date order, to be confirmed last, in sections by kind', () => {
    const sections = groupWorkProgramme(
      [
        item('TBC topic'),
        item('November', { scheduledMonth: '2024-11' }),
        item('March 2', { meetingId: 'm2', position: 2 }),
        item('March 1', { meetingId: 'm2', position: 1 }),
        item('June', { scheduledMonth: '2024-06' }),
        item('January', { meetingId: 'm1' }),
        item('Early June day', { scheduledMonth: '2024-06', scheduledOn: '2024-06-03' }),
        item('Review', { kind: 'scrutiny review', scheduledMonth: '2023-10', scheduledOn: '2023-10-02' }),
        item('Informal', { kind: 'informal meeting' }),
        item('Briefing', { kind: 'briefing or training', scheduledMonth: '2024-01', scheduledOn: '2024-01-23' }),
      ],
      meetings,
    )
    expect(sections.map((s) => [s.heading, s.count])).toEqual([
      ['Committee meetings', 7],
      ['Scrutiny review work', 2],
      ['Briefings and training', 1],
    ])
    expect(sections[0].groups.map((g) => g.schedule.label)).toEqual([
      'Meeting on 25 January 2024',
      'Meeting on 27 March 2024',
      '3 June 2024',
      'June 2024',
      'November 2024',
      'To be confirmed',
    ])
    expect(sections[0].groups[1].items.map((i) => i.title)).toEqual(['March 1', 'March 2'])
    expect(sections[1].groups.map((g) => g.schedule.label)).toEqual(['2 October 2023', 'To be confirmed'])
  })
})
