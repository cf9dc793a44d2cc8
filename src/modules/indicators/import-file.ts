import { FileLimitError, LIMIT_MESSAGES } from '#src/platform/files/limits.ts'
import { readTable, validateValues } from './exchange.ts'
import type { RowError, ValueInput } from './value-input.ts'

/** A file of figures as it was uploaded. */
export interface FiguresFile {
  /** As the analyst's computer named it, for the messages and the values' provenance. */
  name: string
  data: Buffer
  /** True when it was longer than the upload limit and cut short. */
  truncated: boolean
}

/** Why nothing of a file was imported: the message, and the first rows at fault (`more` counts the rest). */
export interface ImportRefusal {
  ok: false
  message: string
  rows: RowError[]
  more: number
}

/** What a file is checked against: the framework's indicators and periods. */
type Framework = Parameters<typeof validateValues>[1]

const refusal = (message: string, rows: RowError[] = [], more = 0): ImportRefusal => ({
  ok: false,
  message,
  rows,
  more,
})

/** A refusal that lists the rows to fix. */
export const rowsRefused = (file: FiguresFile, rows: RowError[], more = 0) =>
  refusal(`${file.name} was not imported: fix the rows below and try again`, rows, more)

/**
 * The figures in a file, row by row, checked against the framework and the value form's rules:
 * each row's values with its row number as a spreadsheet shows it. A template row left as it came
 * (a code and a period, nothing else) changes nothing, and is left out.
 */
export async function figuresInFile(
  file: FiguresFile,
  framework: Framework,
): Promise<{ ok: true; rows: { row: number; input: ValueInput }[] } | ImportRefusal> {
  if (file.truncated) return refusal(LIMIT_MESSAGES.tooLarge)
  let table: Awaited<ReturnType<typeof readTable>>
  try {
    table = await readTable(file.data)
  } catch (error) {
    return refusal(error instanceof FileLimitError ? error.message : LIMIT_MESSAGES.unreadable)
  }
  const checked = await validateValues(table, framework)
  if (!checked.ok) return rowsRefused(file, checked.errors, checked.more)
  // validateValues keeps the file's order and skips blank rows: the nth value is the nth row with anything in it.
  const dataRows = table.rows.filter((row) => Object.values(row.cells).some((cell) => cell.trim() !== ''))
  const rows = checked.values
    .map((input, index) => ({ row: dataRows[index]?.row ?? index + 2, input }))
    .filter(({ input }) =>
      Object.entries(input).some(([key, value]) => key !== 'code' && key !== 'period' && value !== undefined),
    )
  if (rows.length === 0) return refusal(`${file.name} has no figures in it: fill in at least one`)
  return { ok: true, rows }
}
