import { setImmediate as nextTurn } from 'node:timers/promises'
import type ExcelJS from 'exceljs'
import { type CsvCell, csvText } from '#src/platform/files/csv-writer.ts'
import { ProblemList } from '#src/platform/files/problem-list.ts'
import { readSpreadsheet } from '#src/platform/files/spreadsheet.ts'
import { unitLabel } from './format.ts'
import { VALUE_FIELD_NAMES, type ValueField, unitProblems, valueSchema } from './schema.ts'
import type { IndicatorUnit } from './tables.ts'
import type { RowError, ValueInput } from './value-input.ts'

/** The columns of an import file, in the template's order. */
export const TEMPLATE_COLUMNS = [
  'Indicator code',
  'Period',
  'Target',
  'Aspiration',
  'Actual',
  'Count',
  'Note',
  'England',
  'Region',
  'Statistical neighbours',
  'Benchmark source',
] as const
type Column = (typeof TEMPLATE_COLUMNS)[number] | 'Indicator'
export type FileFormat = 'csv' | 'xlsx'

/** An export also names the indicator, after its code; an import accepts and ignores that column. */
const EXPORT_COLUMNS: readonly Column[] = ['Indicator code', 'Indicator', ...TEMPLATE_COLUMNS.slice(1)]
const REQUIRED: readonly Column[] = ['Indicator code', 'Period']
const VALUE_FIELDS = Object.keys(VALUE_FIELD_NAMES) as ValueField[]
/** 10,000 rows take a few hundred milliseconds to check: other requests are answered between batches. */
const ROWS_BETWEEN_TURNS = 250

type Table = { headers: string[]; rows: { row: number; cells: Record<string, string> }[] }
type Known = {
  indicators: { code: string; name: string; unit: IndicatorUnit }[]
  periods: { slug: string; name: string }[]
}
/** All the values, or the first problems (row and column) and how many more there are. */
export type CheckedValues = { ok: true; values: ValueInput[] } | { ok: false; errors: RowError[]; more: number }

/**
 * Reads a CSV or XLSX file into rows of cells keyed by header as written. The header is row 1.
 * The file is checked against the upload limits as it is read (platform/files/limits.ts): past
 * one, this throws a FileLimitError that names it; a file that is neither, UnreadableFileError.
 */
export async function readTable(data: Buffer): Promise<Table> {
  const { header, rows } = await readSpreadsheet(data)
  const columns = header.flatMap((name, index) => (name.trim() ? [{ header: name, index }] : []))
  return {
    headers: columns.map((column) => column.header),
    rows: rows.map(({ row, cells }) => {
      const keyed: Record<string, string> = {}
      for (const { header, index } of columns) if (!Object.hasOwn(keyed, header)) keyed[header] = cells[index] ?? ''
      return { row, cells: keyed }
    }),
  }
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase()
const columnRank = (column: string) => {
  const index = EXPORT_COLUMNS.indexOf(column as Column)
  return index === -1 ? EXPORT_COLUMNS.length : index
}
/** What someone wrote, quoted in a message: enough to find it, however long the cell. */
const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text)

type Problem = { column: string; message: string }

/**
 * Checks every row against the framework's indicators and periods and the rules of the value
 * form (valueSchema and unitProblems, as the form's save applies them): all the values, or the
 * problems, by row then column. The report keeps the first problems and counts the rest.
 */
export async function validateValues(table: Table, known: Known): Promise<CheckedValues> {
  const problems = new ProblemList<RowError>()
  const report = (row: number, found: Problem[]) => {
    for (const problem of found.sort((a, b) => columnRank(a.column) - columnRank(b.column)))
      problems.add({ row, ...problem })
  }
  const headerOf = new Map<Column, string>()
  const headerProblems: Problem[] = []
  for (const header of table.headers) {
    const column = EXPORT_COLUMNS.find((name) => normalise(name) === normalise(header))
    const name = shown(header.trim())
    if (!column) headerProblems.push({ column: name, message: `"${name}" is not a column of the template` })
    else if (headerOf.has(column)) headerProblems.push({ column, message: `The file has two "${column}" columns` })
    else headerOf.set(column, header)
  }
  const missing = REQUIRED.filter((column) => !headerOf.has(column))
  for (const column of missing) headerProblems.push({ column, message: `The file has no "${column}" column` })
  const values: ValueInput[] = []
  const rows =
    missing.length > 0 ? [] : table.rows.filter((row) => Object.values(row.cells).some((cell) => cell.trim() !== ''))
  if (missing.length === 0 && rows.length === 0) {
    headerProblems.push({ column: 'Indicator code', message: 'The file has no rows of figures' })
  }
  report(1, headerProblems)
  const seen = new Map<string, number>()
  const lookup = lookupsOf(known)
  for (const [index, { row, cells }] of rows.entries()) {
    if (index > 0 && index % ROWS_BETWEEN_TURNS === 0) await nextTurn()
    const cell = (column: Column) => (cells[headerOf.get(column) ?? ''] ?? '').trim()
    const result = rowValue(cell, lookup)
    if (result.value) {
      const key = `${result.value.code}\n${result.value.period}`
      const first = seen.get(key)
      if (first !== undefined) {
        const message = `Indicator ${result.value.code} and ${result.periodName} are already in row ${first}`
        result.problems.push({ column: 'Period', message })
      } else seen.set(key, row)
      values.push(result.value)
    }
    report(row, result.problems)
  }
  if (problems.count > 0) return { ok: false, errors: problems.shown, more: problems.more }
  return { ok: true, values }
}

