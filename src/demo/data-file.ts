import { readFileSync, readdirSync } from 'node:fs'
import { parse } from 'yaml'
import type { z } from 'zod'

const DATA = new URL('./data/', import.meta.url)

/** A demo data file that cannot be read as the records it should hold. */
export class DemoDataError extends Error {
  override name = 'DemoDataError'
}

/** The names of the files in src/demo/data. */
export function dataFiles(): string[] {
  return readdirSync(DATA).sort()
}

/** The records of src/demo/data/`file`, checked by `schema` (see parseDataFile). */
export function readDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  return parseDataFile(file, readFileSync(new URL(file, DATA), 'utf8'), schema)
}

/**
 * The records in `text`, the YAML of the data file `file`, checked by `schema`. Each file opens with
 * `source`: the papers its facts come from; the rest is records. A file that does not parse, or a
 * record that does not fit the schema, fails here, before anything is written, naming the file, the
 * record and the field.
 */
export function parseDataFile<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  const path = `src/demo/data/${file}`
  let raw: unknown
  try {
    raw = parse(text)
  } catch (error) {
    throw new DemoDataError(`${path}: ${(error as Error).message}`)
  }
  if (!isObject(raw) || typeof raw.source !== 'string' || raw.source.trim() === '') {
    throw new DemoDataError(`${path}: the file must open with source: the papers its facts come from`)
  }
  const { source: _source, ...records } = raw
  const result = schema.safeParse(records)
  if (result.success) return result.data
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.map(String).join('.') || '(the file)'
    return `${path}${recordNamed(records, issue.path)}, ${field}: ${issue.message}`
  })
  const more = result.error.issues.length - problems.length
  throw new DemoDataError([...problems, ...(more > 0 ? [`and ${more} more`] : [])].join('\n'))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What names a record, most telling first. */
const NAMING_KEYS = ['slug', 'code', 'reference', 'title', 'name', 'number', 'date', 'text']

/** ", in the record with title "…"": the innermost record on `path` that has a name, if any. */
function recordNamed(records: unknown, path: readonly PropertyKey[]): string {
  let named = ''
  let at: unknown = records
  for (const step of path) {
    if (!isObject(at) && !Array.isArray(at)) break
    at = (at as Record<PropertyKey, unknown>)[step]
    if (!isObject(at)) continue
    const record = at
    const key = NAMING_KEYS.find((candidate) => ['string', 'number'].includes(typeof record[candidate]))
    if (key) named = `, in the record with ${key} ${JSON.stringify(String(record[key]).slice(0, 60))}`
  }
  return named
}
