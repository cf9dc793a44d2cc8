import { format, parseISO } from 'date-fns'
import { z } from 'zod'
import { isRealDate } from '#src/platform/forms/fields.ts'
import { longDate } from '#src/platform/views/filters.ts'

/** A month, and the day within it when that is known. */
export interface MonthOrDate {
  /** 'YYYY-MM' */
  month: string
  /** 'YYYY-MM-DD', or null when only the month is known. */
  on: string | null
}

/**
 * Reads a GOV.UK date input whose day may be left blank, as joined by the route
 * ('YYYY-MM-DD', with '00' for a blank day): "6 2024" is June 2024; "25 1 2024" is 25 January 2024.
 * Returns null for anything else.
 */
export function parseMonthOrDate(joined: string): MonthOrDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(joined)
  if (!match) return null
  const [, year, month, day] = match
  if (Number(year) < 1900 || Number(month) < 1 || Number(month) > 12) return null
  if (day === '00') return { month: `${year}-${month}`, on: null }
  return isRealDate(joined) ? { month: `${year}-${month}`, on: joined } : null
}

/** "June 2024", or "25 January 2024" when the day is known. */
export function monthOrDateLabel(value: { month: string | null; on: string | null }): string {
  if (value.on) return longDate(value.on)
  return value.month ? format(parseISO(`${value.month}-01`), 'MMMM yyyy') : ''
}

/** A zod field for such an input: '' when optional and blank; the message for anything it cannot read. */
export function monthOrDateField(messages: { required?: string; invalid: string }) {
  return z
    .string()
    .optional()
    .transform((value, ctx): MonthOrDate | null => {
      if (!value) {
        if (messages.required) ctx.addIssue({ code: 'custom', message: messages.required })
        return null
      }
      const parsed = parseMonthOrDate(value)
      if (!parsed) ctx.addIssue({ code: 'custom', message: messages.invalid })
      return parsed
    })
}

/** A month and optional day as the three fields of the form. */
export function monthOrDateValues(name: string, value: { month: string | null; on: string | null }) {
  const [year = '', month = ''] = (value.month ?? '').split('-')
  const day = value.on ? value.on.slice(8, 10) : ''
  return { [`${name}-day`]: day.replace(/^0/, ''), [`${name}-month`]: month.replace(/^0/, ''), [`${name}-year`]: year }
}
