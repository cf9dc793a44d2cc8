import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { FileLimitError, UnreadableFileError } from '#src/platform/files/limits.ts'
import { readXlsxSheets } from '#src/platform/files/xlsx-reader.ts'
import { isZip } from '#src/platform/files/zip-entries.ts'
import { DEFAULT_EXTRACT_LIMITS, extractLimitMessages } from './extract-limits.ts'
import { ExtractRefusal, type ExtractResult, RowBuilder } from './extract-rows.ts'
import type { ReadOptions } from './read-903.ts'
import { type AnnexSheetSpec, TABLES_ANNEX_A, sourcesOf } from './records.ts'

/** Headings and sheet names compared without case, punctuation or repeated spaces. */
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

const SHEETS = Object.values(TABLES_ANNEX_A) as AnnexSheetSpec[]

/**
 * The list a sheet holds, from its name ("List 3 - Referrals"): its list number when it has one,
 * otherwise the words of its name. The lists not kept (early help, children in need, adopters) find none.
 */
export function annexListOf(sheetName: string): AnnexSheetSpec | undefined {
  const name = normalise(sheetName)
  const number = /^list (\d+)\b/.exec(name)?.[1]
  if (number) return SHEETS.find((spec) => spec.sheet.includes(`list ${number}`))
  if (/adopters/.test(name)) return undefined
  return SHEETS.find((spec) => spec.sheet.some((words) => !words.startsWith('list ') && name.includes(words)))
}

/**
 * Reads Ofsted's Annex A workbook (XLSX): the lists kept (contacts, referrals, assessments,
 * section 47 enquiries, child protection, children in care, care leavers, adoption), each row's
 * allow-listed columns sent to the sink. Each sheet's heading row is the first with the child's id
 * in it. Columns not kept are ignored; a list without a column it must have is refused. The
 * workbook is read through the same guarded reader as uploaded spreadsheets, each part streamed
 * and its expansion limited.
 */
export async function readAnnexAFile(path: string, options: ReadOptions): Promise<ExtractResult> {
  const limits = options.limits ?? DEFAULT_EXTRACT_LIMITS
  const file = basename(path)
  const messages = extractLimitMessages(file, limits)
  if ((await stat(path)).size > limits.maxBytes) throw new ExtractRefusal(messages.tooLarge)
  const data = await readFile(path)
  if (!isZip(data)) throw new ExtractRefusal(`${file} is not an Excel (XLSX) workbook`)
  const rows = new RowBuilder(options.pseudonyms, options.sink, 'either', limits)
  let count = 0
  let current: { sheet: string; spec: AnnexSheetSpec; columns?: Map<string, number> } | undefined
  // The workbook reader takes any error from inside a sheet for a damaged file: a refusal is kept to say itself.
  let refused: ExtractRefusal | undefined
  const refuse = (message: string) => {
    refused = new ExtractRefusal(message)
    throw refused
  }
  try {
    await readXlsxSheets(data, {
      maxExpandedBytes: limits.maxExpandedBytes,
      wanted: (name) => annexListOf(name) !== undefined,
      add(sheet, row, cells) {
        if (current?.sheet !== sheet) current = { sheet, spec: annexListOf(sheet) as AnnexSheetSpec }
        const { spec } = current
        if (cells.length > limits.maxColumns) refuse(messages.tooWide)
        if (cells.every((cell) => cell === '')) return
        count += 1
        if (count > limits.maxRows) refuse(messages.tooLong)
        if (!current.columns) {
          // Ofsted's lists may have a title above the headings.
          const headings = headingsOf(cells, spec, sheet)
          if (typeof headings === 'string') refuse(`${file}, ${headings}`)
          else current.columns = headings
          return
        }
        const columns = current.columns
        rows.add(spec, row, (source) => {
          const index = columns.get(normalise(source))
          return index === undefined ? undefined : cells[index]
        })
      },
    })
  } catch (error) {
    if (refused) throw refused
    if (error instanceof FileLimitError) throw new ExtractRefusal(`${file}: ${error.message}`)
    if (error instanceof UnreadableFileError) throw new ExtractRefusal(`${file} could not be read as an Excel workbook`)
    throw error
  }
  return rows.result()
}

/**
 * The headings' positions; undefined while the row is not the heading row; or, for a list without
 * a column it needs, why it is refused.
 */
function headingsOf(cells: string[], spec: AnnexSheetSpec, sheet: string): Map<string, number> | string | undefined {
  const columns = new Map<string, number>()
  cells.forEach((name, index) => {
    const key = normalise(name)
    if (key && !columns.has(key)) columns.set(key, index)
  })
  const has = (field: AnnexSheetSpec['fields'][number]) =>
    sourcesOf(field).some((source) => columns.has(normalise(source)))
  const child = spec.fields.find((field) => field.kind === 'child')
  if (child && !has(child)) return undefined
  const missing = spec.fields.filter((field) => field.required && !has(field)).map((field) => sourcesOf(field)[0])
  if (missing.length > 0) return `sheet ${sheet}: it has no ${missing.map((name) => `"${name}"`).join(', ')} column`
  return columns
}
