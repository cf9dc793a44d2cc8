import { z } from 'zod'
import { dateParts, joinDateParts } from './fields.ts'

/**
 * Between records and the GOV.UK forms that show them: the values a form is filled with, as
 * strings keyed by field name (a repeated field as a list), whether from a record or as posted.
 */
export type FormValues = Record<string, unknown>

/**
 * A query the handler reads with its own schema, for a page that answers a refused value its own
 * way: a GET form (a search, a filter, a date) shows it beside its field (400) rather than refusing
 * the page whole; a feed's filter that names nothing is not found.
 */
export const rawQuery = z.record(z.string(), z.unknown())

/** A posted body as the form's values: a copy, and {} when nothing was posted. */
export function postedValues(body: unknown): FormValues {
  return body !== null && typeof body === 'object' ? { ...(body as FormValues) } : {}
}

/** The values with each named GOV.UK date input's parts joined into 'YYYY-MM-DD' ('' when all are blank). */
export function withJoinedDates(values: FormValues, names: readonly string[]): FormValues {
  const joined = { ...values }
  for (const name of names) joined[name] = joinDateParts(values, name)
  return joined
}

/** A date as the three fields of a GOV.UK date input. */
export function dateValues(name: string, value: string | null | undefined): FormValues {
  const parts = dateParts(value)
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year }
}

/** Items for a govukSelect: a blank first choice (`none`), then the choices, with the selected one marked. */
export function selectItems(none: string, choices: readonly { value: string; text: string }[], selected: unknown) {
  return [{ value: '', text: none }, ...choices].map((item) => ({ ...item, selected: item.value === (selected ?? '') }))
}
