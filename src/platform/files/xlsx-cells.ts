/**
 * A cell of an Excel sheet as the person who typed it would read it: 43% stays "43%", a date is
 * 'YYYY-MM-DD', TRUE is "TRUE". Excel stores a number and, in the styles, how to show it; only
 * percentages and dates change what the text means, so those are the formats told apart.
 */
import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'

export type NumberKind = 'percent' | 'date' | 'plain'

/** Excel's built-in formats (ECMA-376 part 1, 18.8.30): 9 and 10 are percentages; these, dates. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
])

export function builtInKind(id: number): NumberKind {
  if (id === 9 || id === 10) return 'percent'
  return BUILT_IN_DATES.has(id) ? 'date' : 'plain'
}

/** A format code's kind: quoted text, escapes, fills and [colours] say nothing about the number. */
export function formatKind(code: string): NumberKind {
  const bare = code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, '')
  if (bare.includes('%')) return 'percent'
  return /[dmy]/i.test(bare) && !/general/i.test(bare) ? 'date' : 'plain'
}

/** How a cell says what its value is (the `t` attribute of `<c>`). */
export type CellType = 'n' | 's' | 'str' | 'inlineStr' | 'b' | 'e' | 'd'

/**
 * The text of a cell, from its stored value: for a shared string (t="s") the value is the
 * string's index; numbers are shown as their format says.
 */
export function cellText(
  type: CellType,
  value: string,
  kind: NumberKind,
  sharedStrings: string[],
  date1904: boolean,
): string {
  if (type === 's') return sharedStrings[Number(value)] ?? ''
  if (type === 'b') return value === '1' ? 'TRUE' : value === '' ? '' : 'FALSE'
  if (type === 'd') return value.slice(0, 10)
  if (type !== 'n' || value === '') return value
  const number = Number(value)
  if (!Number.isFinite(number)) return value
  if (kind === 'percent') return `${Number((number * 100).toPrecision(12))}%`
  if (kind === 'date') return serialDate(number, date1904) ?? String(number)
  return String(number)
}

/**
 * An Excel date serial as 'YYYY-MM-DD'. Day 1 is 1 January 1900, counting the 29 February 1900
 * that Lotus wrongly had and Excel kept; a workbook may instead count from 1904, as old Macs did.
 */
function serialDate(serial: number, date1904: boolean): string | null {
  if (serial < 0 || serial > 2_958_465) return null
  const day = Math.floor(serial)
  // In UTC, where every day is 24 hours long, so the machine's time zone cannot move the date.
  const epoch = date1904 ? TZDate.tz('UTC', 1904, 0, 1) : TZDate.tz('UTC', 1899, 11, day < 60 ? 31 : 30)
  return format(addDays(epoch, day), 'yyyy-MM-dd')
}

/** 'XFD' → 16384. */
export function columnNumber(letters: string): number {
  let number = 0
  for (const letter of letters) number = number * 26 + (letter.charCodeAt(0) - 64)
  return number
}
