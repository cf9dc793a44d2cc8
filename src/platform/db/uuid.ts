const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * True when `id` can be looked up in a uuid column. Anything else matches nothing, and asking
 * PostgreSQL would be an error: callers answer "not found" without asking.
 */
export const isUuid = (id: string) => UUID.test(id)
