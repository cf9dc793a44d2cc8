import { z } from 'zod'

/** Reusable zod pieces with GOV.UK wording. Blank form fields arrive as ''. */

export const requiredText = (message: string, max = 10_000) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)

export const optionalText = (max = 50_000) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .transform((value) => value ?? '')

/** 'YYYY-MM-DD' from an <input type="date"> or three GOV.UK date fields joined by the route. */
export const isoDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), message)

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

export const exemptParagraph = z
  .union([z.literal(''), z.coerce.number().int().min(1).max(7)])
  .optional()
  .transform((value) => (value === '' || value === undefined ? null : value))

/** Joins GOV.UK date-input parts (day, month, year) into 'YYYY-MM-DD', or '' when all are blank. */
export function joinDateParts(body: Record<string, unknown>, name: string): string {
  const day = String(body[`${name}-day`] ?? '').trim()
  const month = String(body[`${name}-month`] ?? '').trim()
  const year = String(body[`${name}-year`] ?? '').trim()
  if (!day && !month && !year) return ''
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

/** Splits 'YYYY-MM-DD' into GOV.UK date-input parts for re-display. */
export function dateParts(value: string | null | undefined) {
  const [year = '', month = '', day = ''] = (value ?? '').split('-')
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year }
}
