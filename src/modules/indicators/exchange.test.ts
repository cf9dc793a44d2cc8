import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { TEMPLATE_COLUMNS, exportValues, readTable, validateValues, valuesTemplate } from './exchange.ts'
import type { IndicatorUnit } from './tables.ts'
import type { ValueInput } from './value-input.ts'

const indicators: { code: string; name: string; unit: IndicatorUnit }[] = [
  { code: 'OF3.1', name: 'Section 47 investigations per 10,000 children', unit: 'rate per 10000' },
  { code: 'PQ4', name: 'Care leavers in education, employment or training', unit: 'percentage' },
  { code: 'OF1.2', name: 'Children in care', unit: 'count' },
]
const periods = [
  { slug: 'baseline-april-2023', name: 'Baseline April 2023' },
  { slug: '2023-10', name: 'October 2023' },
  { slug: '2024-03', name: 'March 2024' },
]
const known = { indicators, periods }

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n')
const check = async (lines: string[]) => validateValues(await readTable(csv(lines)), known)

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Figures')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('reading a file of figures', () => {
  const expected: ValueInput[] = [
    {
      code: 'OF3.1',
      period: '2023-10',
      target: 450,
      actual: 422,
      note: 'Up, as expected,\nafter the audit',
      england: 1008,
    },
    { code: 'PQ4', period: '2023-10', aspiration: 'increase', actual: 43, region: 14.5, benchmarkSource: 'LAIT 2023' },
    { code: 'OF3.1', period: 'baseline-april-2023', target: null, count: 1200, statisticalNeighbours: null, note: '' },
    { code: 'OF1.2', period: '2024-03', actual: 1 },
  ]

  it('gives the same values from a CSV and from the same figures in an analyst’s Excel file', async () => {
    const fromCsv = await check([
      '\uFEFF indicator CODE ,Period,Target,Aspiration,Actual,Count,Note,England,Region,Statistical neighbours,Benchmark source',
      'OF3.1,october 2023,450,,422/10000,,"Up, as expected,\nafter the audit","1,008",,,',
      ',,,,,,,,,,',
      'pq4,2023-10,,Increase,43%,,,,14.5,,LAIT 2023',
      'OF3.1,Baseline April 2023,clear,,,"1,200",CLEAR,,,Clear,',
      'OF1.2,Mar-24,,,1,,,,,,',
    ])
    expect(fromCsv).toEqual({ ok: true, values: expected })

    // Written by openpyxl, as test/fixtures/spreadsheets/make-spreadsheets.py says: the same rows,
    // 43% as 0.43 formatted as a percentage, and the period of the last row a date Excel made of it.
    const fromExcel = await readTable(
      readFileSync(new URL('../../../test/fixtures/spreadsheets/figures.xlsx', import.meta.url)),
    )
    expect(fromExcel.rows.map((row) => row.row)).toEqual([2, 4, 5, 6])
    expect(await validateValues(fromExcel, known)).toEqual({ ok: true, values: expected })
  })

  it('reads LF line endings, doubled quotes and a file with no final line break', async () => {
    const table = await readTable(
      Buffer.from('Indicator code,Period,Note\nOF1.2,2024-03,"She said ""no"""\nPQ4,2024-03,x'),
    )
    expect(table.headers).toEqual(['Indicator code', 'Period', 'Note'])
    expect(table.rows).toEqual([
      { row: 2, cells: { 'Indicator code': 'OF1.2', Period: '2024-03', Note: 'She said "no"' } },
      { row: 3, cells: { 'Indicator code': 'PQ4', Period: '2024-03', Note: 'x' } },
    ])
  })

  it('finds a monthly period that Excel turned into a date', async () => {
    const result = await check([
      'Indicator code,Period,Actual',
      'OF1.2,Oct-23,1',
      'PQ4,01/10/2023,2',
      'OF3.1,Mar 2024,3',
    ])
    expect(result).toEqual({
      ok: true,
      values: [
        { code: 'OF1.2', period: '2023-10', actual: 1 },
        { code: 'PQ4', period: '2023-10', actual: 2 },
        { code: 'OF3.1', period: '2024-03', actual: 3 },
      ],
    })
  })

  it.each([
    ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')],
    ['binary junk', Buffer.from([0x00, 0x9f, 0x12, 0xff, 0x03, 0x41, 0x2c, 0x42, 0x0a, 0x07, 0x80])],
    ['a ZIP that is not a workbook', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])],
    ['an unclosed quote', Buffer.from('Indicator code,Period,Note\nOF1.2,2024-03,"never closed\n')],
  ])('refuses %s', async (_, data) => {
    await expect(readTable(data)).rejects.toThrow('The file must be a CSV or an Excel (XLSX) file')
  })
})

