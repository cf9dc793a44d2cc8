import { MAX_PROBLEMS_SHOWN, MAX_SPREADSHEET_COLUMNS } from '#src/platform/files/limits.ts'
import { DEFAULT_XML_LIMITS } from '#src/platform/xml/read-xml.ts'

/**
 * The limits on a statutory return, checked while it is read. A return is far larger than a file of
 * figures (the upload limits in platform/files/limits.ts): the largest council looks after about
 * 10,000 children a year and has about 100,000 in need, so these allow ten times that, and each is
 * read as a stream, a row or a child at a time. The columns and the problems listed are the upload
 * limits'; a return's fields are codes and dates, so a field is short.
 */
export interface ExtractLimits {
  /** The largest file accepted, in bytes. */
  maxBytes: number
  /** Rows (903 and Annex A) or children (CIN census) in one file. */
  maxRows: number
  maxColumns: number
  /** The longest field (cell or element text) in characters. */
  maxFieldLength: number
  /** XML elements in one CIN census; Annex A parts may expand to this many bytes together. */
  maxElements: number
  maxExpandedBytes: number
  maxDepth: number
  /** The row problems listed; the rest are counted. */
  maxProblems: number
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxBytes: 1024 * 1024 * 1024,
  maxRows: 2_000_000,
  maxColumns: MAX_SPREADSHEET_COLUMNS,
  maxFieldLength: 200,
  maxElements: 50_000_000,
  maxExpandedBytes: 2 * 1024 * 1024 * 1024 - 1,
  maxDepth: DEFAULT_XML_LIMITS.maxDepth,
  maxProblems: MAX_PROBLEMS_SHOWN,
}

const number = (n: number) => n.toLocaleString('en-GB')

/** Each refusal names the file and the limit. */
export const extractLimitMessages = (file: string, limits: ExtractLimits) => ({
  tooLarge: `${file} is larger than ${number(limits.maxBytes)} bytes`,
  tooLong: `${file} has more than ${number(limits.maxRows)} rows`,
  tooWide: `${file} has more than ${number(limits.maxColumns)} columns`,
  fieldTooLong: (row: number) =>
    `${file}: row ${number(row)} has a field longer than ${number(limits.maxFieldLength)} characters`,
})