type Lookups = { indicators: Map<string, Known['indicators'][number]>; periods: Map<string, Known['periods'][number]> }

/** The framework's indicators by code and periods by slug and name, each as normalise() leaves it. */
function lookupsOf(known: Known): Lookups {
  const periods = new Map<string, Known['periods'][number]>()
  // The first period in order whose slug or name it is, as a search in order would find.
  for (const period of known.periods) {
    for (const key of [normalise(period.slug), normalise(period.name)]) if (!periods.has(key)) periods.set(key, period)
  }
  return { indicators: new Map(known.indicators.map((indicator) => [normalise(indicator.code), indicator])), periods }
}

/**
 * One row's value, or what is wrong with it. Its cells are read as the form's fields, by the
 * form's schema: a blank cell is not given (what is stored stays), and "clear" is the form's
 * blank, which clears.
 */
function rowValue(cell: (column: Column) => string, lookup: Lookups) {
  const problems: Problem[] = []
  const fail = (column: string, message: string) => void problems.push({ column, message })
  const code = cell('Indicator code')
  const indicator = lookup.indicators.get(normalise(code))
  if (!code) fail('Indicator code', 'Enter the indicator code, like OF3.1')
  else if (!indicator) fail('Indicator code', `There is no indicator ${shown(code)}`)
  const periodText = cell('Period')
  const period = findPeriod(periodText, lookup.periods)
  if (!periodText) fail('Period', 'Enter the period, like October 2023')
  else if (!period) fail('Period', `There is no period called ${shown(periodText)}`)

  const fields: Record<string, string> = {}
  const given = VALUE_FIELDS.filter((field) => {
    const text = cell(VALUE_FIELD_NAMES[field])
    fields[field] = normalise(text) === 'clear' ? '' : text
    return text !== ''
  })
  const parsed = valueSchema.safeParse(fields)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fail(VALUE_FIELD_NAMES[issue.path[0] as ValueField], issue.message)
    return { problems }
  }
  const value: Omit<ValueInput, 'code' | 'period'> = Object.fromEntries(
    given.map((field) => [field, parsed.data[field]]),
  )
  if (indicator)
    for (const { field, message } of unitProblems(indicator.unit, value, indicator.name))
      fail(VALUE_FIELD_NAMES[field], message)
  if (!indicator || !period || problems.length > 0) return { problems }
  const input: ValueInput = { code: indicator.code, period: period.slug, ...value }
  return { problems, value: input, periodName: period.name }
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ')

/**
 * A period by its slug or name. Excel turns "2023-10" or "October 2023" typed into a CSV into a
 * date, saved back as "Oct-23" or "01/10/2023"; such a month finds the period named for it.
 */
function findPeriod<P>(text: string, periods: Map<string, P>): P | undefined {
  const wanted = normalise(text)
  const exact = periods.get(wanted)
  if (exact || !wanted) return exact
  const month = monthOf(wanted)
  if (!month) return undefined
  const name = `${MONTHS[month.month - 1]} ${month.year}`
  const slug = `${month.year}-${String(month.month).padStart(2, '0')}`
  return periods.get(name) ?? periods.get(slug)
}