const header = 'Indicator code,Period,Target,Aspiration,Actual,Count,Note'

describe('the rules of an import, each error naming its row and column', () => {
  it.each([
    [
      'an unknown indicator',
      ['OF9.9,2023-10,,,5'],
      { row: 2, column: 'Indicator code', message: 'There is no indicator OF9.9' },
    ],
    [
      'an unknown period',
      ['OF1.2,Someday,,,5'],
      { row: 2, column: 'Period', message: 'There is no period called Someday' },
    ],
    [
      'a missing code',
      [',2023-10,,,5'],
      { row: 2, column: 'Indicator code', message: 'Enter the indicator code, like OF3.1' },
    ],
    ['a missing period', ['OF1.2,,,,5'], { row: 2, column: 'Period', message: 'Enter the period, like October 2023' }],
    [
      'words for a figure',
      ['OF1.2,2023-10,,,about 5'],
      { row: 2, column: 'Actual', message: 'Actual must be a number, like 422 or 14.5' },
    ],
    [
      'a figure with two points',
      ['OF1.2,2023-10,1.2.3'],
      { row: 2, column: 'Target', message: 'Target must be a number, like 422 or 14.5' },
    ],
    [
      'misplaced thousands separators',
      ['OF1.2,2023-10,"10,00"'],
      { row: 2, column: 'Target', message: 'Target must be a number, like 422 or 14.5' },
    ],
    ['a negative figure', ['OF1.2,2023-10,,,-4'], { row: 2, column: 'Actual', message: 'Actual cannot be negative' }],
    [
      'an unknown aspiration',
      ['PQ4,2023-10,,up'],
      { row: 2, column: 'Aspiration', message: 'Aspiration must be increase, decrease or maintain' },
    ],
    [
      'a target and an aspiration',
      ['PQ4,2023-10,60,Increase'],
      { row: 2, column: 'Aspiration', message: 'Give a target or an aspiration, not both' },
    ],
    [
      'a count for a percentage',
      ['PQ4,2023-10,,,,12'],
      { row: 2, column: 'Count', message: 'Count is only for rates per 10,000' },
    ],
    [
      'a count and an actual',
      ['OF3.1,2023-10,,,422,1200'],
      { row: 2, column: 'Count', message: 'Give the actual or a count to work it out from, not both' },
    ],
    [
      'a count in parts',
      ['OF3.1,2023-10,,,,12.5'],
      { row: 2, column: 'Count', message: 'Count must be a whole number, like 1,200' },
    ],
    ['a negative count', ['OF3.1,2023-10,,,,-3'], { row: 2, column: 'Count', message: 'Count cannot be negative' }],
  ])('%s', async (_, rows, error) => {
    expect(await check([header, ...rows])).toEqual({ ok: false, errors: [error], more: 0 })
  })

  it('refuses the same indicator and period twice, on the second row', async () => {
    const result = await check([
      header,
      'PQ4,2023-10,,,40',
      'OF3.1,2023-10,,,420',
      'PQ4,2024-03,,,41',
      'of3.1,October 2023,,,421',
    ])
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 5, column: 'Period', message: 'Indicator OF3.1 and October 2023 are already in row 3' }],
      more: 0,
    })
  })

  it('refuses a file with no rows of figures, even with blank rows', async () => {
    expect(await check([header, ',,,,,,', '  ,, ,,,,'])).toEqual({
      ok: false,
      errors: [{ row: 1, column: 'Indicator code', message: 'The file has no rows of figures' }],
      more: 0,
    })
    expect(await validateValues(await readTable(Buffer.alloc(0)), known)).toEqual({
      ok: false,
      errors: [
        { row: 1, column: 'Indicator code', message: 'The file has no "Indicator code" column' },
        { row: 1, column: 'Period', message: 'The file has no "Period" column' },
      ],
      more: 0,
    })
  })

  it('names a missing required column, and a column the template does not have', async () => {
    expect(await check(['Indicator code,Actual', 'OF1.2,5'])).toEqual({
      ok: false,
      errors: [{ row: 1, column: 'Period', message: 'The file has no "Period" column' }],
      more: 0,
    })
    expect(await check(['Indicator code,Period,Acutal', 'OF1.2,2023-10,5', 'OF9.9,2023-10,'])).toEqual({
      ok: false,
      errors: [
        { row: 1, column: 'Acutal', message: '"Acutal" is not a column of the template' },
        { row: 3, column: 'Indicator code', message: 'There is no indicator OF9.9' },
      ],
      more: 0,
    })
    expect(await check(['Indicator code,Period,Actual, actual ', 'OF1.2,2023-10,5,6'])).toMatchObject({
      ok: false,
      errors: [{ row: 1, column: 'Actual', message: 'The file has two "Actual" columns' }],
    })
  })

  it('accepts the export’s Indicator column and ignores it', async () => {
    expect(await check(['Indicator code,Indicator,Period,Actual', 'OF1.2,Anything at all,2023-10,5'])).toEqual({
      ok: true,
      values: [{ code: 'OF1.2', period: '2023-10', actual: 5 }],
    })
  })

  it('checks every row and returns all the errors, sorted by row then column, and no values', async () => {
    const result = await check([
      header,
      'OF1.2,2023-10,,,5',
      'PQ4,Someday,abc,,,,',
      'OF3.1,2024-03,,,420',
      'OF9.9,2023-10,,maybe,-1',
      'PQ4,2024-03,,,41',
    ])
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'Period', message: 'There is no period called Someday' },
        { row: 3, column: 'Target', message: 'Target must be a number, like 422 or 14.5' },
        { row: 5, column: 'Indicator code', message: 'There is no indicator OF9.9' },
        { row: 5, column: 'Aspiration', message: 'Aspiration must be increase, decrease or maintain' },
        { row: 5, column: 'Actual', message: 'Actual cannot be negative' },
      ],
      more: 0,
    })
    expect(result).not.toHaveProperty('values')
  })

  it('holds each row to the value form’s rules, and to what the indicator’s unit allows', async () => {
    const result = await check([
      header,
      `OF1.2,2023-10,,,5,,${'x'.repeat(2_001)}`,
      'PQ4,2023-10,,,140%',
      'OF1.2,2023-10,12.5',
      'OF3.1,2023-10,1000000000',
      'PQ4,2024-03,,,100',
    ])
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 2, column: 'Note', message: 'Must be 2,000 characters or fewer' },
        {
          row: 3,
          column: 'Actual',
          message:
            'Actual for “Care leavers in education, employment or training” must be a percentage from 0 to 100, like 43',
        },
        { row: 4, column: 'Target', message: 'Target for “Children in care” must be a whole number, like 1,200' },
        { row: 5, column: 'Target', message: 'Target must be less than 1,000,000,000' },
      ],
      more: 0,
    })
  })

  it('keeps the first 100 problems in order and counts the rest, quoting no more than 40 characters of a cell', async () => {
    const code = 'Z'.repeat(5_000)
    const rows = Array.from({ length: 60 }, (_, i) => `${code}${i},Someday`)
    const result = await check(['Indicator code,Period,Actual', ...rows])
    expect(result).toMatchObject({ ok: false, more: 20 })
    if (result.ok) return
    expect(result.errors).toHaveLength(100)
    expect(result.errors[0]).toEqual({
      row: 2,
      column: 'Indicator code',
      message: `There is no indicator ${'Z'.repeat(40)}…`,
    })
    expect(result.errors.at(-1)).toEqual({ row: 51, column: 'Period', message: 'There is no period called Someday' })
  })

  it('reports the error rows of an Excel file by their row in the sheet', async () => {
    const data = await xlsx([
      ['Indicator code', 'Period', 'Actual'],
      ['OF1.2', '2023-10', 5],
      [],
      [],
      ['OF1.2', '2023-11', 6],
    ])
    expect(await validateValues(await readTable(data), known)).toEqual({
      ok: false,
      errors: [{ row: 5, column: 'Period', message: 'There is no period called 2023-11' }],
      more: 0,
    })
  })
})

