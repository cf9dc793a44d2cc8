import { stringify } from 'csv-stringify/sync'

export type CsvCell = string | number | null | undefined

/**
 * The first characters with which a spreadsheet runs a cell as a formula: =, +, -, @, tab,
 * carriage return, and their full-width forms. csv-stringify's escape_formulas puts an apostrophe
 * before each (OWASP's advice on CSV injection), except before a minus sign that starts a number.
 */
export const FORMULA_GUARD = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * A CSV file for people to open in Excel: UTF-8 with a byte-order mark (so Excel reads the pound
 * signs and curly quotes right), every field quoted, CRLF between rows, and no cell that Excel
 * would run as a formula, so an export cannot carry a formula into someone's spreadsheet.
 */
export function csvText(rows: CsvCell[][]): string {
  return stringify(rows, {
    bom: true,
    quoted: true,
    quoted_empty: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  })
}
