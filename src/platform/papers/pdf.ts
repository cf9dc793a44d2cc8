import type PDFDocument from 'pdfkit'
import {
  PAPER_LIMITS,
  type Paper,
  type PaperBlock,
  type PaperColumn,
  type PaperSection,
  type PaperSeries,
} from './paper.ts'
import { pdfText } from './text.ts'

/**
 * A paper as a tagged PDF (PDF/UA's structure: headings, paragraphs, lists, tables with header cells,
 * figures with alternative text), with its title and language, bookmarks for its titled sections and
 * "Page 3 of 12" on every page. Placed PDFs (uploaded appendices) are drawn onto pages reserved for
 * them, after the rest is written, so that page numbers and bookmarks cover them too.
 */

export interface RenderedPdf {
  content: Buffer
  pageCount: number
  /** The page (from 1) on which each section with an id starts. */
  startPages: Record<string, number>
}

export class PaperTooLongError extends Error {
  constructor() {
    super(`A paper can have at most ${PAPER_LIMITS.maxPages.toLocaleString('en-GB')} pages`)
  }
}

type Doc = InstanceType<typeof PDFDocument>
type StructElement = ReturnType<Doc['struct']>
type Outline = Doc['outline']

const MARGIN = 50
const FOOTER_SPACE = 30
const FONT = 'Helvetica'
const BOLD = 'Helvetica-Bold'
const BODY_SIZE = 10.5
const HEADING_SIZES = { 1: 18, 2: 14, 3: 12 } as const
const INK = '#0b0c0c'
const SECONDARY = '#505a5f'
const LINE_COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#f47738', '#4c2c92', '#505a5f']

interface Reservation {
  /** Index of the reserved page in the rendered document. */
  page: number
  content: Uint8Array
  /** Index of the page in the placed PDF. */
  source: number
}

export interface RenderOptions {
  /**
   * Only to learn the pages: placed PDFs' pages are reserved but left blank, which saves reading the
   * document back (the pages and where each section starts are the same as the full rendering's).
   */
  layoutOnly?: boolean
}

export async function renderPdf(paper: Paper, options: RenderOptions = {}): Promise<RenderedPdf> {
  // Loaded when the first paper is printed, not when the app starts (issue 15: start-up time).
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({
    size: 'A4',
    layout: paper.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: pdfText(paper.title), Author: pdfText(paper.author), Creator: 'Oversight' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })

  const writer = new PaperWriter(doc)
  doc.addPage()
  const root = doc.struct('Document')
  doc.addStructure(root)
  for (const section of paper.sections) await writer.section(section, root, doc.outline)
  writer.numberPages(paper.title)
  root.end()
  doc.end()
  await ended

  let content: Buffer = Buffer.concat(chunks)
  if (writer.reservations.length > 0 && !options.layoutOnly) content = await placePdfs(content, writer.reservations)
  return { content, pageCount: writer.pageCount(), startPages: writer.startPages }
}

class PaperWriter {
  readonly reservations: Reservation[] = []
  readonly startPages: Record<string, number> = {}
  /** Whether anything was written on the current page, so that a new section does not leave it blank. */
  private written = false

  constructor(private readonly doc: Doc) {
    doc.on('pageAdded', () => {
      this.written = false
      if (this.pageCount() > PAPER_LIMITS.maxPages) throw new PaperTooLongError()
    })
  }

  pageCount(): number {
    const range = this.doc.bufferedPageRange()
    return range.start + range.count
  }

  private get width(): number {
    return this.doc.page.width - MARGIN * 2
  }

  async section(section: PaperSection, parent: StructElement, outline: Outline): Promise<void> {
    if (section.newPage && this.written) this.doc.addPage()
    if (section.id) this.startPages[section.id] = this.pageCount()
    const entry = section.bookmark ? outline.addItem(pdfText(section.bookmark)) : outline
    const part = this.doc.struct('Sect')
    parent.add(part)
    for (const block of section.blocks) await this.block(block, part)
    for (const child of section.sections ?? []) await this.section(child, part, entry)
    part.end()
  }

