import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { zipOf } from '../../../test/support/sample-files.ts'
import { LIMIT_MESSAGES, MAX_SPREADSHEET_BYTES, MAX_SPREADSHEET_ROWS } from './limits.ts'
import { readSpreadsheet } from './spreadsheet.ts'

/** Files written by other software (see test/fixtures/spreadsheets/make-spreadsheets.py), committed. */
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/spreadsheets/${name}`, import.meta.url))
const csvOf = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n')

describe('reading an Excel file', () => {
  it('reads the first sheet as its author sees it: text, figures, a percentage, a date Excel made of a period', async () => {
    const grid = await readSpreadsheet(fixture('figures.xlsx'))
    expect(grid.header.slice(0, 3)).toEqual(['Indicator code', 'Period', 'Target'])
    expect(grid.rows).toEqual([
      {
        row: 2,
        cells: ['OF3.1', 'October 2023', '450', '', '422/10,000', '', 'Up, as expected,\nafter the audit', '1008'],
      },
      { row: 4, cells: ['PQ4', '2023-10', '', 'Increase', '43%', '', '', '', '14.5', '', 'LAIT 2023'] },
      { row: 5, cells: ['OF3.1', 'baseline-april-2023', 'clear', '', '', '1200', 'clear', '', '', 'clear'] },
      { row: 6, cells: ['OF1.2', '2024-03-01', '', '', '1'] },
    ])
  })

  it('reads shared and rich text, a formula’s result, TRUE, cells without references and a 1904 date', async () => {
    const grid = await readSpreadsheet(fixture('hand-written.xlsx'))
    expect(grid.header).toEqual(['Indicator code', 'Period', 'Actual', 'Note', 'Region', 'Published'])
    // The formatted but empty cell in column AZ is past the column limit, and costs nothing.
    expect(grid.rows).toEqual([{ row: 3, cells: ['PQ4', '2023-10-01', '43.1%', 'Note & more', '2', 'TRUE'] }])
  })

  it('refuses a cell in column XFD at once, without building the row it is in', async () => {
    const before = process.memoryUsage().heapUsed
    const started = performance.now()
    await expect(readSpreadsheet(fixture('wide-xfd.xlsx'))).rejects.toThrow(LIMIT_MESSAGES.tooWide)
    const elapsed = performance.now() - started
    const growth = process.memoryUsage().heapUsed - before
    console.info(`wide-xfd.xlsx refused in ${Math.round(elapsed)}ms, heap ${(growth / 1e6).toFixed(1)}MB more`)
    expect(elapsed).toBeLessThan(1000)
    // Reading it as every cell to XFD would take 2,500 × 16,384 cells: gigabytes.
    expect(growth).toBeLessThan(50 * 1024 * 1024)
  })

  it('refuses a part that says it expands too far before unzipping anything', async () => {
    await expect(readSpreadsheet(fixture('expands-too-far.xlsx'))).rejects.toThrow(LIMIT_MESSAGES.expandsTooFar)
  })

  it('stops unzipping a part that expands past the size it gives', async () => {
    const before = process.memoryUsage().heapUsed
    await expect(readSpreadsheet(fixture('lies-about-its-size.xlsx'))).rejects.toThrow(LIMIT_MESSAGES.expandsTooFar)
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024)
  })

  it('refuses a zip of too many parts, and a zip that is not a workbook', async () => {
    const parts = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`part${i}.xml`, '<a/>']))
    await expect(readSpreadsheet(zipOf(parts))).rejects.toThrow(LIMIT_MESSAGES.tooManyParts)
    await expect(readSpreadsheet(zipOf({ 'notes.txt': 'Not a workbook' }))).rejects.toThrow(LIMIT_MESSAGES.unreadable)
    const broken = fixture('figures.xlsx').subarray(0, 3000)
    await expect(readSpreadsheet(broken)).rejects.toThrow(LIMIT_MESSAGES.unreadable)
  })
})

describe('reading a CSV file', () => {
  it('numbers records as a spreadsheet numbers rows, leaves blank ones out and undoes the export’s formula guard', async () => {
    const grid = await readSpreadsheet(
      csvOf(['\uFEFFCode,Note', 'A,"two\nlines"', '', ',', `B,"'=SUM(A1)"`, 'C,5" screen']),
    )
    expect(grid).toEqual({
      header: ['Code', 'Note'],
      rows: [
        { row: 2, cells: ['A', 'two\nlines'] },
        { row: 5, cells: ['B', '=SUM(A1)'] },
        { row: 6, cells: ['C', '5" screen'] },
      ],
    })
  })

  it('reads Windows-1252, as older Excel saves CSV', async () => {
    const grid = await readSpreadsheet(Buffer.from('Note\r\n\xa34.5m\r\n', 'latin1'))
    expect(grid.rows[0].cells).toEqual(['£4.5m'])
  })

  it('allows 50 columns and blank cells beyond them, and refuses anything in column 51', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `C${i + 1}`).join(',')
    expect((await readSpreadsheet(csvOf([fifty, `${fifty},,,`]))).rows[0].cells).toHaveLength(50)
    await expect(readSpreadsheet(csvOf([fifty, `${fifty},,x`]))).rejects.toThrow(LIMIT_MESSAGES.tooWide)
  })

  it(`allows ${MAX_SPREADSHEET_ROWS} rows of figures, blank rows aside, and refuses one more`, async () => {
    const rows = (count: number) => Array.from({ length: count }, (_, i) => `OF1.2,${i}`)
    const full = await readSpreadsheet(csvOf(['Code,Actual', ...rows(MAX_SPREADSHEET_ROWS), ',', '']))
    expect(full.rows).toHaveLength(MAX_SPREADSHEET_ROWS)
    await expect(readSpreadsheet(csvOf(['Code,Actual', ...rows(MAX_SPREADSHEET_ROWS + 1)]))).rejects.toThrow(
      LIMIT_MESSAGES.tooLong,
    )
  })

  it('refuses a file over the size limit, whatever is in it', async () => {
    await expect(readSpreadsheet(Buffer.alloc(MAX_SPREADSHEET_BYTES + 1, 'a'))).rejects.toThrow(LIMIT_MESSAGES.tooLarge)
  })

  it.each([
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')],
    ['binary junk', Buffer.from([0x00, 0x9f, 0x12, 0xff, 0x03, 0x41, 0x2c, 0x42, 0x0a, 0x07, 0x80])],
    ['an unclosed quote', Buffer.from('Code,Note\nA,"never closed\n')],
  ])('refuses %s', async (_, data) => {
    await expect(readSpreadsheet(data)).rejects.toThrow(LIMIT_MESSAGES.unreadable)
  })
})
