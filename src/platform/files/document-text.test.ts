import { describe, expect, it } from 'vitest'
import { docxWithText, pdfWithText, samplePdf, zipOf } from '../../../test/support/sample-files.ts'
import { DOCUMENT_TEXT_LIMITS, documentText } from './document-text.ts'

const PDF = 'application/pdf'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

describe('documentText', () => {
  it('reads the words of a PDF, line by line', async () => {
    const read = await documentText(pdfWithText(['Quarter 3 performance', 'Placement stability (improved)']), PDF)
    expect(read).toEqual({ text: 'Quarter 3 performance\nPlacement stability (improved)', note: null })
  })

  it('reads the paragraphs of a Word document, its entities decoded', async () => {
    const read = await documentText(docxWithText(['Early help &amp; family support', 'Second paragraph']), DOCX)
    expect(read).toEqual({ text: 'Early help & family support\nSecond paragraph', note: null })
  })

  it('keeps no more than the limit of characters, and says so', async () => {
    const read = await documentText(pdfWithText(['abcdefghij klmnopqrst']), PDF, {
      ...DOCUMENT_TEXT_LIMITS,
      maxCharacters: 10,
    })
    expect(read).toEqual({ text: 'abcdefghij', note: 'only its first 10 characters are searched' })
  })

  it('reads no text from a PDF of more pages than the limit', async () => {
    const read = await documentText(pdfWithText(['One page']), PDF, { ...DOCUMENT_TEXT_LIMITS, maxPages: 0 })
    expect(read).toEqual({ text: '', note: 'it has more than 0 pages: its text is not read' })
  })

  it('gives no text and a note for a damaged file, never an error', async () => {
    const damaged = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x41)])
    const pdf = await documentText(damaged, PDF)
    expect(pdf.text).toBe('')
    expect(pdf.note).toMatch(/^its text could not be read/)
    const docx = await documentText(Buffer.from('PK\u0003\u0004 not really a zip'), DOCX)
    expect(docx.text).toBe('')
    expect(docx.note).toMatch(/^its text could not be read/)
    expect(await documentText(zipOf({ 'notes.txt': 'hello' }), DOCX)).toEqual({
      text: '',
      note: 'it has no document part (word/document.xml)',
    })
  })

  it('reads an empty PDF as no text', async () => {
    expect(await documentText(samplePdf(), PDF)).toMatchObject({ text: '' })
  })
})
