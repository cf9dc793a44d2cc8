import { addMonths, differenceInCalendarMonths, format, parseISO, subMonths } from 'date-fns'

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
  // Multiplied before dividing, so that a half is exactly a half (23 of 40 is 57.5%, so 58%).
  return Math.round((over18Weeks * 100) / referralsWaiting)
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

/** 'Dec 2023' for '2023-12': a chart's label. */
export function shortMonthLabel(month: string): string {
  return format(firstDayOf(month), 'MMM yyyy')
}

/** Whole months from `from` to `to` (both `YYYY-MM`): the x position of a figure on a chart. */
export function monthsBetween(from: string, to: string): number {
  return differenceInCalendarMonths(firstDayOf(to), firstDayOf(from))
}

/** Every month from `from` to `to` (both `YYYY-MM`), in order: the months a history covers, with figures or not. */
export function monthsFrom(from: string, to: string): string[] {
  const count = monthsBetween(from, to)
  return Array.from({ length: Math.max(0, count + 1) }, (_, i) => format(addMonths(firstDayOf(from), i), 'yyyy-MM'))
}

/** The `count` months up to and including `month`, in order: a chart's year. */
export function monthsEndingAt(month: string, count: number): string[] {
  return monthsFrom(format(subMonths(firstDayOf(month), Math.max(1, count) - 1), 'yyyy-MM'), month)
}

/** The months between `months`' first and last that are not among them, as runs: each its first, last and length. */
export function gapsIn(months: string[]): { from: string; to: string; months: number }[] {
  const sorted = [...months].sort()
  const gaps: { from: string; to: string; months: number }[] = []
  sorted.forEach((month, index) => {
    const next = sorted[index + 1]
    if (!next) return
    const between = monthsBetween(month, next) - 1
    if (between > 0) gaps.push({ from: monthsFrom(month, next)[1], to: previousMonth(next), months: between })
  })
  return gaps
}

/**
 * The month the dashboard opens on: the latest in which most services (more than half of those with any
 * figures) have figures, so that one service's early return does not stand for the month; when no month
 * has that many, the month with the most services, the latest of those. Null when there are no figures.
 */
export function monthToShow(months: { month: string; services: number }[], servicesWithFigures: number): string | null {
  const latestFirst = [...months].sort((a, b) => b.month.localeCompare(a.month))
  const most = latestFirst.find((month) => month.services * 2 > servicesWithFigures)
  if (most) return most.month
  const top = Math.max(0, ...latestFirst.map((month) => month.services))
  return latestFirst.find((month) => month.services === top)?.month ?? null
}
