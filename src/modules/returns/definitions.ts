import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { englandAndWalesBankHolidays } from '#src/platform/calendar/bank-holidays.ts'
import { ALL_TABLES, type ExtractKind } from './records.ts'
import type { Params, ReturnsStore, Statement } from './store.ts'
import { collectionYear } from './synth.ts'

/**
 * The national indicators computed from the returns: one SQL file per indicator per collection
 * year, in `definitions/<year>/<key>.sql` at the top of the repository, so that a year's
 * definitions are read, reviewed and versioned as they are run. Each file starts with a header of
 * `-- field: value` lines (name, unit, tables, description, source, and any departure from the
 * national definition), then one query giving a single row of `numerator` and `denominator`.
 */

/**
 * The definitions folder. Found from this module's own place (`src/modules/returns`, or the same
 * place under `dist/` in the build), three folders up: the repository's top either way.
 */
export const DEFINITIONS_FOLDER = join(import.meta.dirname, '..', '..', '..', 'definitions')

export const UNITS = ['percentage', 'rate per 10000', 'days', 'count'] as const
export type IndicatorUnit = (typeof UNITS)[number]

export interface IndicatorDefinition {
  key: string
  name: string
  unit: IndicatorUnit
  description: string
  /** Where the national definition is set out. */
  source: string
  /** How it departs from the national definition, when the returns kept cannot give it exactly. */
  departure: string | null
  /** The store's tables it reads. */
  tables: string[]
  sql: string
  /** The first 12 hex digits of the SHA-256 of the file: changes whenever the definition does. */
  version: string
}

export interface ComputedIndicator {
  key: string
  name: string
  unit: IndicatorUnit
  description: string
  tables: string[]
  numerator: number
  denominator: number | null
  /**
   * A percentage (0 to 100), a rate per 10,000 or average days; null when there is nothing to
   * divide by or its return is missing.
   */
  value: number | null
  version: string
  sql: string
}

const REQUIRED = ['name', 'unit', 'tables', 'description', 'source'] as const
const OPTIONAL = ['departure'] as const
const TABLE_NAMES = new Set(ALL_TABLES.map((table) => table.name))
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** The return a table is kept from, by its name's prefix. */
function kindOf(table: string): ExtractKind {
  if (table.startsWith('ssda903_')) return '903'
  if (table.startsWith('cin_')) return 'cin'
  return 'annex-a'
}

/** Reads a definition's header and checks it; `file` names it in any message. */
export function parseDefinition(key: string, sql: string, file = `${key}.sql`): IndicatorDefinition {
  if (!KEY.test(key)) throw new Error(`${file}: a definition's file name must be lower case words joined by hyphens`)
  const fields: Record<string, string> = {}
  for (const line of sql.split('\n')) {
    if (!line.startsWith('--')) break
    const match = /^--\s*([a-z]+):\s*(.+)$/.exec(line)
    if (!match) throw new Error(`${file}: each header line must be "-- field: value", not "${line}"`)
    const [, field, value] = match
    if (![...REQUIRED, ...OPTIONAL].includes(field as never))
      throw new Error(`${file}: the header has a field "${field}" that is not one of ${REQUIRED.join(', ')}, departure`)
    if (field in fields) throw new Error(`${file}: the header gives "${field}" twice`)
    fields[field] = value.trim()
  }
  for (const field of REQUIRED) if (!fields[field]) throw new Error(`${file}: the header has no "${field}"`)
  if (!UNITS.includes(fields.unit as IndicatorUnit))
    throw new Error(`${file}: the unit must be one of ${UNITS.join(', ')}, not "${fields.unit}"`)
  const tables = fields.tables.split(',').map((table) => table.trim())
  for (const table of tables) if (!TABLE_NAMES.has(table)) throw new Error(`${file}: the store has no table "${table}"`)
  return {
    key,
    name: fields.name,
    unit: fields.unit as IndicatorUnit,
    description: fields.description,
    source: fields.source,
    departure: fields.departure ?? null,
    tables,
    sql,
    version: createHash('sha256').update(sql).digest('hex').slice(0, 12),
  }
}

/** The collection years with definitions, like 2023-24, oldest first. */
export function definitionYears(folder = DEFINITIONS_FOLDER): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}-\d{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/** Every definition for a collection year, by key; refuses a year that has none. */
export function listDefinitions(year: string, folder = DEFINITIONS_FOLDER): IndicatorDefinition[] {
  collectionYear(year)
  const years = definitionYears(folder)
  if (!years.includes(year))
    throw new Error(
      `There are no indicator definitions for ${year}. ` +
        (years.length > 0 ? `Definitions are kept for ${years.join(', ')}.` : `None were found in ${folder}.`),
    )
  const yearFolder = join(folder, year)
  return readdirSync(yearFolder)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => parseDefinition(name.slice(0, -4), readFileSync(join(yearFolder, name), 'utf8'), `${year}/${name}`))
}

