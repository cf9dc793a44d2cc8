import { extractText, getDocumentProxy } from 'unpdf'
import { type XmlElement, childOf, readXml } from '#src/platform/xml/read-xml.ts'
import { ExpansionBudget, entryContent, zipEntries } from './zip-entries.ts'

/**
 * The words inside a PDF or Word (DOCX) document, so that search can find them. A document that cannot
 * be read (damaged, encrypted, past a limit) gives no text and a note saying why: it is still kept, and
 * found by its title; reading it never fails the import it is part of.
 */

/** Limits on reading one document's text: its pages, and the characters kept. */
export const DOCUMENT_TEXT_LIMITS = {
  /** A committee paper is tens of pages; an agenda pack a few hundred. */
  maxPages: 1_000,
  /** About 500 pages of dense text: enough for search, and a bound on what one row holds. */
  maxCharacters: 1_000_000,
  /** Elements of word/document.xml: a long report has a few hundred thousand. */
  maxDocxElements: 1_000_000,
}

export interface DocumentText {
  /** '' when no text could be read. */
  text: string
  /** Why the text is missing or cut short; null when it was read whole. */
  note: string | null
}

const PDF = 'application/pdf'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The text of a document of `mediaType` (as its content showed it to be). */
export async function documentText(
  content: Buffer,
  mediaType: string,
  limits = DOCUMENT_TEXT_LIMITS,
): Promise<DocumentText> {
  try {
    if (mediaType === PDF) return await pdfText(content, limits)
    if (mediaType === DOCX) return await docxText(content, limits)
    return { text: '', note: 'its text is only read from PDF and Word documents' }
  } catch (error) {
    return { text: '', note: `its text could not be read (${unreadable(error)})` }
  }
}

function unreadable(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.slice(0, 200) || 'the file may be damaged'
}

/** Folded whitespace, and no more than the limit of characters. */
function kept(raw: string, limits: typeof DOCUMENT_TEXT_LIMITS, note: string | null = null): DocumentText {
  const text = raw
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim()
  const end = Math.min(text.length, limits.maxCharacters, searchableLength(text))
  if (end === text.length) return { text, note }
  return {
    text: text.slice(0, end),
    note: `only its first ${end.toLocaleString('en-GB')} characters are searched`,
  }
}

/** PostgreSQL refuses a tsvector over 1MB; kept well under it, so one odd document never fails an import. */
const MAX_SEARCH_VECTOR_BYTES = 700 * 1024

/**
 * How much of the text PostgreSQL's tsvector of it can hold: an over-estimate of its size word by word
 * (each distinct word with its entry, and two bytes for each of its first 256 places).
 */
function searchableLength(text: string): number {
  const seen = new Map<string, number>()
  let bytes = 0
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0].toLowerCase()
    const count = seen.get(word) ?? 0
    bytes += (count === 0 ? Buffer.byteLength(word) + 8 : 0) + (count < 256 ? 2 : 0)
    seen.set(word, count + 1)
    if (bytes > MAX_SEARCH_VECTOR_BYTES) return match.index
  }
  return text.length
}

async function pdfText(content: Buffer, limits: typeof DOCUMENT_TEXT_LIMITS): Promise<DocumentText> {
  // pdf.js takes the bytes over: it is given a copy, so the file stored is the file fetched.
  const pdf = await getDocumentProxy(new Uint8Array(content), { verbosity: 0 })
  try {
    if (pdf.numPages > limits.maxPages)
      return {
        text: '',
        note: `it has more than ${limits.maxPages.toLocaleString('en-GB')} pages: its text is not read`,
      }
    const { text } = await extractText(pdf, { mergePages: true })
    return kept(text, limits)
  } finally {
    // Ends the document's parsing task, so what it holds is let go of at once.
    await pdf.loadingTask.destroy()
  }
}

/** A part of a Word document as read XML, within the limits; null when the document has no such part. */
async function docxPart(content: Buffer, name: string, limits: typeof DOCUMENT_TEXT_LIMITS) {
  const entry = zipEntries(content).get(name)
  if (!entry) return null
  const chunks: Buffer[] = []
  for await (const chunk of entryContent(content, entry, new ExpansionBudget())) chunks.push(chunk)
  return readXml(name, Buffer.concat(chunks).toString('utf8'), {
    maxBytes: Number.MAX_SAFE_INTEGER,
    maxDepth: 64,
    maxElements: limits.maxDocxElements,
    maxTextLength: limits.maxCharacters,
  })
}

