import { setImmediate as nextTurn } from 'node:timers/promises'
import { parse } from 'csv-parse'
import { type Grid, GridBuilder, checkColumn } from './grid.ts'
import { FileLimitError, MAX_SPREADSHEET_COLUMNS, UnreadableFileError } from './limits.ts'
import { FORMULA_GUARD } from './csv-writer.ts'

/** Small enough that parsing one takes a few milliseconds, on a busy server too. */
const CHUNK_CHARACTERS = 16 * 1024

/**
 * A CSV file's records (RFC 4180: quoted fields may hold commas, doubled quotes and line
 * breaks; CRLF, LF or CR), numbered as a spreadsheet numbers its rows. csv-parse is fed 16KB at a
 * time with a turn of the event loop between, so a large file never holds the server for long,
 * and the file is refused the moment a record passes the column or row limit.
 */
export async function readCsv(data: Buffer): Promise<Grid> {
  const text = decodeText(data)
  const grid = new GridBuilder()
  let row = 0
  let failure: unknown = null
  // A stray quote inside a field ("5" screen") is kept as it is, as Excel reads it.
  const parser = parse({ relax_quotes: true, relax_column_count: true, skip_empty_lines: false })
  parser.on('data', (fields: string[]) => {
    if (failure) return
    try {
      row += 1
      grid.add(row, withinColumns(fields).map(unescapeFormula))
    } catch (error) {
      failure = error
    }
  })
  parser.on('error', (error) => (failure ??= error))
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('close', resolve))
  // Written in flowing mode, each chunk is parsed, and its records handled, within write().
  for (let offset = 0; offset < text.length && !failure; offset += CHUNK_CHARACTERS) {
    withoutStackTraces(() => parser.write(text.slice(offset, offset + CHUNK_CHARACTERS)))
    await nextTurn()
  }
  if (!failure) parser.end()
  else parser.destroy()
  await ended
  if (failure instanceof FileLimitError) throw failure
  if (failure) throw new UnreadableFileError()
  return grid.grid
}

/**
 * csv-parse builds an Error for every record with a different number of fields from the first,
 * even when told to accept them (relax_column_count), and drops it. A file of short rows under
 * a full header is common (a CSV typed by hand), and the stack traces of those unused errors
 * were most of the time it took to read. They are not captured while a chunk is parsed; the
 * parse is synchronous, so nothing else runs meanwhile, and the limit is put back at once.
 */
function withoutStackTraces(work: () => void) {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    work()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** The fields up to the column limit; anything written past it refuses the file. */
function withinColumns(fields: string[]): string[] {
  if (fields.length <= MAX_SPREADSHEET_COLUMNS) return fields
  for (let column = fields.length; column > MAX_SPREADSHEET_COLUMNS; column -= 1) {
    if (fields[column - 1].trim() !== '') checkColumn(column)
  }
  return fields.slice(0, MAX_SPREADSHEET_COLUMNS)
}

/** UTF-8 (without its BOM), or Windows-1252 as older Excel saves CSV; binary content is refused. */
function decodeText(data: Buffer): string {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') throw new UnreadableFileError()
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    text = new TextDecoder('windows-1252').decode(data)
  }

  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) throw new UnreadableFileError()
  return text.replace(/^\uFEFF/, '')
}

/**
 * Undoes the apostrophe the CSV writer puts before a formula's first character, so a file exported
 * here imports as it was.
 */
function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_GUARD.test(cell.slice(1)) ? cell.slice(1) : cell
}
