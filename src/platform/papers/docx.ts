import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx'
import type { Paper, PaperBlock, PaperSection } from './paper.ts'

/**
 * A paper as a Word document that an officer can edit: real headings, lists and tables (header rows
 * repeat on each page), the title and language set, and "Page 3 of 12" in the footer. A chart becomes
 * its description, since its figures are in the table beside it; a placed PDF becomes a line naming it.
 */
export async function renderDocx(paper: Paper): Promise<Buffer> {
  const children: FileChild[] = []
  const width = paper.landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH
  for (const section of paper.sections) sectionChildren(section, children, width)
  const document = new Document({
    title: paper.title,
    creator: paper.author,
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } } } } },
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: paper.landscape ? { size: { orientation: PageOrientation.LANDSCAPE } } : {},
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}

/** The width inside the margins of an A4 page, in twentieths of a point. */
const PORTRAIT_WIDTH = 11906 - 2 * 1440
const LANDSCAPE_WIDTH = 16838 - 2 * 1440

function sectionChildren(section: PaperSection, children: FileChild[], width: number) {
  let breakBefore = Boolean(section.newPage) && children.length > 0
  for (const block of section.blocks) {
    const made = blockChildren(block, width)
    if (breakBefore && made[0] instanceof Paragraph) {
      children.push(new Paragraph({ pageBreakBefore: true, children: [] }))
    }
    breakBefore = false
    children.push(...made)
  }
  for (const child of section.sections ?? []) sectionChildren(child, children, width)
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const

function blockChildren(block: PaperBlock, width: number): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level] })]
    case 'paragraph':
      // One paragraph, its line breaks kept as breaks: read back, it is the paragraph it was.
      return [
        new Paragraph({
          children: lines(block.text).map(
            (line, index) =>
              new TextRun({
                text: line,
                break: index > 0 ? 1 : undefined,
                bold: block.style === 'strong',
                size: block.style === 'small' ? 18 : undefined,
              }),
          ),
          spacing: { after: 120 },
        }),
      ]
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({
            text: item,
            ...(block.numbered ? { numbering: { reference: 'numbered', level: 0 } } : { bullet: { level: 0 } }),
          }),
      )
    case 'table': {
      const shares = block.columns.map((column) => column.width ?? 1)
      const total = shares.reduce((sum, share) => sum + share, 0)
      const widths = shares.map((share) => Math.floor((share / total) * width))
      return [
        new Paragraph({
          children: [new TextRun({ text: block.caption, bold: true })],
          spacing: { before: 120, after: 60 },
        }),
        new Table({
          width: { size: width, type: WidthType.DXA },
          columnWidths: widths,
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.columns.map((column, index) => cell(column.heading, widths[index], true)),
            }),
            ...block.rows.map(
              (row) =>
                new TableRow({
                  cantSplit: false,
                  children: block.columns.map((_, index) => cell(row[index] ?? '', widths[index], false)),
                }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      ]
    }
    case 'facts':
      return block.rows.map(
        (row) =>
          new Paragraph({
            children: [new TextRun({ text: `${row.label}: `, bold: true }), new TextRun(row.value)],
            spacing: { after: 60 },
          }),
      )
    case 'chart':
      return [
        new Paragraph({ children: [new TextRun({ text: block.title, bold: true })] }),
        new Paragraph({ children: [new TextRun({ text: block.alt, italics: true })], spacing: { after: 120 } }),
      ]
    case 'pdf':
      return [new Paragraph({ text: `${block.title} is a separate PDF document, published with this paper.` })]
  }
}

function cell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: lines(text).map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] }),
    ),
  })
}

/** A text's lines: in a table's cell each is a paragraph; an empty text is still one (empty) line. */
function lines(text: string): string[] {
  const split = text.split(/\r?\n/)
  return split.length > 0 ? split : ['']
}