async function docxText(content: Buffer, limits: typeof DOCUMENT_TEXT_LIMITS): Promise<DocumentText> {
  const xml = await docxPart(content, 'word/document.xml', limits)
  if (!xml) return { text: '', note: 'it has no document part (word/document.xml)' }
  if (!xml.ok) return { text: '', note: `its text could not be read (${xml.message})` }
  const parts: string[] = []
  collectRuns(xml.root, parts)
  return kept(parts.join(''), limits)
}

/** Word keeps text in <w:t> runs; a paragraph, a break or a tab between them is white space. */
function collectRuns(element: XmlElement, parts: string[]) {
  if (element.name === 't') parts.push(element.text)
  else if (element.name === 'tab') parts.push('\t')
  else if (element.name === 'br' || element.name === 'cr') parts.push('\n')
  for (const child of element.children) collectRuns(child, parts)
  if (element.name === 'p') parts.push('\n')
}

/** One paragraph of a Word document: its text (line breaks kept), style, heading level and list. */
export interface DocxParagraph {
  text: string
  /** The paragraph style's id ("Heading2", "ListParagraph"), '' for the normal style. */
  style: string
  /** 1 for "Heading 1" (or an outline level of 0), and so on; null for a paragraph that is no heading. */
  headingLevel: number | null
  /** How it is listed: null when it is not a list item. */
  list: 'bullet' | 'numbered' | null
}

export type DocxParagraphs = { ok: true; paragraphs: DocxParagraph[] } | { ok: false; message: string }

/**
 * The paragraphs of a Word document in order, those in tables included, each with its heading level
 * and whether it is a list item, for filling a record's sections from a document an officer wrote.
 * A document that cannot be read gives why, in words for its author.
 */
export async function docxParagraphs(content: Buffer, limits = DOCUMENT_TEXT_LIMITS): Promise<DocxParagraphs> {
  try {
    const xml = await docxPart(content, 'word/document.xml', limits)
    if (!xml) return { ok: false, message: 'it has no document part (word/document.xml)' }
    if (!xml.ok) return { ok: false, message: xml.message }
    const numbering = await numberingFormats(content, limits)
    const paragraphs: DocxParagraph[] = []
    collectParagraphs(xml.root, paragraphs, numbering)
    return { ok: true, paragraphs }
  } catch (error) {
    return { ok: false, message: unreadable(error) }
  }
}

function collectParagraphs(element: XmlElement, paragraphs: DocxParagraph[], numbering: Map<string, string>) {
  if (element.name !== 'p') {
    for (const child of element.children) collectParagraphs(child, paragraphs, numbering)
    return
  }
  const properties = childOf(element, 'pPr')
  const style = (properties && childOf(properties, 'pStyle')?.attributes.val) ?? ''
  const outline = properties && childOf(properties, 'outlineLvl')?.attributes.val
  const styled = /^heading\s*(\d)$/i.exec(style)?.[1] ?? (/^title$/i.test(style) ? '1' : undefined)
  const level = styled ?? (outline !== undefined && /^\d$/.test(outline) ? String(Number(outline) + 1) : undefined)
  const numId = properties && childOf(properties, 'numPr') && childOf(childOf(properties, 'numPr')!, 'numId')
  const listed = numId && numId.attributes.val !== '0' ? (numbering.get(numId.attributes.val) ?? 'decimal') : null
  const parts: string[] = []
  for (const child of element.children) if (child.name !== 'pPr') collectRuns(child, parts)
  paragraphs.push({
    text: parts.join('').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' '),
    style,
    headingLevel: level !== undefined ? Number(level) : null,
    list: listed === null ? null : listed === 'bullet' || listed === 'none' ? 'bullet' : 'numbered',
  })
}

/** Each list's format at its first level ("bullet", "decimal"), by the numId paragraphs name it by. */
async function numberingFormats(content: Buffer, limits: typeof DOCUMENT_TEXT_LIMITS) {
  const formats = new Map<string, string>()
  const xml = await docxPart(content, 'word/numbering.xml', limits)
  if (!xml?.ok) return formats
  const abstract = new Map<string, string>()
  for (const child of xml.root.children) {
    if (child.name !== 'abstractNum') continue
    const first = child.children.find((level) => level.name === 'lvl' && level.attributes.ilvl === '0')
    const format = first && childOf(first, 'numFmt')?.attributes.val
    if (format) abstract.set(child.attributes.abstractNumId, format)
  }
  for (const child of xml.root.children) {
    const abstractId = child.name === 'num' ? childOf(child, 'abstractNumId')?.attributes.val : undefined
    const format = abstractId !== undefined ? abstract.get(abstractId) : undefined
    if (format) formats.set(child.attributes.numId, format)
  }
  return formats
}
