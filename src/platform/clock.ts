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

export function londonToday(at: Date = new Date()): string {
  return format(new TZDate(at, LONDON), 'yyyy-MM-dd')
}

export function createClock(fixedToday?: string): Clock {
  return {
    today: () => fixedToday ?? londonToday(),
    now: () => new Date(),
    pinned: fixedToday !== undefined,
  }
}
