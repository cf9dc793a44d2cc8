import { type HolidayCalendar, englandAndWalesBankHolidays } from '#src/platform/calendar/bank-holidays.ts'
import { clearWorkingDaysBetween } from '#src/platform/calendar/working-days.ts'

const ENGLAND_AND_WALES = englandAndWalesBankHolidays()

export interface AgendaNotice {
  /** Clear working days between publication and the meeting: neither day, weekends or bank holidays. */
  clearDays: number
  /** The council's publication notice, in clear working days. */
  noticeDays: number
  /** Fewer clear days than the notice: the reason must be given, and is shown to the public. */
  late: boolean
}

/**
 * The notice an agenda published on `publishedOn` gives of a meeting on `meetingDate`, against the
 * council's publication notice (five clear working days unless it sets another; Local Government Act
 * 1972 s100B(3)). Bank holidays are England and Wales's.
 */
export function agendaNotice(
  publishedOn: string,
  meetingDate: string,
  noticeDays: number,
  holidays: HolidayCalendar = ENGLAND_AND_WALES,
): AgendaNotice {
  const clearDays = clearWorkingDaysBetween(publishedOn, meetingDate, holidays)
  return { clearDays, noticeDays, late: clearDays < noticeDays }
}
