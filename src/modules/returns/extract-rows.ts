import { ProblemList } from '#src/platform/files/problem-list.ts'
import type { ExtractLimits } from './extract-limits.ts'
import { type Pseudonymiser, birthMonth, postcodeDistrict } from './pseudonym.ts'
import { type FieldSpec, type ReturnRow, type RowProblem, type TableSpec, type Value, sourcesOf } from './records.ts'

/**
 * Where the rows read go: a table's name and one row at a time, with its row as the file numbers it,
 * so that nothing need hold a whole return.
 */
export type RowSink = (table: string, row: ReturnRow, rowNumber: number) => void

/** What reading a return came to: how many rows were kept and the problems found (the first, and a count). */
export interface ExtractResult {
  kept: Record<string, number>
  problems: RowProblem[]
  moreProblems: number
}

/** A return refused whole: too large, unreadable, or without a column it must have. */
export class ExtractRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExtractRefusal'
  }
}

/** The date formats the returns use: DD/MM/YYYY in the 903, YYYY-MM-DD in the CIN census. */
export type DateFormat = 'dmy' | 'iso' | 'either'

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * A real calendar date as YYYY-MM-DD, or null. Worked out without a Date: a return has millions of
 * dates, and making and printing a Date for each was the readers' largest cost.
 */
