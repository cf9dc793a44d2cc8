import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

export const LONDON = 'Europe/London'

/**
 * The app's idea of time. Domain rules (overdue, upcoming, RAG) read `today()`, which a
 * demo or a test can pin; sessions and audit events always use the real `now()`.
 */
export interface Clock {
  /** Today's date in Europe/London, 'YYYY-MM-DD'. */
  today(): string
  now(): Date
  /** True when today() is pinned rather than real. */
  readonly pinned: boolean
}

/**
 * London's clocks are always a whole number of hours from UTC, so its days begin on a minute of UTC:
 * the date is worked out once for each minute asked about (working it out takes a tenth of a
 * millisecond, and a page asks several times).
 */
const datesByMinute = new Map<number, string>()

export function londonToday(at: Date = new Date()): string {
  const minute = Math.floor(at.getTime() / 60_000)
  let date = datesByMinute.get(minute)
  if (date === undefined) {
    date = format(new TZDate(at, LONDON), 'yyyy-MM-dd')
    if (datesByMinute.size >= 1_000) datesByMinute.clear()
    datesByMinute.set(minute, date)
  }
  return date
}

export function createClock(fixedToday?: string): Clock {
  return {
    today: () => fixedToday ?? londonToday(),
    now: () => new Date(),
    pinned: fixedToday !== undefined,
  }
}
