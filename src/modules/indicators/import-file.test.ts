import { describe, expect, it } from 'vitest'
import { LIMIT_MESSAGES } from '#src/platform/files/limits.ts'
import { figuresInFile } from './import-file.ts'

const framework = {
  indicators: [
    { code: 'OF1.2', name: 'Children in care', unit: 'count' as const },
    { code: 'PQ4', name: 'Plans reviewed on time', unit: 'percentage' as const },
  ],
  periods: [
    { slug: '2023-10', name: 'October 2023' },
    { slug: '2024-03', name: 'March 2024' },
  ],
}
const file = (lines: string[], truncated = false) => ({
  name: 'figures.csv',
  data: Buffer.from(lines.join('\r\n') + '\r\n'),
  truncated,
})

describe('the figures in a file', () => {
  it('numbers each row as a spreadsheet does, past blank rows, leaving out rows with no figures', async () => {
    const read = await figuresInFile(
      file(['Indicator code,Period,Actual,Note', 'OF1.2,2023-10,,', '', 'OF1.2,2024-03,41,', ',,,', 'pq4,2023-10,,x']),
      framework,
    )
    expect(read).toEqual({
      ok: true,
      rows: [
        { row: 4, input: expect.objectContaining({ code: 'OF1.2', period: '2024-03', actual: 41 }) as unknown },
        { row: 6, input: expect.objectContaining({ code: 'PQ4', period: '2023-10', note: 'x' }) as unknown },
      ],
    })
  })

  it('refuses a file with nothing but template rows, a file cut short and a file that is not a table', async () => {
    const template = await figuresInFile(file(['Indicator code,Period,Actual', 'OF1.2,2023-10,']), framework)
    expect(template).toMatchObject({ ok: false, message: 'figures.csv has no figures in it: fill in at least one' })
    const cut = await figuresInFile(file(['Indicator code,Period,Actual'], true), framework)
    expect(cut).toMatchObject({ ok: false, message: LIMIT_MESSAGES.tooLarge, rows: [] })
    const pdf = await figuresInFile({ name: 'x.pdf', data: Buffer.from('%PDF-1.7'), truncated: false }, framework)
    expect(pdf).toMatchObject({ ok: false, message: LIMIT_MESSAGES.unreadable })
  })

  it('names the rows to fix', async () => {
    const refused = await figuresInFile(file(['Indicator code,Period,Actual', 'OF9.9,2023-10,5']), framework)
    expect(refused).toEqual({
      ok: false,
      message: 'figures.csv was not imported: fix the rows below and try again',
      rows: [{ row: 2, column: 'Indicator code', message: 'There is no indicator OF9.9' }],
      more: 0,
    })
  })
})
