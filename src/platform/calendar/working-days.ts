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
  let day = parseISO(from)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !isValid(day) || format(day, 'yyyy-MM-dd') !== from) {
    throw new RangeError(`Not a date: ${from}`)
  }
  const step = Math.sign(count)
  for (let counted = 0; counted < Math.abs(count);) {
    day = addDays(day, step)
    if (!isWeekend(day) && !holidays.isHoliday(format(day, 'yyyy-MM-dd'))) counted++
  }
  return format(day, 'yyyy-MM-dd')
}
