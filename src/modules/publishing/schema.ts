import { z } from 'zod'
import { isRealDate } from '#src/platform/forms/fields.ts'
import { pageNumber } from '#src/platform/http/pagination.ts'
import { firstOf } from '#src/platform/http/query.ts'
import { SEARCH_HIT_KINDS } from './search/repository.ts'

const SEARCH_MAX_LENGTH = 200

const dateMessage = (which: string) => `${which} date must be a real date, for example 27 3 2024`

/** A GOV.UK date input in the query string: its three parts joined by the route ('' when all are blank). */
const queryDate = (which: string) =>
  z
    .string()
    .max(12, dateMessage(which))
    .optional()
    .refine((value) => !value || isRealDate(value), dateMessage(which))
    .transform((value) => value || null)

/** The kinds ticked: none (every kind), one or several of the known kinds, and never more than there are. */
const searchKinds = z.preprocess(
  (value): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
  z
    .array(z.enum(SEARCH_HIT_KINDS, { error: 'Select a type from the list' }))
    .max(SEARCH_HIT_KINDS.length, 'Select a type from the list'),
)

export const searchQuerySchema = z
  .object({
    q: z.preprocess(
      firstOf,
      z
        .string()
        // Control characters (a NUL byte is refused by PostgreSQL) are never part of a search.
        .transform((value) => value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
        .pipe(z.string().max(SEARCH_MAX_LENGTH, `Search terms must be ${SEARCH_MAX_LENGTH} characters or fewer`))
        .optional()
        .transform((value) => value ?? ''),
    ),
    type: searchKinds,
    /** A body's slug; '' for every body. */
    body: z.preprocess(
      firstOf,
      z
        .string()
        .max(SEARCH_MAX_LENGTH, 'Select a committee or body from the list')
        .optional()
        .transform((value) => value ?? ''),
    ),
    from: z.preprocess(firstOf, queryDate('From')),
    to: z.preprocess(firstOf, queryDate('To')),
    page: z.preprocess(firstOf, z.unknown().transform(pageNumber)),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'To date must be the same as or after the from date',
    path: ['to'],
  })
export type SearchQuery = z.infer<typeof searchQuerySchema>

/** `?body=<id>`: anything that is not a body's id (a uuid) can only be a body that does not exist. */
export const calendarQuerySchema = z.object({
  body: z.preprocess((value) => firstOf(value) || undefined, z.uuid().optional()),
})
