import { z } from 'zod'
import { normaliseEmail } from '#src/platform/auth/sign-in.ts'

/** Reusable zod pieces with GOV.UK wording. Blank form fields arrive as ''. */

/** An email address, as accounts and alert subscriptions take it: trimmed, lower-cased, at most 254 characters. */
export const emailAddress = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .email('Enter an email address in the correct format, like name@example.org')
  .transform(normaliseEmail)

export const requiredText = (message: string, max = 10_000) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)

/** An optional web address (http or https), '' when blank. */
export const optionalWebAddress = (message: string) =>
  z
    .string()
    .trim()
    .max(2_000, 'Must be 2,000 characters or fewer')
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || /^https?:\/\/[^\s/]+\S*$/.test(value), message)

export const optionalText = (max = 50_000) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .transform((value) => value ?? '')

/**
 * True for a 'YYYY-MM-DD' that is a day on the calendar: not 30 February, month 13 or day 0, and
 * a four-figure year from 1000 (PostgreSQL has no year 0, and a year like 0024 is a slip for 2024).
 */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(value)
  if (!match || Number(match[1]) < 1000) return false
  // JavaScript rolls 30 February over into March, and finds no date at all in day 32 or month 13.
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** The largest whole number PostgreSQL's integer columns hold (2^31 - 1). */
export const MAX_INTEGER = 2_147_483_647

/** True for a whole number written in digits, commas allowed ("28,400"), from `min` up to MAX_INTEGER. */
export function isWholeNumber(value: string, min = 0): boolean {
  const digits = value.replace(/,/g, '')
  return /^\d+$/.test(digits) && Number(digits) >= min && Number(digits) <= MAX_INTEGER
}

/** A whole number in a text box that may be left blank (null): `message` for anything else. */
export const optionalWholeNumber = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || isWholeNumber(value), message)
    .transform((value) => (value === '' ? null : Number(value.replace(/,/g, ''))))

/** 'YYYY-MM-DD' from an <input type="date"> or three GOV.UK date fields joined by the route. */
export const isoDate = (message: string) => z.string({ error: message }).trim().refine(isRealDate, message)

export const optionalIsoDate = (message: string) =>
  z
    .union([z.literal(''), isoDate(message)])
    .optional()
    .transform((value) => (value ? value : null))

/** 'HH:MM', 24-hour. */
export const clockTime = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message)

/** A single GOV.UK checkbox: ticked when "yes" was sent, once or among the values of a field sent twice. */
export const checkbox = z
  .union([z.literal('yes'), z.array(z.string())])
  .optional()
  .transform((value) => value === 'yes' || (Array.isArray(value) && value.includes('yes')))

/** The ids of ticked GOV.UK checkboxes sharing a name: none, one or several, as a list. */
export const tickedIds = (message: string) =>
  z
    .union([z.uuid(), z.array(z.uuid())], { error: message })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))

/** Joins GOV.UK date-input parts (day, month, year) into 'YYYY-MM-DD', or '' when all are blank. */
export function joinDateParts(body: Record<string, unknown>, name: string): string {
  const day = typed(body[`${name}-day`]).trim()
  const month = typed(body[`${name}-month`]).trim()
  const year = typed(body[`${name}-year`]).trim()
  if (!day && !month && !year) return ''
  return `${padded(year, 4)}-${padded(month, 2)}-${padded(day, 2)}`
}

/** What was typed in a field: a field sent twice reads as both values, which no date part is. */
const typed = (value: unknown) => (Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '')

/** Joins GOV.UK month and year inputs into 'YYYY-MM'; '' when both are blank, 'invalid' when not a month. */
export function joinMonthParts(body: Record<string, unknown>, name: string): string {
  const month = typed(body[`${name}-month`]).trim()
  const year = typed(body[`${name}-year`]).trim()
  if (!month && !year) return ''
  if (!/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'invalid'
  return `${year}-${month.padStart(2, '0')}`
}

/**
 * A date part padded with zeros, except a typed 0 (or 00): that is no day, month or year, and
 * must not read as the '00' of a day left blank, which a month-or-date field takes as "no day".
 */
const padded = (part: string, width: number) => (/^0+$/.test(part) ? '0' : part.padStart(width, '0'))

/** Splits 'YYYY-MM-DD' into GOV.UK date-input parts for re-display. */
export function dateParts(value: string | null | undefined) {
  const [year = '', month = '', day = ''] = (value ?? '').split('-')
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year }
}