  private async block(block: PaperBlock, parent: StructElement): Promise<void> {
    const doc = this.doc
    switch (block.kind) {
      case 'heading': {
        this.keepRoom(HEADING_SIZES[block.level] * 4)
        this.text(parent, `H${block.level}`, block.text, BOLD, HEADING_SIZES[block.level], 0.5)
        break
      }
      case 'paragraph': {
        const size = block.style === 'small' ? 9 : BODY_SIZE
        this.text(parent, 'P', block.text, block.style === 'strong' ? BOLD : FONT, size, 0.6)
        break
      }
      case 'list': {
        if (block.items.length === 0) break
        doc.font(FONT).fontSize(BODY_SIZE).fillColor(INK)
        doc.list(
          block.items.map((item) => pdfText(item)),
          MARGIN,
          undefined,
          {
            listType: block.numbered ? 'numbered' : 'bullet',
            structParent: parent,
            bulletRadius: 2,
            textIndent: 14,
          } as never,
        )
        doc.moveDown(0.6)
        this.written = true
        break
      }
      case 'table': {
        this.table(parent, block.caption, block.columns, block.rows)
        break
      }
      case 'facts': {
        if (block.rows.length === 0) break
        doc.font(FONT).fontSize(BODY_SIZE).fillColor(INK)
        doc.table({
          structParent: parent,
          position: { x: MARGIN },
          columnStyles: [{ width: this.width * 0.3 }, { width: this.width * 0.7 }],
          defaultStyle: { border: 0, padding: { top: 2, bottom: 2, left: 0, right: 6 } },
          data: block.rows.map((row) => [
            { text: pdfText(row.label), type: 'TH', scope: 'row', font: { src: BOLD } },
            { text: pdfText(row.value) },
          ]),
        } as never)
        doc.x = MARGIN
        doc.moveDown(0.8)
        this.written = true
        break
      }
      case 'chart': {
        this.chart(parent, block)
        break
      }
      case 'pdf': {
        await this.placed(parent, block.title, block.content)
        break
      }
    }
  }

  /** Starts a new page when less than `height` is left on this one, so a heading is not left alone at its foot. */
  private keepRoom(height: number) {
    if (this.written && this.doc.y + height > this.doc.page.maxY()) this.doc.addPage()
  }

  private text(parent: StructElement, type: string, text: string, font: string, size: number, after: number) {
    const doc = this.doc
    doc.x = MARGIN
    const element = structOf(doc, type, {}, () => {
      doc.font(font).fontSize(size).fillColor(INK).text(pdfText(text), { width: this.width })
    })
    parent.add(element)
    element.end()
    doc.moveDown(after)
    this.written = true
  }

  private table(parent: StructElement, caption: string, columns: PaperColumn[], rows: string[][]) {
    const doc = this.doc
    this.keepRoom(60)
    this.text(parent, 'P', caption, BOLD, BODY_SIZE, 0.3)
    const shares = columns.map((column) => column.width ?? 1)
    const total = shares.reduce((sum, share) => sum + share, 0)
    doc.font(FONT).fontSize(9).fillColor(INK)
    doc.table({
      structParent: parent,
      position: { x: MARGIN },
      columnStyles: shares.map((share) => ({ width: (this.width * share) / total })),
      defaultStyle: { border: 0.5, borderColor: '#b1b4b6', padding: 3 },
      data: [
        columns.map((column) => ({
          text: pdfText(column.heading),
          type: 'TH',
          scope: 'column',
          font: { src: BOLD },
          backgroundColor: '#f3f2f1',
        })),
        ...rows.map((row) => columns.map((_, index) => ({ text: pdfText(row[index] ?? '') }))),
      ],
    } as never)
    doc.x = MARGIN
    doc.moveDown(0.8)
    this.written = true
  }

  /** A line chart drawn as a figure with its description; a missing value breaks its line. */
  private chart(parent: StructElement, block: Extract<PaperBlock, { kind: 'chart' }>) {
    const doc = this.doc
    const height = 180
    this.keepRoom(height + 60)
    this.text(parent, 'P', block.title, BOLD, BODY_SIZE, 0.3)
    const values = block.series.flatMap((series) => series.values).filter((value): value is number => value !== null)
    const top = doc.y
    const left = MARGIN + 40
    const width = Math.min(this.width - 40, 460)
    const figure = structOf(doc, 'Figure', { alt: pdfText(block.alt) }, () => {
      const box = { left, top, width, height }
      drawAxes(doc, box, block.labels, values, block.unit)
      block.series.forEach((series, index) => drawSeries(doc, box, series, values, index))
      drawLegend(doc, left, top + height + 22, block.series)
    })
    parent.add(figure)
    figure.end()
    doc.x = MARGIN
    doc.y = top + height + 22 + 14 * block.series.length + 10
    this.written = true
  }

  private async placed(parent: StructElement, title: string, content: Uint8Array) {
    let pages = 0
    try {
      if (content.byteLength > PAPER_LIMITS.maxPlacedPdfBytes) throw new Error('too large')
      const { PDFDocument: PdfLibDocument } = await import('pdf-lib')
      const source = await PdfLibDocument.load(content, { updateMetadata: false })
      pages = source.getPageCount()
    } catch {
      this.text(
        parent,
        'P',
        `${title} could not be placed in this document. It is published with it as a separate file.`,
        FONT,
        BODY_SIZE,
        0.6,
      )
      return
    }
    for (let source = 0; source < pages; source += 1) {
      if (this.written || source > 0) this.doc.addPage()
      this.reservations.push({ page: this.pageCount() - 1, content, source })
      this.written = true
    }
  }

  /** "Page 3 of 12" at the foot of every page, as an artifact that screen readers skip. */
  numberPages(title: string) {
    const doc = this.doc
    const range = doc.bufferedPageRange()
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index)
      const bottom = doc.page.margins.bottom
      doc.page.margins.bottom = 0
      doc.markContent('Artifact', { type: 'Pagination' })
      const y = doc.page.height - MARGIN
      doc.font(FONT).fontSize(8.5).fillColor(SECONDARY)
      doc.text(pdfText(title), MARGIN, y, { width: this.width * 0.7, lineBreak: false, ellipsis: true })
      doc.text(`Page ${index + 1} of ${range.count}`, MARGIN, y, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      })
      doc.endMarkedContent()
      doc.page.margins.bottom = bottom
    }
  }
}

