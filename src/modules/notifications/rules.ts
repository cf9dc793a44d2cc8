import { type HolidayCalendar, englandAndWalesBankHolidays } from '#src/platform/calendar/bank-holidays.ts'
import { clearWorkingDays } from '#src/platform/calendar/working-days.ts'

const ENGLAND_AND_WALES = englandAndWalesBankHolidays()

/** How many working days before a meeting the people responsible are asked for their updates. */
export const DEFAULT_UPDATE_REQUEST_DAYS = 10

/**
 * The day update requests for a meeting go out: the first of the `days` clear working days before it
 * (ten before Thursday 25 January 2024 is Thursday 11 January).
 */
export function updateRequestDay(meetingDate: string, days: number, holidays = ENGLAND_AND_WALES): string {
  return clearWorkingDays(meetingDate, -days, holidays)
}

/** Clear working days after a request is sent that those who have not posted their updates are reminded. */
export const REMINDER_AFTER_DAYS = 3

/**
 * Whether the reminder of a request sent on `sentOn` is due on `today`: from the third clear working
 * day after it until the day before the meeting. A request sent late may leave no time for one.
 */
export function reminderDue(
  today: string,
  sentOn: string,
  meetingDate: string,
  holidays: HolidayCalendar = ENGLAND_AND_WALES,
): boolean {
  return today >= clearWorkingDays(sentOn, REMINDER_AFTER_DAYS, holidays) && today < meetingDate
}

/**
 * Whether update requests for a meeting are due on `today`: from their day until the day before the
 * meeting. A server that was down on the day sends them late rather than not at all; once the meeting
 * has come, asking for updates for it is pointless.
 */
export function updateRequestsDue(
  today: string,
  meetingDate: string,
  days: number,
  holidays: HolidayCalendar = ENGLAND_AND_WALES,
): boolean {
  return today >= updateRequestDay(meetingDate, days, holidays) && today < meetingDate
}
