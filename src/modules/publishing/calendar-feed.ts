import { TZDate } from '@date-fns/tz'
import { addHours, addMinutes } from 'date-fns'
import ical, { ICalEventStatus } from 'ical-generator'
import { LONDON } from '#src/platform/clock.ts'
import { OPEN_DATA_LICENCE } from '#src/platform/http/open-data.ts'

/** How long calendars show a meeting whose planned finish time is not in the record. */
export const DEFAULT_MEETING_HOURS = 2

export interface FeedMeeting {
  id: string
  slug: string
  date: string
  /** 'HH:MM', 24-hour, UK time; null when the time is not yet known. */
  startTime: string | null
  /** When it is planned to finish, 'HH:MM' UK time; null when not given. */
  endTime: string | null
  venue: string
  status: 'scheduled' | 'held' | 'cancelled' | 'postponed'
  bodyName: string
  /** How long the body's meetings usually last, in minutes; null when it does not say. */
  bodyMeetingMinutes: number | null
  /** 1 when entered, one more with each change to it (see platform/db/version.ts). */
  version: number
}

export type MeetingTimes = { allDay: true; start: string } | { allDay: false; start: Date; end: Date }

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** The instant of a UK time of day on a date, read in Europe/London (so British Summer Time is applied). */
function londonInstant(date: string, time: RegExpExecArray): Date {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(new TZDate(year, month - 1, day, Number(time[1]), Number(time[2]), LONDON).getTime())
}

/**
 * When a meeting happens, as instants: its date and UK start time, until its planned finish time
 * when that is later, else for its body's usual length, else for the default two hours. No start
 * time means all day.
 */
export function meetingTimes(
  date: string,
  startTime: string | null,
  endTime: string | null = null,
  usualMinutes: number | null = null,
): MeetingTimes {
  const time = startTime ? TIME.exec(startTime) : null
  if (!time) return { allDay: true, start: date }
  const start = londonInstant(date, time)
  const finish = endTime ? TIME.exec(endTime) : null
  const end = finish ? londonInstant(date, finish) : null
  if (end && end > start) return { allDay: false, start, end }
  return {
    allDay: false,
    start,
    end: usualMinutes ? addMinutes(start, usualMinutes) : addHours(start, DEFAULT_MEETING_HOURS),
  }
}

/**
 * The iCalendar feed of meetings. Times are written in UTC (the instant of the London time),
 * which every calendar reads without needing a VTIMEZONE block. A cancelled or postponed meeting
 * stays in the feed as CANCELLED, so subscribers' calendars take it out rather than keep it; each
 * change to a meeting raises its SEQUENCE, so they take the change rather than keep the old one.
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
    const times = meetingTimes(meeting.date, meeting.startTime, meeting.endTime, meeting.bodyMeetingMinutes)
    const withdrawn = meeting.status === 'cancelled' || meeting.status === 'postponed'
    calendar.createEvent({
      id: `meeting-${meeting.id}@${host}`,
      stamp: options.now,
      // Calendars replace their copy of the event only when the sequence goes up.
      sequence: Math.max(0, meeting.version - 1),
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
