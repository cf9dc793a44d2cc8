import { differenceInCalendarDays, endOfMonth, format, parseISO } from 'date-fns'

/**
 * One rule rates work that has a due date and dated updates: a recommendation against its target
 * date, a milestone of an improvement plan against its due date. The rule is the same; the
 * numbers are each one's policy.
 */
export interface DueDatePolicy {
  /** Amber looks this many days ahead for the due date: due today is 0 days, and the last day counts… */
  amberWithinDays: number
  /** …at work with no update in this many days: an update this many days ago still counts as recent. */
  recentUpdateWithinDays: number
}

export type DueDateRag = 'red' | 'amber' | 'green'

const days = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from))

/**
 * The day work is due when its target is a day ('YYYY-MM-DD') or only a month ('YYYY-MM'): a
 * month's target is met by the end of that month, so it falls due on the month's last day. Null
 * when there is neither. The RAG below and every "overdue" take the due day from here.
 */
export function dueDayOf(target: { on: string | null; month: string | null }): string | null {
  if (target.on) return target.on
  return target.month ? format(endOfMonth(parseISO(`${target.month}-01`)), 'yyyy-MM-dd') : null
}

/** Open work past its due day (a month's last day for a month target); not on the day itself. */
export function isPastDue(target: { on: string | null; month: string | null }, today: string): boolean {
  const due = dueDayOf(target)
  return due !== null && due < today
}

/**
 * The RAG rating of open work from its due date and latest update ('YYYY-MM-DD'), on `today`:
 * red once the due date has passed (not on the day); amber when due within the policy's window and
 * not updated recently (or never); green otherwise. Null when there is no due date, which each
 * policy's owner shows in its own words; work that is complete or set aside is not rated here.
 * Days are calendar days, so the clocks changing moves nothing.
 */
export function dueDateRag(
  work: { dueOn: string | null; lastUpdatedOn: string | null },
  today: string,
  policy: DueDatePolicy,
): DueDateRag | null {
  if (work.dueOn === null) return null
  const untilDue = days(today, work.dueOn)
  if (untilDue < 0) return 'red'
  const updatedRecently =
    work.lastUpdatedOn !== null && days(work.lastUpdatedOn, today) <= policy.recentUpdateWithinDays
  return untilDue <= policy.amberWithinDays && !updatedRecently ? 'amber' : 'green'
}
