import { differenceInCalendarMonths, format, parseISO, subMonths } from 'date-fns'

/**
 * The derived figures of the waiting-list dashboard, each worked out from stored figures only.
 * Every waiting-list measure is "lower is better": the change from the month before is the
 * platform's direction of travel (platform/rules/direction-of-travel.ts), shared with the outcomes
 * framework. Months are 'YYYY-MM' strings, as stored.
 */

/** The share of referrals waiting more than 18 weeks, as a whole percentage; null when not known. */
export function shareOver18Weeks(figures: {
  referralsWaiting: number | null
  over18Weeks: number | null
}): number | null {
  const { referralsWaiting, over18Weeks } = figures
  if (referralsWaiting === null || over18Weeks === null || referralsWaiting === 0) return null
  return Math.round((over18Weeks / referralsWaiting) * 100)
}

/** The first day of a 'YYYY-MM' month, in local time (date-fns counts calendar months there). */
const firstDayOf = (month: string) => parseISO(`${month}-01`)

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  return format(subMonths(firstDayOf(month), 1), 'yyyy-MM')
}

/** 'December 2023' for '2023-12'. */
export function monthLabel(month: string): string {
  return format(firstDayOf(month), 'MMMM yyyy')
}

/** Whole months from `from` to `to` (both `YYYY-MM`): the x position of a figure on a chart. */
export function monthsBetween(from: string, to: string): number {
  return differenceInCalendarMonths(firstDayOf(to), firstDayOf(from))
}
