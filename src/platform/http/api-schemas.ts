import { z } from 'zod'
import { apiErrorSchema } from './api-errors.ts'

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
export const apiExempt = z.strictObject({ paragraph: z.int().min(1).max(7) })

/** A JSON response with what it means, for a route's `response`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export const notFoundResponse = (description = 'There is no such record, or it is not published') =>
  jsonResponse(apiErrorSchema, description)

export const invalidQueryResponse = (description = 'A parameter is not valid') =>
  jsonResponse(apiErrorSchema, description)
