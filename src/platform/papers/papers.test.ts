import { PDFDocument as PdfLibDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { docxPart, pdfFigures, readDocx, readPdf } from '../../../test/support/papers.ts'
import { renderDocx } from './docx.ts'
import type { Paper } from './paper.ts'
import { renderPdf } from './pdf.ts'
import { plainTextBlocks } from './plain-text.ts'
import { asAtText, paperOnField, paperQuery } from './query.ts'
import { pdfText } from './text.ts'

async function uploadedPdf(pages: string[]): Promise<Uint8Array> {
  const doc = await PdfLibDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const words of pages) doc.addPage([595, 842]).drawText(words, { x: 72, y: 760, size: 14, font })
  return doc.save()
}

function paper(sections: Paper['sections']): Paper {
  return { title: 'Children and Young People’s Scrutiny Committee agenda', author: 'Blackpool Council', sections }
}

const longText = Array.from({ length: 40 }, (_, index) => `Paragraph ${index + 1} of the background.`).join(' ')

describe('rendering a paper as a PDF', () => {
  it('is tagged, titled, in English, with a bookmark per titled section and page numbers on every page', async () => {
    const rendered = await renderPdf(
      paper([
        { id: 'front', bookmark: 'Front sheet', blocks: [{ kind: 'heading', level: 1, text: 'Agenda' }] },
        {
          id: 'item-4',
          bookmark: 'Item 4: Executive decisions',
          newPage: true,
          blocks: [{ kind: 'heading', level: 2, text: '4 Executive decisions' }],
          sections: [
            {
              id: 'appendix-4a',
              bookmark: 'Appendix 4(a)',
              newPage: true,
              blocks: [
                {
                  kind: 'table',
                  caption: 'Decisions since the last meeting',
                  columns: [{ heading: 'Number' }, { heading: 'Title', width: 3 }],
                  rows: [['EX47/2023', 'Fostering allowances ≥ 2024']],
                },
              ],
            },
          ],
        },
      ]),
    )
    const read = await readPdf(rendered.content)
    expect(read.pageCount).toBe(3)
    expect(rendered.pageCount).toBe(3)
    expect(rendered.startPages).toEqual({ front: 1, 'item-4': 2, 'appendix-4a': 3 })
    expect(read.tagged).toBe(true)
    expect(read.structured).toBe(true)
    expect(read.title).toBe('Children and Young People’s Scrutiny Committee agenda')
    expect(read.language).toBe('en-GB')
    expect(read.outline).toEqual([
      { title: 'Front sheet', items: [] },
      { title: 'Item 4: Executive decisions', items: ['Appendix 4(a)'] },
    ])
    read.pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of 3`))
    expect(read.pages[2]).toContain('EX47/2023')
    expect(read.pages[2]).toContain('Fostering allowances >= 2024')
  })

  it('carries long text over to new pages and does not leave a section’s first page blank', async () => {
    const rendered = await renderPdf(
      paper([
        {
          id: 'first',
          newPage: true,
          blocks: Array.from({ length: 12 }, () => ({ kind: 'paragraph' as const, text: longText })),
        },
        { id: 'second', newPage: true, blocks: [{ kind: 'paragraph', text: 'The second part' }] },
      ]),
    )
    expect(rendered.startPages.first).toBe(1)
    expect(rendered.startPages.second).toBe(rendered.pageCount)
    expect(rendered.pageCount).toBeGreaterThan(2)
    const read = await readPdf(rendered.content)
    expect(read.pages.at(-1)).toContain('The second part')
  })

  it('places an uploaded PDF on pages of its own, numbered with the rest', async () => {
    const appendix = await uploadedPdf(['Uploaded appendix page one', 'Uploaded appendix page two'])
    const rendered = await renderPdf(
      paper([
        { blocks: [{ kind: 'paragraph', text: 'Report' }] },
        {
          id: 'appendix',
          bookmark: 'Appendix 6(a)',
          newPage: true,
          blocks: [{ kind: 'pdf', title: 'Appendix 6(a)', content: appendix }],
        },
        { id: 'after', newPage: true, blocks: [{ kind: 'paragraph', text: 'Next item' }] },
      ]),
    )
    expect(rendered.startPages).toEqual({ appendix: 2, after: 4 })
    const read = await readPdf(rendered.content)
    expect(read.pageCount).toBe(4)
    expect(read.tagged).toBe(true)
    expect(read.pages[1]).toContain('Uploaded appendix page one')
    expect(read.pages[2]).toContain('Uploaded appendix page two')
    expect(read.pages[2]).toContain('Page 3 of 4')
    expect(read.outline.map((entry) => entry.title)).toEqual(['Appendix 6(a)'])
  })

  it('places the same PDF twice when a paper holds it twice', async () => {
    const appendix = await uploadedPdf(['Shared appendix page one', 'Shared appendix page two'])
    const rendered = await renderPdf(
      paper([
        { id: 'first', blocks: [{ kind: 'pdf', title: 'Appendix 1', content: appendix }] },
        { id: 'second', newPage: true, blocks: [{ kind: 'pdf', title: 'Appendix 2', content: appendix }] },
      ]),
    )
    expect(rendered.startPages).toEqual({ first: 1, second: 3 })
    const read = await readPdf(rendered.content)
    expect(read.pages.map((page) => /Shared appendix page (\w+)/.exec(page)?.[1])).toEqual(['one', 'two', 'one', 'two'])
  })

  it('lays a paper out without drawing its placed PDFs, to the same pages, when only the pages are wanted', async () => {
    const appendix = await uploadedPdf(['Uploaded appendix page one', 'Uploaded appendix page two'])
    const sections: Paper['sections'] = [
      { blocks: [{ kind: 'paragraph', text: 'Report' }] },
      { id: 'appendix', newPage: true, blocks: [{ kind: 'pdf', title: 'Appendix 6(a)', content: appendix }] },
      { id: 'after', newPage: true, blocks: [{ kind: 'paragraph', text: 'Next item' }] },
    ]
    const full = await renderPdf(paper(sections))
    const layout = await renderPdf(paper(sections), { layoutOnly: true })
    expect(layout.startPages).toEqual(full.startPages)
    expect(layout.pageCount).toBe(full.pageCount)
    const read = await readPdf(layout.content)
    expect(read.pageCount).toBe(4)
    expect(read.text).not.toContain('Uploaded appendix page one')
  })

  it('says so, and goes on, when an uploaded PDF cannot be read', async () => {
    const rendered = await renderPdf(
      paper([{ blocks: [{ kind: 'pdf', title: 'Appendix 2', content: new TextEncoder().encode('not a pdf') }] }]),
    )
    const read = await readPdf(rendered.content)
    expect(read.text).toContain('Appendix 2 could not be placed in this document')
  })

  it('draws a chart as a figure and keeps its title', async () => {
    const rendered = await renderPdf(
      paper([
        {
          blocks: [
            {
              kind: 'chart',
              title: 'Children waiting, by month',
              alt: 'Children waiting rose from 10 to 30, with no figure for February.',
              labels: ['Jan', 'Feb', 'Mar'],
              series: [{ name: 'Speech and language therapy', values: [10, null, 30] }],
            },
          ],
        },
      ]),
    )
    const read = await readPdf(rendered.content)
    expect(read.text).toContain('Children waiting, by month')
    expect(read.text).toContain('Speech and language therapy')
    expect(await pdfFigures(rendered.content)).toEqual([
      'Children waiting rose from 10 to 30, with no figure for February.',
    ])
  })
})

describe('the characters a PDF can draw', () => {
  it('keeps English text, curly quotes and the pound sign, and plain forms for the rest', () => {
    expect(pdfText('Children’s “services” – £1,000 …')).toBe('Children’s “services” – £1,000 …')
    expect(pdfText('≥ 95% → target')).toBe('>= 95% -> target')
    expect(pdfText('Łukasz\tŻak')).toBe('Lukasz Zak')
    expect(pdfText('图')).toBe('?')
  })
})

describe('officer-written text in a paper', () => {
  it('makes paragraphs at blank lines and lists of lines that all start as list items', () => {
    expect(
      plainTextBlocks('The committee noted the report.\nIt asked for more.\n\n- One\n- Two\n\n1. First\n2. Second'),
    ).toEqual([
      { kind: 'paragraph', text: 'The committee noted the report.\nIt asked for more.' },
      { kind: 'list', items: ['One', 'Two'] },
      { kind: 'list', numbered: true, items: ['First', 'Second'] },
    ])
    expect(plainTextBlocks('  \n ')).toEqual([])
    expect(plainTextBlocks(null)).toEqual([])
  })
})

describe('rendering a paper as a Word document', () => {
  it('has the headings, tables, lists, title, language and page numbers', async () => {
    const content = await renderDocx(
      paper([
        {
          blocks: [
            { kind: 'heading', level: 1, text: 'Recommendations tracker' },
            { kind: 'facts', rows: [{ label: 'Date', value: 'Thursday 25 January 2024' }] },
            { kind: 'list', items: ['First', 'Second'], numbered: true },
            {
              kind: 'table',
              caption: 'Recommendations',
              columns: [{ heading: 'Number' }, { heading: 'Recommendation', width: 4 }],
              rows: [['4', 'Line one\nLine two & more']],
            },
          ],
        },
        {
          newPage: true,
          blocks: [{ kind: 'chart', title: 'Waiting', alt: 'Rose from 10 to 30.', labels: [], series: [] }],
        },
      ]),
    )
    const text = await readDocx(content)
    expect(text.split('\n')).toEqual([
      'Recommendations tracker',
      'Date: Thursday 25 January 2024',
      'First',
      'Second',
      'Recommendations',
      'Number',
      'Recommendation',
      '4',
      'Line one',
      'Line two & more',
      'Waiting',
      'Rose from 10 to 30.',
    ])
    const xml = await docxPart(content, 'word/document.xml')
    expect(xml).toContain('<w:tblHeader')
    expect(xml).toContain('<w:pageBreakBefore')
    expect(await docxPart(content, 'docProps/core.xml')).toContain(
      'Children and Young People’s Scrutiny Committee agenda',
    )
    expect(await docxPart(content, 'word/styles.xml')).toContain('en-GB')
    expect(await docxPart(content, 'word/footer1.xml')).toContain('NUMPAGES')
  })
})

describe('the date a generated paper is as at', () => {
  it('reads a real date from the query, ignores anything else, and prints it GOV.UK style', () => {
    expect(paperOnField.parse('2024-01-25')).toBe('2024-01-25')
    expect(paperOnField.parse(['2023-11-09', '2024-01-25'])).toBe('2023-11-09')
    for (const wrong of ['2023-02-30', 'yesterday', '2024-1-5', '', undefined]) {
      expect(paperOnField.parse(wrong)).toBeUndefined()
    }
    expect(asAtText('2024-01-05')).toBe('As at 5 January 2024')
  })
})

describe('what a page’s query asks of its paper', () => {
  it('reads the format and the day it is as at, by the fields’ rules', () => {
    expect(paperQuery({ format: 'pdf', on: '2024-01-25' })).toEqual({ format: 'pdf', on: '2024-01-25' })
    expect(paperQuery({ format: 'docx' })).toEqual({ format: 'docx', on: undefined })
    // Any other format is the page's own business (csv, xlsx), and then `on` is not read.
    expect(paperQuery({ format: 'csv', on: 'nonsense' })).toEqual({ format: null, on: undefined })
    expect(paperQuery({ format: 'pdf', on: '2024-02-30' })).toEqual({ format: 'pdf', on: undefined })
    expect(paperQuery({ format: 'pdf', on: ['2024-01-25', '2024-01-26'] })).toEqual({ format: 'pdf', on: '2024-01-25' })
  })
})
