import { describe, expect, it } from 'vitest'
import { type FeedMeeting, calendarFeed, meetingTimes } from './calendar-feed.ts'

describe('meetingTimes', () => {
  it.each([
    ['in winter (GMT)', '2024-01-25', '18:00', '2024-01-25T18:00:00.000Z', '2024-01-25T20:00:00.000Z'],
    ['in summer (BST)', '2024-06-13', '18:00', '2024-06-13T17:00:00.000Z', '2024-06-13T19:00:00.000Z'],
    ['on the day the clocks go forward', '2024-03-31', '10:30', '2024-03-31T09:30:00.000Z', '2024-03-31T11:30:00.000Z'],
    ['late enough to end the next day', '2023-11-09', '23:15', '2023-11-09T23:15:00.000Z', '2023-11-10T01:15:00.000Z'],
  ])('reads the start time in London time %s, for two hours', (_when, date, time, start, end) => {
    const times = meetingTimes(date, time)
    expect(times.allDay).toBe(false)
    if (times.allDay) return
    expect(times.start.toISOString()).toBe(start)
    expect(times.end.toISOString()).toBe(end)
  })

  it.each([[null], [''], ['6pm'], ['25:00']])('is all day when the time is %j', (time) => {
    expect(meetingTimes('2024-03-27', time)).toEqual({ allDay: true, start: '2024-03-27' })
  })

  it.each([
    ['in winter', '2024-01-25', '20:30', '2024-01-25T20:30:00.000Z'],
    ['in summer', '2024-06-13', '19:15', '2024-06-13T18:15:00.000Z'],
  ])('lasts until the planned finish time %s', (_when, date, endTime, end) => {
    const times = meetingTimes(date, '18:00', endTime)
    expect(times.allDay ? null : times.end.toISOString()).toBe(end)
  })

  it.each([['17:00'], ['18:00'], ['not a time']])('lasts two hours when the finish time is %j', (endTime) => {
    const times = meetingTimes('2024-01-25', '18:00', endTime)
    expect(times.allDay ? null : times.end.toISOString()).toBe('2024-01-25T20:00:00.000Z')
  })

  it('lasts the body’s usual length when the meeting has no finish time, and its finish time when it has', () => {
    const usual = meetingTimes('2024-01-25', '18:00', null, 150)
    expect(usual.allDay ? null : usual.end.toISOString()).toBe('2024-01-25T20:30:00.000Z')
    const planned = meetingTimes('2024-01-25', '18:00', '19:00', 150)
    expect(planned.allDay ? null : planned.end.toISOString()).toBe('2024-01-25T19:00:00.000Z')
  })
})

describe('calendarFeed', () => {
  const meeting = (overrides: Partial<FeedMeeting>): FeedMeeting => ({
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'scrutiny-2024-01-25',
    date: '2024-01-25',
    startTime: '18:00',
    venue: 'Committee Room A, Town Hall',
    status: 'scheduled',
    bodyName: "Children and Young People's Scrutiny Committee",
    endTime: null,
    bodyMeetingMinutes: null,
    version: 1,
    ...overrides,
  })
  const feed = calendarFeed({
    name: 'Committee meetings',
    origin: 'https://oversight.example.org',
    now: new Date('2024-01-22T09:00:00Z'),
    meetings: [
      meeting({}),
      meeting({
        id: '00000000-0000-4000-8000-000000000002',
        slug: 'later',
        date: '2024-03-27',
        startTime: null,
        status: 'cancelled',
        version: 3,
      }),
      meeting({ id: '00000000-0000-4000-8000-000000000003', slug: 'timed', date: '2024-06-13', endTime: '20:15' }),
    ],
  })
  const events = feed.split('BEGIN:VEVENT').slice(1)

  it('names the Open Government Licence once, for the whole calendar', () => {
    const calendar = feed.replace(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r\n/g, '').replace(/\r\n /g, '')
    expect(calendar).toContain(
      'X-LICENCE:Open Government Licence v3.0 https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    )
  })

  it('has one event per meeting, named after the body, at the meeting’s place and address', () => {
    expect(events).toHaveLength(3)
    const unfolded = events[0].replace(/\r\n /g, '')
    expect(unfolded).toContain("SUMMARY:Children and Young People's Scrutiny Committee")
    expect(unfolded).toContain('LOCATION:Committee Room A\\, Town Hall')
    expect(unfolded).toContain('URL;VALUE=URI:https://oversight.example.org/meetings/scrutiny-2024-01-25')
    expect(unfolded).toContain('UID:meeting-00000000-0000-4000-8000-000000000001@oversight.example.org')
  })

  it('times a meeting in UTC and an undated one as all day, cancelled when withdrawn', () => {
    expect(events[0]).toContain('DTSTART:20240125T180000Z')
    expect(events[0]).toContain('DTEND:20240125T200000Z')
    expect(events[0]).toContain('STATUS:CONFIRMED')
    expect(events[1]).toContain('DTSTART;VALUE=DATE:20240327')
    expect(events[1]).toContain('STATUS:CANCELLED')
    expect(events[2]).toContain('DTSTART:20240613T170000Z')
    expect(events[2]).toContain('DTEND:20240613T191500Z')
  })

  it('raises the sequence with each change to a meeting, so calendars take the change', () => {
    expect(events[0]).toContain('SEQUENCE:0')
    expect(events[1]).toContain('SEQUENCE:2')
  })
})