export function parseDate(text: string, format: DateFormat): string | null {
  let year: number, month: number, day: number
  const dmy = format !== 'iso' ? DMY.exec(text) : null
  const iso = format !== 'dmy' && !dmy ? ISO.exec(text) : null
  if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else return null
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return null
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`
}

const FLAG_TRUE = new Set(['1', 'y', 'yes', 'true', 'a) yes'])
const FLAG_FALSE = new Set(['0', 'n', 'no', 'false', 'b) no'])
/** A code with no list of its own: short, and only the characters codes and Ofsted's labels use. */
const FREE_CODE = /^[A-Za-z0-9 ()/,.'’&+-]{1,60}$/

const DATE_EXAMPLE: Record<DateFormat, string> = { dmy: 'DD/MM/YYYY', iso: 'YYYY-MM-DD', either: 'DD/MM/YYYY' }

/**
 * One field's value as kept, or what is wrong with it. Nothing but what the kind allows comes out:
 * a pseudonym, a date, a month, a district, a listed code, a count or a flag.
 */
export function fieldValue(
  field: FieldSpec,
  raw: string,
  pseudonyms: Pseudonymiser,
  dates: DateFormat,
): { value: Value } | { problem: string } {
  const text = raw.trim()
  if (text === '') return field.required ? { problem: 'is missing' } : { value: null }
  switch (field.kind) {
    case 'child':
      return { value: pseudonyms.child(text) }
    case 'date':
    case 'month': {
      const date = parseDate(text, dates)
      if (!date) return { problem: `is not a date like ${DATE_EXAMPLE[dates]}` }
      return { value: field.kind === 'month' ? birthMonth(date) : date }
    }
    case 'district': {
      const district = postcodeDistrict(text)
      return district ? { value: district } : { problem: 'is not a postcode' }
    }
    case 'count': {
      if (!/^\d{1,6}$/.test(text)) return { problem: 'is not a whole number' }
      return { value: Number(text) }
    }
    case 'flag': {
      const lower = text.toLowerCase()
      if (FLAG_TRUE.has(lower)) return { value: true }
      if (FLAG_FALSE.has(lower)) return { value: false }
      return { problem: 'is not yes or no' }
    }
    case 'code': {
      if (field.codes) {
        const code = text.toUpperCase()
        return field.codes.includes(code) ? { value: code } : { problem: 'is not one of the return’s codes' }
      }
      return FREE_CODE.test(text) ? { value: text } : { problem: 'is not a code' }
    }
  }
}

/**
 * Builds the rows of one return's tables: each row's allow-listed fields from its cells, the
 * problems with the table, row and field (the first few listed, the rest counted), and the counts.
 */
export class RowBuilder {
  private readonly list: ProblemList<RowProblem>
  readonly kept: Record<string, number> = {}

  private readonly pseudonyms: Pseudonymiser

  constructor(
    pseudonyms: Pseudonymiser,
    private readonly sink: RowSink,
    private readonly dates: DateFormat,
    private readonly limits: ExtractLimits,
  ) {
    this.list = new ProblemList(limits.maxProblems)
    // A child's rows come one after another (a census gives each referral and its parts under the
    // child), so the last id's pseudonym is kept: one HMAC per child rather than one per row.
    let lastId: string | undefined
    let lastPseudonym = ''
    this.pseudonyms = {
      child(id) {
        if (id !== lastId) [lastId, lastPseudonym] = [id, pseudonyms.child(id)]
        return lastPseudonym
      },
    }
  }

  problem(table: string, row: number, field: string, message: string) {
    this.list.add({ table, row, field, message })
  }

  /**
   * A row from its cells (`cell(source)` gives the text under a source name, or undefined when the
   * return has no such column): sent to the sink unless a required field is missing or wrong.
   */
  add(spec: TableSpec, row: number, cell: (source: string) => string | undefined, extra?: ReturnRow): boolean {
    const kept: ReturnRow = { ...extra }
    let whole = true
    for (const field of spec.fields) {
      let raw = ''
      for (const source of sourcesOf(field)) {
        const text = cell(source)
        if (text !== undefined && text !== '') {
          raw = text
          break
        }
      }
      if (raw.length > this.limits.maxFieldLength) {
        this.problem(spec.name, row, field.name, `is longer than ${this.limits.maxFieldLength} characters`)
        if (field.required) whole = false
        kept[field.name] = null
        continue
      }
      const result = fieldValue(field, raw, this.pseudonyms, this.dates)
      if ('problem' in result) {
        // The value is not repeated in the message: it may be the very thing that must not be kept.
        this.problem(spec.name, row, field.name, `${sourcesOf(field)[0]} ${result.problem}`)
        if (field.required) whole = false
        kept[field.name] = null
      } else kept[field.name] = result.value
    }
    if (!whole) return false
    this.kept[spec.name] = (this.kept[spec.name] ?? 0) + 1
    this.sink(spec.name, kept, row)
    return true
  }

  result(): ExtractResult {
    return { kept: this.kept, problems: this.list.shown, moreProblems: this.list.more }
  }
}

/** A sink that keeps every row, by table: for tests and small returns. */
export function collectRows() {
  const tables: Record<string, ReturnRow[]> = {}
  const sink: RowSink = (table, row) => void (tables[table] ??= []).push(row)
  return { tables, sink }
}

/**
 * Rows of one table, sent together: each row's number in the file, and the values of its fields
 * one row after another, in the order of the table's fields.
 */
export interface RowBatch {
  table: string
  rowNumbers: number[]
  values: Value[]
}

/** Rows in a batch before it is sent: enough that sending costs little per row, few enough to hold. */
export const ROWS_PER_BATCH = 4096

/**
 * A sink that gathers rows into a batch per table and hands each batch on when full (and the rest
 * at `end`): the rows of a return cross from the thread that reads it to the one that stores it a
 * batch at a time.
 */
export class RowBatcher {
  private readonly batches = new Map<string, { fields: string[]; batch: RowBatch }>()

  constructor(
    tables: readonly TableSpec[],
    private readonly send: (batch: RowBatch) => void,
    private readonly rowsPerBatch = ROWS_PER_BATCH,
  ) {
    for (const spec of tables)
      this.batches.set(spec.name, {
        fields: spec.fields.map((field) => field.name),
        batch: { table: spec.name, rowNumbers: [], values: [] },
      })
  }

  readonly sink: RowSink = (table, row, rowNumber) => {
    const held = this.batches.get(table)
    if (!held) throw new Error(`No table ${table} is expected in this return`)
    const { fields, batch } = held
    batch.rowNumbers.push(rowNumber)
    for (const field of fields) batch.values.push(row[field] ?? null)
    if (batch.rowNumbers.length >= this.rowsPerBatch) this.flush(held)
  }

  private flush(held: { batch: RowBatch }) {
    const { batch } = held
    if (batch.rowNumbers.length === 0) return
    held.batch = { table: batch.table, rowNumbers: [], values: [] }
    this.send(batch)
  }

  /** Sends what is held. */
  end() {
    for (const held of this.batches.values()) this.flush(held)
  }
}
