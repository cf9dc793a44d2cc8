/**
 * A council's year runs from its annual meeting, not from January: English councils' usually from
 * May. Which year a date falls in depends on the month the council's year starts (1 to 12), a
 * council setting. Every count "per municipal year" takes its year from here.
 */
export interface MunicipalYear {
  /** The calendar year it starts in: 2023 for May 2023 to April 2024. */
  start: number
  /** "2023/24", or "2024" for a year that starts in January. */
  label: string
}

/** The months as the setting offers them, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** The month English councils' years usually start: the annual meeting is in May. */
export const DEFAULT_MUNICIPAL_YEAR_START = 5

/** The label of the year that starts in `start` ('2023/24'; '2024' when it starts in January). */
export function municipalYearLabel(start: number, startMonth: number): string {
  if (startMonth === 1) return String(start)
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`
}

/** The municipal year of a date ('YYYY-MM-DD'), for a year starting on the first of `startMonth`. */
export function municipalYearOf(date: string, startMonth: number): MunicipalYear {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const start = month >= startMonth ? year : year - 1
  return { start, label: municipalYearLabel(start, startMonth) }
}
