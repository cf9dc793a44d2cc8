import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.ts'

/** Clear working days a published decision stays open to call-in. */
export const CALL_IN_WORKING_DAYS = 5

const DAY_MS = 86_400_000

const toUtc = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10)

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
 * Returns null when the bank-holiday table does not cover the dates involved, rather than a date
 * that might be wrong; and null when the decision has not been published.
 */
export function callInDeadline(publishedOn: string | null, holidays = ENGLAND_AND_WALES_BANK_HOLIDAYS): string | null {
  if (!publishedOn || !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn)) return null
  let day = toUtc(publishedOn)
  let counted = 0
  while (counted < CALL_IN_WORKING_DAYS) {
    day += DAY_MS
    const date = fromUtc(day)
    const yearHolidays = holidays[Number(date.slice(0, 4))]
    if (!yearHolidays) return null
    const weekday = new Date(day).getUTCDay()
    if (weekday !== 0 && weekday !== 6 && !yearHolidays.includes(date)) counted++
  }
  return fromUtc(day)
}

export type CallInPeriod = 'not published' | 'open' | 'closed' | 'unknown'

/** Whether call-in is still possible on `today`: open up to and including the deadline day. */
export function callInPeriod(publishedOn: string | null, today: string): CallInPeriod {
  if (!publishedOn) return 'not published'
  const deadline = callInDeadline(publishedOn)
  if (!deadline) return 'unknown'
  return today <= deadline ? 'open' : 'closed'
}
