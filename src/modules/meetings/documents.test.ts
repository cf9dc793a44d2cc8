import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES, checkUpload, documentDescription, storedFilename } from './documents.ts'
import { sampleDocx, samplePdf, sampleXlsx, sampleZip } from '../../../test/support/sample-files.ts'

describe('checkUpload', () => {
  it.each([
    { kind: 'PDF', data: samplePdf(), name: 'plan.pdf', mediaType: 'application/pdf', filename: 'plan.pdf' },
    {
      kind: 'DOCX',
      data: sampleDocx(),
      name: 'report.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: 'report.docx',
    },
    {
      kind: 'XLSX',
      data: sampleXlsx(),
      name: 'dashboard',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: 'dashboard.xlsx',
    },
  ])('accepts a $kind by its content', async ({ data, name, mediaType, filename }) => {
    const result = await checkUpload({ filename: name, data, truncated: false })
    expect(result).toMatchObject({ ok: true, document: { mediaType, filename, sizeBytes: data.length } })
    if (result.ok) expect(result.document.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each([
    { kind: 'text named .pdf', data: Buffer.from('Commercial figures'), name: 'costs.pdf' },
    { kind: 'a zip that is not a document', data: sampleZip(), name: 'pack.docx' },
    { kind: 'an image', data: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), name: 'chart.xlsx' },
  ])('refuses $kind', async ({ data, name }) => {
    expect(await checkUpload({ filename: name, data, truncated: false })).toEqual({
      ok: false,
      message: 'The selected file must be a PDF, DOCX or XLSX',
    })
  })

  it('refuses a file cut short at the size limit, and an empty one', async () => {
    expect(await checkUpload({ filename: 'big.pdf', data: samplePdf(), truncated: true })).toEqual({
      ok: false,
      message: 'The selected file must be smaller than 20MB',
    })
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024)
    expect(await checkUpload({ filename: 'empty.pdf', data: Buffer.alloc(0), truncated: false })).toEqual({
      ok: false,
      message: 'The selected file is empty',
    })
  })

  it('tells a workbook by its content without unzipping its sheets, however far they would expand', async () => {
    // An appendix is stored and downloaded, never read: file-type looks only at the zip's list
    // of parts and its small [Content_Types].xml (itself capped at 1MB unzipped).
    const data = readFileSync(new URL('../../../test/fixtures/spreadsheets/expands-too-far.xlsx', import.meta.url))
    const heap = process.memoryUsage().heapUsed
    const result = await checkUpload({ filename: 'figures.xlsx', data, truncated: false })
    expect(result).toMatchObject({ ok: true, document: { filename: 'figures.xlsx', sizeBytes: data.length } })
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(50 * 1024 * 1024)
  })
})

describe('file names', () => {
  it.each([
    { name: 'Appendix 8(b).pdf', ext: 'pdf', expected: 'Appendix 8(b).pdf' },
    { name: 'C:\\Users\\me\\plan.PDF', ext: 'pdf', expected: 'plan.pdf' },
    { name: '../../etc/passwd', ext: 'pdf', expected: 'passwd.pdf' },
    { name: 'budget.pdf', ext: 'xlsx', expected: 'budget.xlsx' },
    { name: '', ext: 'docx', expected: 'document.docx' },
  ])('keeps $name as $expected', ({ name, ext, expected }) => {
    expect(storedFilename(name, ext)).toBe(expected)
  })

  it('describes a document like a GOV.UK attachment', () => {
    expect(documentDescription('application/pdf', 250_000)).toBe('PDF, 245 KB')
    expect(documentDescription('application/pdf', 3 * 1024 * 1024)).toBe('PDF, 3.0 MB')
    expect(documentDescription('application/octet-stream', 10)).toBe('File, 10 bytes')
  })
})
