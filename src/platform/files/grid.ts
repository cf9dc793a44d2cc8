import { FileLimitError, LIMIT_MESSAGES, MAX_SPREADSHEET_COLUMNS, MAX_SPREADSHEET_ROWS } from './limits.ts'

/** A row of a file as read: its number as a spreadsheet shows it (the header is row 1), and its cells as text. */
export interface GridRow {
  row: number
  cells: string[]
}

/** The header row's cells, and the rows below it that have anything in them. */
export interface Grid {
  header: string[]
  rows: GridRow[]
}

/**
 * Collects a file's rows as a reader finds them, and refuses the file the moment it passes the
 * row limit, so a long file costs no more than the rows it is allowed.
 */
export class GridBuilder {
  readonly grid: Grid = { header: [], rows: [] }
  private counted = 0

  add(row: number, cells: string[]) {
    if (row === 1) {
      this.grid.header = cells
      return
    }
    if (cells.every((cell) => cell === '')) return
    this.counted += 1
    if (this.counted > MAX_SPREADSHEET_ROWS) throw new FileLimitError(LIMIT_MESSAGES.tooLong)
    this.grid.rows.push({ row, cells })
  }
}

/** Refuses a cell with something in it past the last column allowed (numbered from 1). */
export function checkColumn(column: number) {
  if (column > MAX_SPREADSHEET_COLUMNS) throw new FileLimitError(LIMIT_MESSAGES.tooWide)
}