function monthOf(text: string): { year: number; month: number } | undefined {
  const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year))
  let match = /^(\d{4})-(\d{1,2})-\d{1,2}$/.exec(text)
  if (match) return { year: Number(match[1]), month: Number(match[2]) }
  match = /^\d{1,2}\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text)
  if (match) return { year: fullYear(match[2]), month: Number(match[1]) }
  match = /^([a-z]{3,9})[- ](\d{2}|\d{4})$/.exec(text)
  if (!match) return undefined
  const word = match[1]
  const index = MONTHS.findIndex((name) => name.startsWith(word))
  return index >= 0 ? { year: fullYear(match[2]), month: index + 1 } : undefined
}

type Cell = CsvCell
/** Stored as text, so that Excel leaves "2023-10" or "OF3.1" alone when someone types in them. */
const TEXT_COLUMNS = new Set<Column>([
  'Indicator code',
  'Indicator',
  'Period',
  'Aspiration',
  'Note',
  'Benchmark source',
])
const WIDTHS: Partial<Record<Column, number>> = {
  Indicator: 50,
  Period: 22,
  Note: 50,
  'Statistical neighbours': 22,
  'Benchmark source': 30,
}

/** A file to fill in: one row per indicator for the period, figures blank. */
export async function valuesTemplate(
  format: FileFormat,
  indicators: { code: string; name: string; unit: IndicatorUnit }[],
  period: { slug: string; name: string },
): Promise<Buffer> {
  const cellOf = (column: Column, code: string): Cell =>
    column === 'Indicator code' ? code : column === 'Period' ? period.slug : ''
  const rows = indicators.map((indicator) => TEMPLATE_COLUMNS.map((column) => cellOf(column, indicator.code)))
  if (format === 'csv') return csvFile(TEMPLATE_COLUMNS, rows)
  const workbook = await workbookWith(`Figures for ${period.name}`, TEMPLATE_COLUMNS, rows)
  const reference = workbook.addWorksheet('Indicators', { views: [{ state: 'frozen', ySplit: 1 }] })
  reference.columns = [
    { header: 'Indicator code', width: 16 },
    { header: 'Indicator', width: 70 },
    { header: 'Unit', width: 24 },
  ]
  reference.getRow(1).font = { bold: true }
  for (const { code, name, unit } of indicators) reference.addRow([code, name, unitLabel(unit, { short: true })])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

type StoredRow = {
  code: string
  name: string
  period: { slug: string; name: string }
  target: number | null
  aspiration: string | null
  actual: number | null
  count: number | null
  note: string
  england: number | null
  region: number | null
  statisticalNeighbours: number | null
  benchmarkSource: string
}

/**
 * Stored values in the template's columns and the indicator's name, to edit and import again.
 * A rate worked out from a count gives the count and leaves Actual blank: the import refuses
 * both, and the count gives the same rate again.
 */
export async function exportValues(format: FileFormat, rows: StoredRow[]): Promise<Buffer> {
  const cells = rows.map((row) => {
    const byColumn: Record<Column, Cell> = {
      'Indicator code': row.code,
      Indicator: row.name,
      Period: row.period.slug,
      Target: row.target,
      Aspiration: row.aspiration,
      Actual: row.count === null ? row.actual : null,
      Count: row.count,
      Note: row.note,
      England: row.england,
      Region: row.region,
      'Statistical neighbours': row.statisticalNeighbours,
      'Benchmark source': row.benchmarkSource,
    }
    return EXPORT_COLUMNS.map((column) => byColumn[column])
  })
  if (format === 'csv') return csvFile(EXPORT_COLUMNS, cells)
  const workbook = await workbookWith('Outcomes framework', EXPORT_COLUMNS, cells)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The platform's CSV for Excel: a byte-order mark, and no cell Excel would run as a formula. */
function csvFile(columns: readonly Column[], rows: Cell[][]): Buffer {
  return Buffer.from(csvText([[...columns], ...rows]), 'utf8')
}

/** One sheet, "Figures": a bold frozen header; codes and periods stored as text so Excel keeps them. */
async function workbookWith(title: string, columns: readonly Column[], rows: Cell[][]): Promise<ExcelJS.Workbook> {
  // Loaded on the first download, not when the app starts (issue 15: start-up time).
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  workbook.creator = 'Oversight'
  workbook.title = title
  const sheet = workbook.addWorksheet('Figures', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((column) => ({
    header: column,
    width: WIDTHS[column] ?? Math.max(12, column.length + 2),
    style: {
      alignment: { vertical: 'top', wrapText: column === 'Note' },
      ...(TEXT_COLUMNS.has(column) ? { numFmt: '@' } : {}),
    },
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)))
  return workbook
}
