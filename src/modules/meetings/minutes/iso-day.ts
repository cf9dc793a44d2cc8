/**
 * 'YYYY-MM-DD' for a `date` column's value. In-memory PGlite ignores openPglite's date parser and
 * returns Dates at UTC midnight; the rest of the app (and the types) expect strings.
 */
export function isoDay<T extends string | null | undefined>(value: T | Date): T {
  return (value instanceof Date ? value.toISOString().slice(0, 10) : value) as T
}
