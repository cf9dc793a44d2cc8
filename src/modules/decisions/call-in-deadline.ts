import { addDays, format, parseISO } from 'date-fns'
import { type HolidayCalendar, englandAndWalesBankHolidays } from '#src/platform/calendar/bank-holidays.ts'
import { clearWorkingDays } from '#src/platform/calendar/working-days.ts'

/** The council's call-in rule (a council setting): so many clear days, working or calendar, after publication. */
export interface CallInRule {
  days: number
  kind: 'working' | 'calendar'
}

/** The common rule, and the one the register applies when given none: five clear working days. */
export const FIVE_WORKING_DAYS: CallInRule = { days: 5, kind: 'working' }

const ENGLAND_AND_WALES = englandAndWalesBankHolidays()

/**
 * The last day a decision can be called in: the last of the rule's clear days after it is published.
 *
 * How "five clear working days" is read here: the day of publication never counts (a clear day is
 * a whole day), nor do Saturdays, Sundays or bank holidays in England and Wales. Counting starts the
 * day after publication, and the deadline is the fifth working day counted, inclusive: a call-in
 * received on that day is in time. So a decision published on Monday 11 December 2023 can be called
 * in until Monday 18 December 2023, and one published on Thursday 21 December 2023 until Tuesday
 * 2 January 2024 (Christmas Day, Boxing Day and New Year's Day do not count). Calendar days count
 * every day, weekends and bank holidays too: seven after Monday 11 December 2023 end on Monday the 18th.
 *
 * Null when the decision has not been published.
 */
export function callInDeadline(
  publishedOn: string | null,
  rule: CallInRule = FIVE_WORKING_DAYS,
  holidays: HolidayCalendar = ENGLAND_AND_WALES,
): string | null {
  if (!publishedOn) return null
  if (rule.kind === 'calendar') return format(addDays(parseISO(publishedOn), rule.days), 'yyyy-MM-dd')
  return clearWorkingDays(publishedOn, rule.days, holidays)
}

export type CallInPeriod = 'not published' | 'open' | 'closed'

/** Whether call-in is still possible on `today`: open up to and including the deadline day. */
export function callInPeriod(deadline: string | null, today: string): CallInPeriod {
  if (!deadline) return 'not published'
  return today <= deadline ? 'open' : 'closed'
}

/** The rule in words, for the decision form: "five clear working days" → "5 clear working days". */
export function callInRuleText(rule: CallInRule): string {
  return `${rule.days} clear ${rule.kind} day${rule.days === 1 ? '' : 's'}`
}
