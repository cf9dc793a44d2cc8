import ExcelJS from 'exceljs'
import { toCsv } from '#src/modules/recommendations/csv.ts'
import { unitLabel } from './format.ts'
import { ASPIRATIONS, type Aspiration, type IndicatorUnit } from './tables.ts'
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
const FIGURES = ['Target', 'Actual', 'England', 'Region', 'Statistical neighbours'] as const
const UNREADABLE = 'The file must be a CSV or an Excel (XLSX) file'

type Table = { headers: string[]; rows: { row: number; cells: Record<string, string> }[] }
type Known = { indicators: { code: string; unit: IndicatorUnit }[]; periods: { slug: string; name: string }[] }

/** Reads a CSV or XLSX file into rows of cells keyed by header as written. The header is row 1. */
export async function readTable(data: Buffer): Promise<Table> {
  const grid = isZip(data) ? await xlsxGrid(data) : csvGrid(data)
  const [headerCells = [], ...records] = grid
  const columns = headerCells.flatMap((header, index) => (header.trim() ? [{ header, index }] : []))
  const rows = records.flatMap(({ row, cells }) => {
    if (cells.every((cell) => cell === '')) return []
    const keyed: Record<string, string> = {}
    for (const { header, index } of columns) if (!Object.hasOwn(keyed, header)) keyed[header] = cells[index] ?? ''
    return [{ row, cells: keyed }]
  })
  return { headers: columns.map((column) => column.header), rows }
}

function isZip(data: Buffer): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04
}

/** The first worksheet; the header row comes first, the rest keep their sheet row numbers. */
async function xlsxGrid(data: Buffer): Promise<[string[], ...{ row: number; cells: string[] }[]]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
  } catch {
    throw new Error(UNREADABLE)
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new Error(UNREADABLE)
  const width = sheet.columnCount
  const cellsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)).trim())
  const records: { row: number; cells: string[] }[] = []
  sheet.eachRow((row, number) => {
    if (number > 1) records.push({ row: number, cells: cellsOf(row) })
  })
  return [cellsOf(sheet.getRow(1)), ...records]
}

/** A cell as the person who typed it would read it: 43% stays "43%", a date is 'YYYY-MM-DD'. */
function cellText(cell: ExcelJS.Cell): string {
  const text = (value: ExcelJS.CellValue | undefined): string => {
    if (value === null || value === undefined) return ''
    if (typeof value === 'number') {
      return cell.numFmt?.includes('%') ? `${Number((value * 100).toPrecision(12))}%` : String(value)
    }
    if (typeof value === 'string') return value
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
    if (value instanceof Date) return value.toISOString().slice(0, 10)
    if ('richText' in value) return value.richText.map((run) => run.text).join('')
    if ('formula' in value || 'sharedFormula' in value) return text((value as { result?: ExcelJS.CellValue }).result)
    if ('hyperlink' in value) return text((value as { text?: ExcelJS.CellValue }).text)
    if ('error' in value) return String(value.error)
    return ''
  }
  return text(cell.value)
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF. */
function csvGrid(data: Buffer): [string[], ...{ row: number; cells: string[] }[]] {
  const content = decodeText(data)
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < content.length; i += 1) {
    const char = content[i]
    if (quoted && char === '"' && content[i + 1] === '"') {
      field += '"'
      i += 1
    } else if (quoted) {
      if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') {
      quoted = true
    } else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && content[i + 1] === '\n') i += 1
      records.push([...record, field])
      record = []
      field = ''
    } else {
      field += char
    }
  }
  if (quoted) throw new Error(UNREADABLE)
  if (field !== '' || record.length > 0) records.push([...record, field])
  const cells = records.map((fields) => fields.map(unescapeFormula))
  return [cells[0] ?? [], ...cells.slice(1).map((fields, index) => ({ row: index + 2, cells: fields }))]
}

