import type Holidays from 'date-holidays'
import { createRequire } from 'node:module'

/** Which days are holidays, for working-day arithmetic. Dates are 'YYYY-MM-DD'. */
export interface HolidayCalendar {
  isHoliday(date: string): boolean
}

const require = createRequire(import.meta.url)
const DATE_HOLIDAYS_VERSION = (require('date-holidays/package.json') as { version: string }).version

/**
 * The last year whose bank holidays in England and Wales, as GOV.UK lists them, are checked against
 * the installed date-holidays (bank-holidays.test.ts). The package's rules give every year, but a
 * one-off bank holiday (a jubilee, a coronation, a state funeral) is in it only once proclaimed and
 * released (ADR 7). Move this on only with that year's GOV.UK list added to the test.
 */
export const BANK_HOLIDAYS_CHECKED_THROUGH = 2027

/**
 * Bank holidays in England and Wales: the date-holidays package's rules for GB-ENG (the same days
 * as Wales), substitute days included, with the one-off holidays proclaimed up to its release.
 * Each year's days are worked out once.
 */
export function englandAndWalesBankHolidays(): HolidayCalendar {
  // Loaded on first use: the package's rules for every country cost almost half a second to load.
  let rules: Holidays | undefined
  const years = new Map<number, Set<string>>()
  const daysOf = (year: number) => {
    let days = years.get(year)
    if (!days) {
      rules ??= new (require('date-holidays') as typeof Holidays)('GB', 'ENG', { types: ['public', 'bank'] })
      days = new Set(rules.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)))
      years.set(year, days)
    }
    return days
  }
  return { isHoliday: (date) => daysOf(Number(date.slice(0, 4))).has(date) }
}

/**
 * A warning for the log at start-up when `today` ('YYYY-MM-DD') is within a year of the end of the
 * checked years, when a one-off bank holiday could be proclaimed that this copy does not know about.
 */
export function bankHolidayCoverageWarning(today: string, checkedThrough = BANK_HOLIDAYS_CHECKED_THROUGH) {
  if (Number(today.slice(0, 4)) < checkedThrough) return null
  return (
    `Bank holidays are checked against GOV.UK's list only to the end of ${checkedThrough} ` +
    `(date-holidays ${DATE_HOLIDAYS_VERSION}). Call-in deadlines are worked out by the regular rules, ` +
    'so a one-off bank holiday proclaimed since then is missed: update Oversight (docs/operations.md).'
  )
}
