import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { z } from 'zod'

/** Every refusal under /api/: the error and the status, with each problem by field when the query was at fault. */
export const apiErrorSchema = z
  .strictObject({
    error: z.string().describe('What was wrong: "not found", or what was not valid'),
    statusCode: z.int().describe('The HTTP status, repeated'),
    details: z
      .array(z.strictObject({ field: z.string(), message: z.string() }))
      .optional()
      .describe('Each problem with the query, by parameter'),
  })
  .meta({ id: 'Error' })

type ApiError = z.output<typeof apiErrorSchema>

/**
 * The open data API's refusal of a query its schema does not accept: `{ error, statusCode }` like
 * every other refusal under /api/, with each problem by field.
 */
function invalidQuery(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ApiError {
  const details = issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }))
  return { error: 'The query is not valid', statusCode: 400, details }
}

/**
 * The error handler of the API's routes: a query (or path) their zod schema refused answers 400 with
 * each problem by field; anything else goes on to the app's handler, which answers every other refusal.
 */
export async function refuseInvalidInput(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (!hasZodFastifySchemaValidationErrors(error)) throw error
  const issues = error.validation.map((issue) => ({
    path: issue.instancePath.split('/').filter(Boolean),
    message: issue.message ?? 'Not valid',
  }))
  return reply.code(400).send(invalidQuery(issues))
}
