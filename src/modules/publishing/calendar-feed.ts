import { TZDate } from '@date-fns/tz'
import { addHours } from 'date-fns'
import ical, { ICalEventStatus } from 'ical-generator'
import { LONDON } from '#src/platform/clock.ts'
import { OPEN_DATA_LICENCE } from '#src/platform/http/open-data.ts'

/** A meeting has no end time in the record; calendars show it as two hours long. */
export const DEFAULT_MEETING_HOURS = 2

export interface FeedMeeting {
  id: string
  slug: string
  date: string
  /** 'HH:MM', 24-hour, UK time; null when the time is not yet known. */
  startTime: string | null
  venue: string
  status: 'scheduled' | 'held' | 'cancelled' | 'postponed'
  bodyName: string
}

export type MeetingTimes = { allDay: true; start: string } | { allDay: false; start: Date; end: Date }

/**
 * When a meeting happens, as instants: its date and UK start time read in Europe/London (so
 * British Summer Time is applied), lasting the default two hours. No time means all day.
 */
export function meetingTimes(date: string, startTime: string | null): MeetingTimes {
  const time = startTime ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(startTime) : null
  if (!time) return { allDay: true, start: date }
  const [year, month, day] = date.split('-').map(Number)
  const start = new Date(new TZDate(year, month - 1, day, Number(time[1]), Number(time[2]), LONDON).getTime())
  return { allDay: false, start, end: addHours(start, DEFAULT_MEETING_HOURS) }
}

/**
 * The iCalendar feed of meetings. Times are written in UTC (the instant of the London time),
 * which every calendar reads without needing a VTIMEZONE block. A cancelled or postponed meeting
 * stays in the feed as CANCELLED, so subscribers' calendars take it out rather than keep it.
 * iCalendar has no licence property, so the open data licence is named in an X-LICENCE one.
 */
export function calendarFeed(options: { name: string; meetings: FeedMeeting[]; origin: string; now: Date }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Oversight', product: 'Meetings', language: 'EN' },
    ttl: 60 * 60,
    x: { 'X-LICENCE': `${OPEN_DATA_LICENCE.name} ${OPEN_DATA_LICENCE.url}` },
  })
  const host = new URL(options.origin).host
  for (const meeting of options.meetings) {
    const url = `${options.origin}/meetings/${encodeURIComponent(meeting.slug)}`
    const times = meetingTimes(meeting.date, meeting.startTime)
    const withdrawn = meeting.status === 'cancelled' || meeting.status === 'postponed'
    calendar.createEvent({
      id: `meeting-${meeting.id}@${host}`,
      stamp: options.now,
      summary: meeting.bodyName,
      ...(times.allDay ? { allDay: true, start: times.start } : { start: times.start, end: times.end }),
      location: meeting.venue || null,
      url,
      description: withdrawn
        ? `This meeting has been ${meeting.status}. ${url}`
        : `Agenda, reports and minutes: ${url}`,
      status: withdrawn ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}
