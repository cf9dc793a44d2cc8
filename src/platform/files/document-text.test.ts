import { describe, expect, it } from 'vitest'
import { docxWithText, pdfWithText, samplePdf, zipOf } from '../../../test/support/sample-files.ts'
import { renderDocx } from '#src/platform/papers/docx.ts'
import { DOCUMENT_TEXT_LIMITS, docxParagraphs, documentText } from './document-text.ts'

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

describe('docxParagraphs', () => {
  it('reads a Word document’s paragraphs with their heading level, list kind and line breaks', async () => {
    const content = await renderDocx({
      title: 'A report',
      author: 'A council',
      sections: [
        {
          blocks: [
            { kind: 'heading', level: 1, text: 'A report' },
            { kind: 'heading', level: 2, text: '1.0 Purpose of the report' },
            { kind: 'paragraph', text: 'First line\nSecond line' },
            { kind: 'list', items: ['A bullet'] },
            { kind: 'list', items: ['A number'], numbered: true },
          ],
        },
      ],
    })
    const read = await docxParagraphs(content)
    expect(read.ok && read.paragraphs.map(({ text, headingLevel, list }) => ({ text, headingLevel, list }))).toEqual([
      { text: 'A report', headingLevel: 1, list: null },
      { text: '1.0 Purpose of the report', headingLevel: 2, list: null },
      { text: 'First line\nSecond line', headingLevel: null, list: null },
      { text: 'A bullet', headingLevel: null, list: 'bullet' },
      { text: 'A number', headingLevel: null, list: 'numbered' },
    ])
  })

  it('refuses a document past the limit of elements, and one that is no Word document, saying why', async () => {
    const content = docxWithText(['One', 'Two', 'Three'])
    const refused = await docxParagraphs(content, { ...DOCUMENT_TEXT_LIMITS, maxDocxElements: 3 })
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('more than 3 elements') })
    expect(await docxParagraphs(zipOf({ 'readme.txt': 'hello' }))).toEqual({
      ok: false,
      message: 'it has no document part (word/document.xml)',
    })
  })
})
