/**
 * A JSON response's body as the shape the test expects (`json<{ items: Item[] }>(response)`), so the
 * test reads it typed; a body of another shape fails the assertions that read it.
 */
export function json<T>(response: { body: string }): T {
  return JSON.parse(response.body) as T
}

/** What a test reads of the OpenAPI document. */
export interface OpenApiPaths {
  paths: Record<string, unknown>
}

/** The open data API's refusal. */
export interface ApiError {
  error: string
  statusCode: number
}
