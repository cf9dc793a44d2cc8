/**
 * The limits on a spreadsheet or CSV file that people upload to be read, in one place: the
 * readers check them while they read, the upload forms and the guide quote them. A file is read
 * into memory row by row, so these bound what one upload can cost the server, whoever sends it.
 */

/** The largest file accepted: a framework's figures are a few hundred rows, a few tens of KB. */
export const MAX_SPREADSHEET_BYTES = 2 * 1024 * 1024

/** Columns with anything in them: the import template has 11, an export 12. */
export const MAX_SPREADSHEET_COLUMNS = 50

/** Rows with anything in them, after the header row: a council's framework has a few hundred. */
export const MAX_SPREADSHEET_ROWS = 10_000

/**
 * What the parts of an Excel file that are read (the first sheet, its shared text, styles and the
 * workbook) may expand to when unzipped, together. 10,000 rows of 50 figures is about 20MB of
 * sheet XML; a genuine 2MB file stays under this, and a file built to explode is stopped here.
 */
export const MAX_EXPANDED_BYTES = 32 * 1024 * 1024

/**
 * How many times its compressed size a part of an Excel file may expand to. Sheet XML compresses
 * about 10 to 30 times; a zip bomb, a thousand. Parts under MIN_RATIO_CHECKED_BYTES are not held
 * to it: a few hundred bytes of repeated XML compress far better, and cost nothing.
 */
export const MAX_EXPANSION_RATIO = 100
export const MIN_RATIO_CHECKED_BYTES = 1024 * 1024

/** Parts in an Excel file: a workbook has a dozen or so, and a few more per sheet. */
export const MAX_ZIP_ENTRIES = 1_000

/** Excel's own limit on the characters in a cell; a longer one is not from a spreadsheet. */
export const MAX_CELL_CHARACTERS = 32_767

/** The problems a rejected file's report lists, row by row; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 100

const number = (n: number) => n.toLocaleString('en-GB')
const megabytes = (bytes: number) => `${bytes / (1024 * 1024)}MB`

/** What the upload page and the guide say about the limits. */
export const SPREADSHEET_LIMITS_HINT = `smaller than ${megabytes(MAX_SPREADSHEET_BYTES)}, with up to ${number(MAX_SPREADSHEET_ROWS)} rows and ${MAX_SPREADSHEET_COLUMNS} columns`

/** Each refusal says which limit, in the words of the upload form's error message. */
export const LIMIT_MESSAGES = {
  tooLarge: `The file must be smaller than ${megabytes(MAX_SPREADSHEET_BYTES)}`,
  tooWide: `The file has more than ${MAX_SPREADSHEET_COLUMNS} columns: remove the columns you do not need`,
  tooLong: `The file has more than ${number(MAX_SPREADSHEET_ROWS)} rows of figures: split it into smaller files`,
  expandsTooFar: `The file expands to more than ${megabytes(MAX_EXPANDED_BYTES)} when opened: it may be damaged. Save it again, or save it as CSV`,
  expandsTooFast: `The file expands to more than ${MAX_EXPANSION_RATIO} times its size when opened: it may be damaged. Save it again, or save it as CSV`,
  tooManyParts: `The file has more than ${number(MAX_ZIP_ENTRIES)} parts: it may be damaged. Save it again, or save it as CSV`,
  unreadable: 'The file must be a CSV or an Excel (XLSX) file',
} as const

/** A file past one of the limits: the message names the limit. */
export class FileLimitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FileLimitError'
  }
}

/** A file that is not a CSV or an Excel workbook, or is damaged. */
export class UnreadableFileError extends Error {
  constructor() {
    super(LIMIT_MESSAGES.unreadable)
    this.name = 'UnreadableFileError'
  }
}
