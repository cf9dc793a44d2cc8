import { readCsv } from './csv-reader.ts'
import type { Grid } from './grid.ts'
import { FileLimitError, LIMIT_MESSAGES, MAX_SPREADSHEET_BYTES } from './limits.ts'
import { readXlsx } from './xlsx-reader.ts'
import { isZip } from './zip-entries.ts'

export type { Grid, GridRow } from './grid.ts'

/**
 * An uploaded CSV or Excel (XLSX) file's first sheet as rows of text, checked against the limits
 * in limits.ts while it is read. What the file is comes from its content: a zip is a workbook,
 * anything else must be text. Throws FileLimitError (its message names the limit) or
 * UnreadableFileError.
 */
export async function readSpreadsheet(data: Buffer): Promise<Grid> {
  if (data.length > MAX_SPREADSHEET_BYTES) throw new FileLimitError(LIMIT_MESSAGES.tooLarge)
  return isZip(data) ? readXlsx(data) : readCsv(data)
}