/** UTF-8 (without its BOM), or Windows-1252 as older Excel saves CSV; binary content is refused. */
function decodeText(data: Buffer): string {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') throw new Error(UNREADABLE)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    text = new TextDecoder('windows-1252').decode(data)
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) throw new Error(UNREADABLE)
  return text.replace(/^\uFEFF/, '')
}

/** Undoes the apostrophe an export puts before =, +, -, @ so that a spreadsheet runs no formula. */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase()
const columnRank = (column: string) => {
  const index = EXPORT_COLUMNS.indexOf(column as Column)
  return index === -1 ? EXPORT_COLUMNS.length : index
}

/** Checks every row against the framework's indicators and periods: all the values, or every error. */
export function validateValues(
  table: Table,
  known: Known,
): { ok: true; values: ValueInput[] } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = []
  const headerOf = new Map<Column, string>()
  for (const header of table.headers) {
    const column = EXPORT_COLUMNS.find((name) => normalise(name) === normalise(header))
    const name = header.trim()
    if (!column) errors.push({ row: 1, column: name, message: `"${name}" is not a column of the template` })
    else if (headerOf.has(column)) errors.push({ row: 1, column, message: `The file has two "${column}" columns` })
    else headerOf.set(column, header)
  }
  const missing = REQUIRED.filter((column) => !headerOf.has(column))
  for (const column of missing) errors.push({ row: 1, column, message: `The file has no "${column}" column` })
  const values: ValueInput[] = []
  if (missing.length === 0) {
    const rows = table.rows.filter((row) => Object.values(row.cells).some((cell) => cell.trim() !== ''))
    if (rows.length === 0) errors.push({ row: 1, column: 'Indicator code', message: 'The file has no rows of figures' })
    const seen = new Map<string, number>()
    for (const { row, cells } of rows) {
      const cell = (column: Column) => (cells[headerOf.get(column) ?? ''] ?? '').trim()
      const result = rowValue(cell, known)
      for (const { column, message } of result.errors) errors.push({ row, column, message })
      if (!result.value) continue
      const key = `${result.value.code}\n${result.value.period}`
      const first = seen.get(key)
      if (first !== undefined) {
        const message = `Indicator ${result.value.code} and ${result.periodName} are already in row ${first}`
        errors.push({ row, column: 'Period', message })
      } else seen.set(key, row)
      values.push(result.value)
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors: errors.sort((a, b) => a.row - b.row || columnRank(a.column) - columnRank(b.column)) }
  }
  return { ok: true, values }
}

type Problem = { column: Column; message: string }

/** One row's value, or what is wrong with it. */
function rowValue(cell: (column: Column) => string, known: Known) {
  const errors: Problem[] = []
  const fail = (column: Column, message: string) => void errors.push({ column, message })
  const code = cell('Indicator code')
  const indicator = known.indicators.find((i) => normalise(i.code) === normalise(code))
  if (!code) fail('Indicator code', 'Enter the indicator code, like OF3.1')
  else if (!indicator) fail('Indicator code', `There is no indicator ${code}`)
  const periodText = cell('Period')
  const period = findPeriod(periodText, known.periods)
  if (!periodText) fail('Period', 'Enter the period, like October 2023')
  else if (!period) fail('Period', `There is no period called ${periodText}`)

  const value: Omit<ValueInput, 'code' | 'period'> = {}
  for (const column of FIGURES) {
    const figure = parseFigure(cell(column), column)
    if (typeof figure === 'string') fail(column, figure)
    else if (figure !== undefined) value[figureKey(column)] = figure
  }
  const count = parseFigure(cell('Count'), 'Count')
  if (typeof count === 'string') fail('Count', count)
  else if (count !== null && count !== undefined && !Number.isInteger(count)) {
    fail('Count', 'Count must be a whole number, like 1,200')
  } else if (count !== undefined) value.count = count
  const aspiration = parseAspiration(cell('Aspiration'))
  if (aspiration === false) fail('Aspiration', 'Aspiration must be increase, decrease or maintain')
  else if (aspiration !== undefined) value.aspiration = aspiration
  for (const [column, key] of [['Note', 'note'], ['Benchmark source', 'benchmarkSource']] as const) {
    const text = cell(column)
    if (text) value[key] = normalise(text) === 'clear' ? '' : text
  }

  if (value.target != null && value.aspiration != null) fail('Aspiration', 'Give a target or an aspiration, not both')
  if (value.count != null && indicator && indicator.unit !== 'rate per 10000') {
    fail('Count', 'Count is only for rates per 10,000')
  } else if (value.count != null && value.actual != null) {
    fail('Count', 'Give the actual or a count to work it out from, not both')
  }

  if (!indicator || !period || errors.length > 0) return { errors }
  const input: ValueInput = { code: indicator.code, period: period.slug, ...value }
  return { errors, value: input, periodName: period.name }
}

