import { extractText, getDocumentProxy } from 'unpdf'
import { ExpansionBudget, entryContent, zipEntries } from '#src/platform/files/zip-entries.ts'

/** A rendered PDF read back as a reader sees it: its text by page, bookmarks, title, language and tagging. */
export interface PdfReadBack {
  pageCount: number
  pages: string[]
  text: string
  outline: { title: string; items: string[] }[]
  title: string
  language: string
  tagged: boolean
  /** Whether the first page has a structure tree (headings, paragraphs, tables). */
  structured: boolean
}

export async function readPdf(content: Uint8Array): Promise<PdfReadBack> {
  const pdf = await getDocumentProxy(new Uint8Array(content))
  const { text } = await extractText(pdf, { mergePages: false })
  const outline = ((await pdf.getOutline()) ?? []).map((entry) => ({
    title: entry.title,
    items: entry.items.map((item) => item.title),
  }))
  const info = (await pdf.getMetadata()).info as { Title?: string; Language?: string }
  const markInfo = await pdf.getMarkInfo()
  const tree = await (await pdf.getPage(1)).getStructTree()
  return {
    pageCount: pdf.numPages,
    pages: text,
    text: text.join('\n'),
    outline,
    title: info.Title ?? '',
    language: info.Language ?? '',
    tagged: markInfo?.Marked === true,
    structured: Boolean(tree && JSON.stringify(tree).includes('"role"')),
  }
}

/** The text of a zip entry of a Word document ("word/document.xml", "docProps/core.xml"). */
export async function docxPart(content: Buffer, name: string): Promise<string> {
  const entry = zipEntries(content).get(name)
  if (!entry) throw new Error(`No ${name} in the document`)
  const parts: Buffer[] = []
  for await (const part of entryContent(content, entry, new ExpansionBudget())) parts.push(part)
  return Buffer.concat(parts).toString('utf8')
}

/** A Word document's words, paragraph by paragraph. */
export async function readDocx(content: Buffer): Promise<string> {
  const xml = await docxPart(content, 'word/document.xml')
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .filter((line) => line !== '')
    .map((line) =>
      line
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    )
    .join('\n')
}

interface StructNode {
  role?: string
  alt?: string
  children?: StructNode[]
}

/** The alternative text of every figure (chart) in a PDF's structure tree, page by page in order. */
export async function pdfFigures(content: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(content))
  const alts: string[] = []
  const walk = (node: StructNode | undefined) => {
    if (!node) return
    if (node.role === 'Figure') alts.push(node.alt ?? '')
    node.children?.forEach(walk)
  }
  for (let page = 1; page <= pdf.numPages; page += 1)
    walk((await (await pdf.getPage(page)).getStructTree()) as StructNode)
  return alts
}
