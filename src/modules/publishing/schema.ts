import { z } from 'zod'
import { pageNumber } from '#src/platform/http/pagination.ts'
import { firstOf } from '#src/platform/http/query.ts'

const SEARCH_MAX_LENGTH = 200

export const searchQuerySchema = z.object({
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
  page: z.preprocess(firstOf, z.unknown().transform(pageNumber)),
})
export type SearchQuery = z.infer<typeof searchQuerySchema>

/** `?body=<id>`: anything that is not a body's id (a uuid) can only be a body that does not exist. */
export const calendarQuerySchema = z.object({
  body: z.preprocess((value) => firstOf(value) || undefined, z.uuid().optional()),
})