function figureKey(column: (typeof FIGURES)[number]) {
  const keys = {
    Target: 'target',
    Actual: 'actual',
    England: 'england',
    Region: 'region',
    'Statistical neighbours': 'statisticalNeighbours',
  } as const
  return keys[column]
}

/**
 * A figure as the papers write it: 422, 1,008, 14.5, 43% or 422/10,000 (the rate before the
 * slash). Blank is not given (undefined), "clear" clears it (null); a string is the error.
 */
function parseFigure(text: string, column: string): number | null | undefined | string {
  if (text === '') return undefined
  if (normalise(text) === 'clear') return null
  const figure = text.split('/')[0].replace(/\s*%$/, '').trim()
  if (/^-\s*[\d.,]/.test(figure)) return `${column} cannot be negative`
  const number = /^(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?$/.test(figure) && /\d/.test(figure)
  if (!number) return `${column} must be a number, like 422`
  return Number(figure.replace(/,/g, ''))
}

function parseAspiration(text: string): Aspiration | null | undefined | false {
  if (text === '') return undefined
  const word = normalise(text)
  if (word === 'clear') return null
  return ASPIRATIONS.find((aspiration) => aspiration === word) ?? false
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ')

/**
 * A period by its slug or name. Excel turns "2023-10" or "October 2023" typed into a CSV into a
 * date, saved back as "Oct-23" or "01/10/2023"; such a month finds the period named for it.
 */
function findPeriod<P extends { slug: string; name: string }>(text: string, periods: P[]): P | undefined {
  const wanted = normalise(text)
  const exact = periods.find((p) => normalise(p.slug) === wanted || normalise(p.name) === wanted)
  if (exact || !wanted) return exact
  const month = monthOf(wanted)
  if (!month) return undefined
  const name = `${MONTHS[month.month - 1]} ${month.year}`
  const slug = `${month.year}-${String(month.month).padStart(2, '0')}`
  return periods.find((p) => normalise(p.name) === name || normalise(p.slug) === slug)
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

type Cell = string | number | null
/** Stored as text, so that Excel leaves "2023-10" or "OF3.1" alone when someone types in them. */
const TEXT_COLUMNS = new Set<Column>(['Indicator code', 'Indicator', 'Period', 'Aspiration', 'Note', 'Benchmark source'])
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
  const workbook = workbookWith(`Figures for ${period.name}`, TEMPLATE_COLUMNS, rows)
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
  return Buffer.from(await workbookWith('Outcomes framework', EXPORT_COLUMNS, cells).xlsx.writeBuffer())
}

/** UTF-8 with a byte-order mark, so Excel reads the pound signs and curly quotes right. */
function csvFile(columns: readonly Column[], rows: Cell[][]): Buffer {
  return Buffer.from('\uFEFF' + toCsv([[...columns], ...rows]), 'utf8')
}

/** One sheet, "Figures": a bold frozen header; codes and periods stored as text so Excel keeps them. */
function workbookWith(title: string, columns: readonly Column[], rows: Cell[][]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
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
