import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { MAX_UPLOAD_BYTES, checkUpload } from '#src/modules/meetings/index.ts'
import { documentText } from '#src/platform/files/document-text.ts'
import { type PoliteFetchOptions, createPoliteFetch } from '#src/platform/http/polite-fetch.ts'
import type { FetchedFile, ImportPlan, NotMapped, PlannedDocument } from './plan.ts'

/** Where the documents' files are: beside the saved responses, or at their addresses on the web. */
/**
 * From the web, `site` is the web service's origin ('https://democracy.example.gov.uk'): a document is
 * fetched only from there, so that a response cannot send the import to another address, inside the
 * council's network or anywhere else.
 */
export type DocumentOrigin =
  { kind: 'folder'; folder: string } | { kind: 'web'; site: string; options: PoliteFetchOptions }

/** The media types an imported document may be; anything else is reported as missing. */
const DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
}

const ACCEPT = Object.keys(DOCUMENT_TYPES).join(', ')
const TOO_LARGE = `it is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)}MB`
const NOT_A_DOCUMENT = 'it is not a PDF or Word document'

/** The folder a document is looked for in besides the responses' own: `documents/`. */
export const DOCUMENTS_SUBFOLDER = 'documents'

/** From the web, `contentType` is the type the site gave (null when none); from a folder, undefined. */
type Got = { ok: true; name: string; data: Buffer; contentType?: string | null } | { ok: false; missing: string }

/**
 * The plan with each document's file fetched and checked (`file`), or why it could not be had
 * (`missing`): not in the folder, an answer other than 200, too large, or not what a PDF or Word
 * document is by its content (and, from the web, by the type the site gives it too). Either is listed
 * among what cannot be mapped, with the address; a file whose words cannot be read is kept all the same.
 * One address linked twice is fetched once; from the web, one at a time and politely.
 */
export async function fetchDocuments(
  plan: ImportPlan,
  origin: DocumentOrigin,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportPlan> {
  const client = origin.kind === 'web' ? createPoliteFetch({ ...origin.options, maxBytes: MAX_UPLOAD_BYTES }) : null
  // The web service was asked just before: the site has the same pause before the first document.
  if (origin.kind === 'web' && plan.documents.length) await sleep(origin.options.delayMs)
  const got = new Map<string, Promise<{ file: FetchedFile | null; missing: string | null; note: string | null }>>()
  const notes: NotMapped[] = []
  const documents: PlannedDocument[] = []
  let done = 0
  for (const document of plan.documents) {
    const address = document.sourceAddress
    if (!got.has(address)) {
      const read =
        origin.kind === 'web' && client
          ? fromWeb(address, origin.site, client)
          : fromFolder(address, origin.kind === 'folder' ? origin.folder : '')
      got.set(address, read.then(checked))
    }
    const { file, missing, note } = await got.get(address)!
    const reason = missing ? `could not be had from ${address}: ${missing}` : note
    if (reason) notes.push({ file: document.source.file, record: 'linked document', id: document.source.id, reason })
    documents.push({ ...document, file, missing })
    done += 1
    onProgress?.(done, plan.documents.length)
  }
  return { ...plan, documents, notMapped: [...plan.notMapped, ...notes] }
}

/** The file's name as its address ends, decoded: `…/Q3%20performance.pdf` is "Q3 performance.pdf". */
export function fileNameOf(address: string): string | null {
  const path = URL.canParse(address) ? new URL(address).pathname : address.split(/[?#]/)[0]
  const last = path?.split('/').pop() ?? ''
  let name: string
  try {
    name = decodeURIComponent(last)
  } catch {
    return null
  }
  // A name that would step out of the folder (or into another) is no file's name.
  if (!name || name === '.' || name === '..' || /[\\/\u0000]/.test(name)) return null
  return name
}

async function fromFolder(address: string, folder: string): Promise<Got> {
  const name = fileNameOf(address)
  if (!name) return { ok: false, missing: 'its address does not end in the name of a file' }
  for (const path of [join(folder, name), join(folder, DOCUMENTS_SUBFOLDER, name)]) {
    const found = await stat(path).catch(() => null)
    if (!found?.isFile()) continue
    if (found.size > MAX_UPLOAD_BYTES) return { ok: false, missing: TOO_LARGE }
    return { ok: true, name, data: await readFile(path) }
  }
  return { ok: false, missing: `"${name}" is not in the folder, nor in its ${DOCUMENTS_SUBFOLDER} folder` }
}

async function fromWeb(address: string, site: string, client: ReturnType<typeof createPoliteFetch>): Promise<Got> {
  if (!/^https?:\/\//i.test(address) || !URL.canParse(address))
    return { ok: false, missing: 'its address is not a web address' }
  if (new URL(address).origin !== site) return { ok: false, missing: `it is not on the Modern.gov site (${site})` }
  const fetched = await client.get(address, ACCEPT)
  if (!fetched.ok)
    return { ok: false, missing: fetched.message.startsWith('larger than') ? TOO_LARGE : fetched.message }
  return { ok: true, name: fileNameOf(address) ?? '', data: fetched.body, contentType: fetched.contentType }
}

/** The file as the import keeps it, once its content (by its magic bytes) and its stated type agree. */
async function checked(got: Got): Promise<{ file: FetchedFile | null; missing: string | null; note: string | null }> {
  if (!got.ok) return { file: null, missing: got.missing, note: null }
  const check = await checkUpload({ filename: got.name, data: got.data, truncated: false })
  if (!check.ok || !DOCUMENT_TYPES[check.document.mediaType]) {
    if (check.ok || got.data.length > 0) return { file: null, missing: NOT_A_DOCUMENT, note: null }
    return { file: null, missing: 'it is empty', note: null }
  }
  const { document } = check
  const stated = got.contentType?.split(';')[0]?.trim().toLowerCase()
  if (got.contentType !== undefined && stated !== document.mediaType)
    return {
      file: null,
      missing: `the site says it is ${stated ? `of type ${stated}` : 'of no type'}, but its content is a ${DOCUMENT_TYPES[document.mediaType]} document`,
      note: null,
    }
  const read = await documentText(document.content, document.mediaType)
  return {
    file: {
      filename: document.filename,
      mediaType: document.mediaType,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
      contentBase64: document.content.toString('base64'),
      text: read.text,
    },
    missing: null,
    note: read.note,
  }
}
