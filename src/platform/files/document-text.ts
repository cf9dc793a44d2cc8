import { extractText, getDocumentProxy } from 'unpdf'
import { type XmlElement, readXml } from '#src/platform/xml/read-xml.ts'
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

async function docxText(content: Buffer, limits: typeof DOCUMENT_TEXT_LIMITS): Promise<DocumentText> {
  const entry = zipEntries(content).get('word/document.xml')
  if (!entry) return { text: '', note: 'it has no document part (word/document.xml)' }
  const chunks: Buffer[] = []
  for await (const chunk of entryContent(content, entry, new ExpansionBudget())) chunks.push(chunk)
  const xml = readXml('word/document.xml', Buffer.concat(chunks).toString('utf8'), {
    maxBytes: Number.MAX_SAFE_INTEGER,
    maxDepth: 64,
    maxElements: limits.maxDocxElements,
    maxTextLength: limits.maxCharacters,
  })
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
