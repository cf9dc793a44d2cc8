import { z } from 'zod'

/**
 * A route's path parameters as a schema (fastify-type-provider-zod types request.params from it):
 * each one a string, as the address gave it. A value that names nothing is for the service to
 * find missing (NotFoundError, 404); a parameter schema that refuses a value also answers 404.
 */
export function pathParams<K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, z.string()])) as Record<K, z.ZodString>)
}
