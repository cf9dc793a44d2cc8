import { dateParts } from '#src/platform/forms/fields.ts'
import { type FormValues, selectItems } from '#src/platform/forms/values.ts'
import { firstOf } from '#src/platform/http/query.ts'
import type { SearchHitKind } from './repository.ts'
import { HIT_KIND_LABELS } from './results.ts'

/** The search form's fields in page order, and where each one's error links. */
export const SEARCH_FIELDS = ['q', 'type', 'body', 'from', 'to'] as const
export const SEARCH_FIELD_IDS = { from: 'from-day', to: 'to-day' }

const DATE_PARTS = ['day', 'month', 'year'] as const

const typedText = (value: unknown) => {
  const first = firstOf(value)
  return typeof first === 'string' ? first : ''
}

/** The search form's values as typed, to show again: the words, ticked types, body and date parts. */
export function searchValues(query: Record<string, unknown>): FormValues {
  const ticked = query.type === undefined ? [] : Array.isArray(query.type) ? query.type : [query.type]
  const values: FormValues = {
    q: typedText(query.q),
    type: ticked.filter((value): value is string => typeof value === 'string'),
    body: typedText(query.body),
  }
  for (const name of ['from', 'to']) {
    for (const part of DATE_PARTS) values[`${name}-${part}`] = typedText(query[`${name}-${part}`])
  }
  return values
}

/** The filters' items for the page: a checkbox per type, the bodies to choose from, whether any is set. */
export function searchFilterView(values: FormValues, bodies: readonly { slug: string; name: string }[]) {
  const ticked = new Set(values.type as string[])
  const datesGiven = ['from', 'to'].some((name) => DATE_PARTS.some((part) => values[`${name}-${part}`]))
  return {
    values,
    typeItems: (Object.entries(HIT_KIND_LABELS) as [SearchHitKind, string][]).map(([value, text]) => ({
      value,
      text,
      checked: ticked.has(value),
    })),
    bodyItems: selectItems(
      'All committees and bodies',
      bodies.map((body) => ({ value: body.slug, text: body.name })),
      values.body,
    ),
    filtered: ticked.size > 0 || Boolean(values.body) || datesGiven,
  }
}

/** A search's address for page `page`, with its filters, as the form would send them. */
export function searchParams(
  query: { q: string; type: readonly string[]; body: string; from: string | null; to: string | null },
  page: number,
): URLSearchParams {
  const params = new URLSearchParams({ q: query.q })
  for (const type of query.type) params.append('type', type)
  if (query.body) params.set('body', query.body)
  for (const [name, value] of [
    ['from', query.from],
    ['to', query.to],
  ] as const) {
    if (!value) continue
    const parts = dateParts(value)
    for (const part of DATE_PARTS) params.set(`${name}-${part}`, parts[part])
  }
  params.set('page', String(page))
  return params
}
