/** A field's value as compared between imports: '' and null alike, dates as ISO strings, line ends as \n. */
function canonical(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n')
  return value
}

/** The names of the fields of `a` whose values differ in `b`, leaving out those in `ignore`. */
export function differingFields(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  ignore: readonly string[] = [],
): string[] {
  return Object.keys(a).filter((name) => !ignore.includes(name) && canonical(a[name]) !== canonical(b[name]))
}
