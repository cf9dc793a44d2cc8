import { addDays, format, isValid, isWeekend, parseISO } from 'date-fns'
import type { HolidayCalendar } from './bank-holidays.ts'

/**
 * The `count`th clear working day after `from` ('YYYY-MM-DD'), or before it when `count` is negative.
 * A clear day is a whole day, so `from` itself never counts; nor do Saturdays, Sundays or the
 * calendar's holidays. The day returned is the last one counted.
 *
 * - Five clear working days after a decision is published: `clearWorkingDays(published, 5, holidays)`
 *   is the last day of the period.
 * - Five clear working days before a meeting: `clearWorkingDays(meeting, -5, holidays)` is the first
 *   of the five, so the papers must be out by the day before it.
 *
 * Throws a RangeError for a date that does not exist.
 */
export function clearWorkingDays(from: string, count: number, holidays: HolidayCalendar): string {
  let day = dayOf(from)
  const step = Math.sign(count)
  for (let counted = 0; counted < Math.abs(count);) {
    day = addDays(day, step)
    if (!isWeekend(day) && !holidays.isHoliday(format(day, 'yyyy-MM-dd'))) counted++
  }
  return format(day, 'yyyy-MM-dd')
}

/**
 * How many clear working days lie between `from` and `to` ('YYYY-MM-DD'): whole days strictly between
 * them, so neither `from` nor `to` counts, nor do Saturdays, Sundays or the calendar's holidays. 0 when
 * `to` is not after `from`.
 *
 * - The notice an agenda gave: `clearWorkingDaysBetween(publishedOn, meetingDate, holidays)`; published
 *   on Tuesday 16 January 2024 for Thursday the 25th, it gave six.
 *
 * Throws a RangeError for a date that does not exist.
 */
export function clearWorkingDaysBetween(from: string, to: string, holidays: HolidayCalendar): number {
  const end = dayOf(to)
  let day = addDays(dayOf(from), 1)
  let counted = 0
  for (; day < end; day = addDays(day, 1)) {
    if (!isWeekend(day) && !holidays.isHoliday(format(day, 'yyyy-MM-dd'))) counted++
  }
  return counted
}

function dayOf(date: string): Date {
  const day = parseISO(date)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValid(day) || format(day, 'yyyy-MM-dd') !== date) {
    throw new RangeError(`Not a date: ${date}`)
  }
  return day
}