describe('exporting and the template', () => {
  const stored = [
    {
      code: 'OF3.1',
      name: 'Section 47 investigations per 10,000 children',
      period: periods[1],
      target: 450,
      aspiration: null,
      actual: 422.5,
      count: 1200,
      note: '=HYPERLINK("http://example.com","click")',
      england: 1008.4,
      region: null,
      statisticalNeighbours: 517,
      benchmarkSource: 'LAIT, 2023',
    },
    {
      code: 'PQ4',
      name: 'Care leavers in education, employment or training',
      period: periods[2],
      target: null,
      aspiration: 'increase',
      actual: 43,
      count: null,
      note: 'Two lines\n-and a dash, "quoted"',
      england: null,
      region: 55.5,
      statisticalNeighbours: null,
      benchmarkSource: '',
    },
  ]
  const expected: ValueInput[] = [
    {
      code: 'OF3.1',
      period: '2023-10',
      target: 450,
      count: 1200,
      note: '=HYPERLINK("http://example.com","click")',
      england: 1008.4,
      statisticalNeighbours: 517,
      benchmarkSource: 'LAIT, 2023',
    },
    {
      code: 'PQ4',
      period: '2024-03',
      aspiration: 'increase',
      actual: 43,
      note: 'Two lines\n-and a dash, "quoted"',
      region: 55.5,
    },
  ]

  it.each(['csv', 'xlsx'] as const)('imports an exported %s file as the same values', async (format) => {
    const data = await exportValues(format, stored)
    const table = await readTable(data)
    expect(table.headers).toEqual(['Indicator code', 'Indicator', ...TEMPLATE_COLUMNS.slice(1)])
    expect(await validateValues(table, known)).toEqual({ ok: true, values: expected })
  })

  it('keeps a formula out of the exported CSV', async () => {
    const text = (await exportValues('csv', stored)).toString('utf8')
    expect(text.startsWith('\uFEFF"Indicator code","Indicator","Period"')).toBe(true)
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""click"")"`)
    expect(text.split('\r\n')[1]).toMatch(/^"OF3\.1","Section 47[^"]*","2023-10","450","","","1200"/)
  })

  it('writes a CSV template with the header and one row per indicator for the period', async () => {
    const template = await valuesTemplate('csv', indicators, periods[2])
    const table = await readTable(template)
    expect(table.headers).toEqual([...TEMPLATE_COLUMNS])
    expect(table.rows.map((row) => [row.row, row.cells['Indicator code'], row.cells.Period, row.cells.Actual])).toEqual(
      [
        [2, 'OF3.1', '2024-03', ''],
        [3, 'PQ4', '2024-03', ''],
        [4, 'OF1.2', '2024-03', ''],
      ],
    )
    // Filled in only with codes and periods, it changes nothing, and is valid.
    expect(await validateValues(table, known)).toMatchObject({
      ok: true,
      values: [{ code: 'OF3.1', period: '2024-03' }, {}, {}],
    })
  })

  it('writes an Excel template with a bold header and a sheet listing the indicators', async () => {
    const workbook = new ExcelJS.Workbook()
    const data = await valuesTemplate('xlsx', indicators, periods[1])
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
    const [figures, list] = workbook.worksheets
    expect(figures.name).toBe('Figures')
    expect(figures.getRow(1).values).toEqual([undefined, ...TEMPLATE_COLUMNS])
    expect(figures.getRow(1).font?.bold).toBe(true)
    expect(figures.rowCount).toBe(4)
    expect(figures.getRow(3).values).toEqual([undefined, 'PQ4', '2023-10'])
    expect(figures.getColumn(7).width).toBeGreaterThan(figures.getColumn(3).width!)
    expect(list.name).toBe('Indicators')
    expect(list.getRow(1).values).toEqual([undefined, 'Indicator code', 'Indicator', 'Unit'])
    expect(list.getRow(2).values).toEqual([
      undefined,
      'OF3.1',
      'Section 47 investigations per 10,000 children',
      'Per 10,000 children',
    ])
    expect(await validateValues(await readTable(data), known)).toMatchObject({ ok: true })
  })
})
