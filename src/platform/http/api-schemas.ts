import { z } from 'zod'
import { SCHEDULE_12A_PARAGRAPH_NUMBERS } from '#src/platform/exemption/schedule-12a.ts'
import { type RecordSource, SOURCE_SYSTEMS } from '#src/platform/provenance/source.ts'
import { apiErrorSchema } from './api-errors.ts'
import { OPEN_DATA_LICENCE, PAGE_SIZE } from './open-data.ts'

/**
 * The pieces the open data API's response schemas share. Each route declares its schemas with these
 * (zod, through fastify-type-provider-zod): they check what it sends, type its handler and make
 * /api/v1/openapi.json. Objects are strict, so the document says no property is left undeclared and
 * a response carrying one fails rather than publishing it.
 */

/** A record's id: any uuid PostgreSQL keeps, whatever its version. */
export const apiId = z.guid()

/** A date, YYYY-MM-DD. */
export const apiDate = z.iso.date().meta({ examples: ['2024-01-25'] })

/** A month, YYYY-MM. */
export const apiMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .meta({ examples: ['2024-01'] })

/** An address on this site, from its root (`/meetings/…`). */
export const sitePath = (description?: string) =>
  z
    .string()
    .startsWith('/')
    .meta({ format: 'uri-reference', ...(description ? { description } : {}) })

/** A link: an address on this site, or a document elsewhere. */
export const apiLink = (description?: string) =>
  z.string().meta({ format: 'uri-reference', ...(description ? { description } : {}) })

/** Withheld under a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972. */
export const apiExempt = z.strictObject({ paragraph: z.literal(SCHEDULE_12A_PARAGRAPH_NUMBERS) })

/** Where an imported record came from; null for a record made here. */
export const apiSource = z
  .strictObject({
    system: z
      .enum(Object.keys(SOURCE_SYSTEMS) as [keyof typeof SOURCE_SYSTEMS])
      .describe('The system it was imported from'),
    id: z.string().describe('Its id in that system'),
    address: z.string().describe('Where it was read: the web service’s address, or the saved response’s file name'),
    importedAt: z.iso.datetime().describe('When it was imported'),
  })
  .meta({ id: 'Source' })
  .nullable()
  .describe('Where the record was imported from; null when it was made here')

/** A record's source as the API answers it. */
export function apiSourceOf(source: RecordSource | null): z.output<typeof apiSource> {
  return source && { ...source, importedAt: source.importedAt.toISOString() }
}

/** A JSON response with what it means, for a route's `response`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export const notFoundResponse = (description = 'There is no such record, or it is not published') =>
  jsonResponse(apiErrorSchema, description)

export const invalidQueryResponse = (description = 'A parameter is not valid') =>
  jsonResponse(apiErrorSchema, description)

/** The licence, in every answer with data: reuse the data freely, saying where it came from. */
export const apiLicence = z
  .strictObject({ name: z.literal(OPEN_DATA_LICENCE.name), url: z.literal(OPEN_DATA_LICENCE.url) })
  .describe('The licence the data is published under')
  .meta({ id: 'Licence' })

const wholeNumber = (message: string) => z.coerce.number({ error: message }).int({ error: message })

/** The query parameters every list takes (spread into its query schema: `query.safeExtend(apiPaging)`). */
export const apiPaging = {
  page: wholeNumber('page must be a whole number, 1 or more')
    .min(1, 'page must be a whole number, 1 or more')
    .default(1)
    .describe('Which page, from 1'),
  pageSize: wholeNumber(`pageSize must be a whole number from 1 to ${PAGE_SIZE.max}`)
    .min(1, `pageSize must be a whole number from 1 to ${PAGE_SIZE.max}`)
    .max(PAGE_SIZE.max, `pageSize must be a whole number from 1 to ${PAGE_SIZE.max}`)
    .default(PAGE_SIZE.default)
    .describe(`How many on a page, at most ${PAGE_SIZE.max}`),
}

/** The query of a list that takes nothing but its page. */
export const apiPageQuery = z.object(apiPaging)

/**
 * Every list's answer (ADR 14): the licence, where this page stands (`page`, `pageSize`, `total`,
 * `next`), anything the list belongs to (`context`: the forward plan, the month) and the list under
 * its own name.
 */
export function apiList<K extends string, T extends z.ZodType, C extends z.ZodRawShape = Record<never, never>>(
  key: K,
  item: T,
  context?: C,
) {
  return z.strictObject({
    licence: apiLicence,
    page: z.int().min(1).describe('This page’s number, from 1'),
    pageSize: z.int().min(1).max(PAGE_SIZE.max).describe('The most on one page'),
    total: z.int().min(0).describe('How many there are on all the pages together'),
    next: z
      .string()
      .nullable()
      .meta({ format: 'uri', description: 'The address of the next page; null on the last page' }),
    ...(context ?? ({} as C)),
    ...({ [key]: z.array(item) } as { [P in K]: z.ZodArray<T> }),
  })
}

/** A single record's answer: the record, with the licence beside its own fields. */
export function apiRecord<T extends z.ZodObject>(record: T) {
  return record.extend({ licence: apiLicence })
}