const DAY = 86_400_000
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)
/** Working days are counted from dates as early as this; earlier dates in a return are not credible. */
const CALENDAR_FROM_YEARS_BEFORE = 20

/**
 * The statement that makes `working_day_calendar`, a temporary table of every day from well before the year to a
 * year after it, each with the count of working days (not a Saturday, Sunday or England and Wales
 * bank holiday) up to and including it. The working days from one date to a later one are the
 * difference of their counts: those after the first, up to and including the second, so an
 * assessment started on a Monday and authorised on the Tuesday took 1.
 */
export function workingDayCalendar(year: string): Statement {
  const { start, end } = collectionYear(year)
  const holidays = englandAndWalesBankHolidays()
  const from = Date.UTC(new Date(start * DAY).getUTCFullYear() - CALENDAR_FROM_YEARS_BEFORE, 0, 1) / DAY
  const days: string[] = []
  const counts: number[] = []
  let counted = 0
  for (let day = from; day <= end + 366; day += 1) {
    const iso = isoOf(day)
    const weekday = new Date(day * DAY).getUTCDay()
    if (weekday !== 0 && weekday !== 6 && !holidays.isHoliday(iso)) counted += 1
    days.push(iso)
    counts.push(counted)
  }
  return {
    sql: `create or replace temp table working_day_calendar as
     select unnest($days::varchar[])::date as day, unnest($counts::integer[]) as working_days`,
    params: { days: `[${days.join(',')}]`, counts: `[${counts.join(',')}]` },
  }
}

/** The parameters a definition names, and only those (DuckDB refuses a parameter a query does not use). */
function paramsFor(sql: string, all: Record<string, string | number | null>): Params {
  const used: Record<string, string | number | null> = {}
  for (const [, name] of sql.matchAll(/\$([a-z_]+)/g)) {
    if (!(name in all))
      throw new Error(`A definition uses $${name}, which is not one of ${Object.keys(all).join(', ')}`)
    used[name] = all[name]
  }
  return used
}

const finite = (value: unknown): number | null => {
  if (value === null || value === undefined) return null
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}

/**
 * Runs every definition of the year on the extracts given (by kind), with the year's child
 * population (aged 0 to 17) for the rates. A definition whose return is missing is not run: its
 * value is null, as is every rate when the population is not known.
 */
export async function computeIndicators(
  store: ReturnsStore,
  options: { year: string; extracts: Partial<Record<ExtractKind, string>>; population: number | null },
): Promise<ComputedIndicator[]> {
  const definitions = listDefinitions(options.year)
  const { start, end } = collectionYear(options.year)
  if (options.population !== null && !(Number.isFinite(options.population) && options.population >= 0))
    throw new Error('The child population must be a number from 0')
  const params = {
    cin: options.extracts.cin ?? null,
    lac: options.extracts['903'] ?? null,
    annex: options.extracts['annex-a'] ?? null,
    year_start: isoOf(start),
    year_end: isoOf(end),
    population: options.population,
  }
  const runnable = definitions.filter((definition) =>
    definition.tables.every((table) => options.extracts[kindOf(table)]),
  )
  // The definitions are independent of each other: run two at a time, each connection with its calendar.
  const answers = await store.queryAll(
    runnable.map(({ sql }) => ({ sql, params: paramsFor(sql, params) })),
    { lanes: 2, setup: workingDayCalendar(options.year) },
  )
  const computed: ComputedIndicator[] = []
  for (const definition of definitions) {
    const { key, name, unit, description, tables, version, sql } = definition
    const at = runnable.indexOf(definition)
    const missing = at === -1
    let numerator = 0
    let denominator: number | null = null
    if (!missing) {
      const rows = answers[at]
      if (rows.length !== 1 || !('numerator' in rows[0]) || !('denominator' in rows[0]))
        throw new Error(`The definition ${options.year}/${key} must give one row of numerator and denominator`)
      numerator = finite(rows[0].numerator) ?? 0
      denominator = finite(rows[0].denominator)
    }
    const scale = unit === 'percentage' ? 100 : unit === 'rate per 10000' ? 10_000 : 1
    const value =
      unit === 'count'
        ? missing
          ? null
          : numerator
        : denominator === null || denominator === 0
          ? null
          : (numerator / denominator) * scale
    computed.push({ key, name, unit, description, tables, numerator, denominator, value, version, sql })
  }
  return computed
}
