import { type HolidayCalendar, englandAndWalesBankHolidays } from '#src/platform/calendar/bank-holidays.ts'
import { clearWorkingDays } from '#src/platform/calendar/working-days.ts'

/** Clear working days a published decision stays open to call-in. */
export const CALL_IN_WORKING_DAYS = 5

const ENGLAND_AND_WALES = englandAndWalesBankHolidays()

/**
 * The last day a decision can be called in: the fifth clear working day after it is published.
 *
 * How "five clear working days" is read here: the day of publication never counts (a clear day is
 * a whole day), nor do Saturdays, Sundays or bank holidays in England and Wales. Counting starts the
 * day after publication, and the deadline is the fifth working day counted, inclusive: a call-in
 * received on that day is in time. So a decision published on Monday 11 December 2023 can be called
 * in until Monday 18 December 2023, and one published on Thursday 21 December 2023 until Tuesday
 * 2 January 2024 (Christmas Day, Boxing Day and New Year's Day do not count).
 *
 * Null when the decision has not been published.
 */
export function callInDeadline(
  publishedOn: string | null,
  holidays: HolidayCalendar = ENGLAND_AND_WALES,
): string | null {
  return publishedOn ? clearWorkingDays(publishedOn, CALL_IN_WORKING_DAYS, holidays) : null
}

export type CallInPeriod = 'not published' | 'open' | 'closed'

/** Whether call-in is still possible on `today`: open up to and including the deadline day. */
export function callInPeriod(publishedOn: string | null, today: string): CallInPeriod {
  const deadline = callInDeadline(publishedOn)
  if (!deadline) return 'not published'
  return today <= deadline ? 'open' : 'closed'
}
