/** A query-string parameter sent twice arrives as a list: the first one counts. */
export const firstOf = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value)