/** A structure element whose marked content is what `draw` writes. */
function structOf(doc: Doc, type: string, options: { alt?: string }, draw: () => void): StructElement {
  return (doc.struct as unknown as (type: string, options: object, draw: () => void) => StructElement).call(
    doc,
    type,
    options,
    draw,
  )
}

interface Box {
  left: number
  top: number
  width: number
  height: number
}

function scaleOf(values: number[]) {
  const max = Math.max(0, ...values)
  const min = Math.min(0, ...values)
  const span = max - min || 1
  return { min, max, span }
}

function drawAxes(doc: Doc, box: Box, labels: string[], values: number[], unit: string | undefined) {
  const { min, max } = scaleOf(values)
  doc.lineWidth(0.5).strokeColor('#b1b4b6')
  doc
    .moveTo(box.left, box.top)
    .lineTo(box.left, box.top + box.height)
    .lineTo(box.left + box.width, box.top + box.height)
    .stroke()
  doc.font(FONT).fontSize(7).fillColor(SECONDARY)
  doc.text(pdfText(`${formatTick(max)}${unit ?? ''}`), box.left - 40, box.top - 3, {
    width: 36,
    align: 'right',
    lineBreak: false,
  })
  doc.text(pdfText(`${formatTick(min)}${unit ?? ''}`), box.left - 40, box.top + box.height - 3, {
    width: 36,
    align: 'right',
    lineBreak: false,
  })
  const step = Math.max(1, Math.ceil(labels.length / 8))
  labels.forEach((label, index) => {
    if (index % step !== 0 && index !== labels.length - 1) return
    const x = xOf(box, labels.length, index)
    doc.text(pdfText(label), x - 25, box.top + box.height + 4, { width: 50, align: 'center', lineBreak: false })
  })
}

function drawLegend(doc: Doc, left: number, top: number, series: PaperSeries[]) {
  doc.font(FONT).fontSize(8).fillColor(INK)
  series.forEach((line, index) => {
    const y = top + index * 14
    doc
      .save()
      .rect(left, y + 2, 12, 4)
      .fill(LINE_COLOURS[index % LINE_COLOURS.length])
      .restore()
    doc.fillColor(INK).text(pdfText(line.name), left + 18, y, { lineBreak: false })
  })
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-GB') : value.toFixed(1)
}

function xOf(box: Box, count: number, index: number): number {
  return count <= 1 ? box.left + box.width / 2 : box.left + (box.width * index) / (count - 1)
}

function drawSeries(doc: Doc, box: Box, series: PaperSeries, values: number[], index: number) {
  const { min, span } = scaleOf(values)
  const colour = LINE_COLOURS[index % LINE_COLOURS.length]
  doc.lineWidth(1.5).strokeColor(colour).fillColor(colour)
  let drawing = false
  series.values.forEach((value, at) => {
    if (value === null) {
      drawing = false
      return
    }
    const x = xOf(box, series.values.length, at)
    const y = box.top + box.height - ((value - min) / span) * box.height
    if (drawing) doc.lineTo(x, y)
    else doc.moveTo(x, y)
    drawing = true
  })
  doc.stroke()
  series.values.forEach((value, at) => {
    if (value === null) return
    const x = xOf(box, series.values.length, at)
    const y = box.top + box.height - ((value - min) / span) * box.height
    doc.circle(x, y, 1.8).fill()
  })
}

/** Draws each placed PDF's pages onto the pages reserved for them, scaled to sit above the page number. */
async function placePdfs(content: Buffer, reservations: Reservation[]): Promise<Buffer> {
  const { PDFDocument: PdfLibDocument } = await import('pdf-lib')
  const output = await PdfLibDocument.load(content, { updateMetadata: false })
  // Each placed PDF is embedded once, its pages in the order of their reservations: the same file
  // placed twice fills both its places.
  const bySource = new Map<Uint8Array, Reservation[]>()
  for (const reservation of reservations)
    bySource.set(reservation.content, [...(bySource.get(reservation.content) ?? []), reservation])
  for (const [source, placed] of bySource) {
    const embedded = await output.embedPdf(
      source,
      placed.map((reservation) => reservation.source),
    )
    for (const [at, page] of embedded.entries()) {
      const target = output.getPage(placed[at].page)
      const { width, height } = target.getSize()
      const room = { width: width - 2 * 20, height: height - 20 - (MARGIN + 10) }
      const scale = Math.min(room.width / page.width, room.height / page.height, 1)
      target.drawPage(page, {
        x: (width - page.width * scale) / 2,
        y: MARGIN + 10 + (room.height - page.height * scale),
        xScale: scale,
        yScale: scale,
      })
    }
  }
  return Buffer.from(await output.save({ updateFieldAppearances: false }))
}
