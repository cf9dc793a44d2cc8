import { createHash } from 'node:crypto'
import type { Upload } from '#src/platform/forms/upload.ts'

/**
 * Files attached to appendices. What a file is comes from its content (its magic bytes), never
 * from its name or the browser's say-so: a text file called "report.pdf" is refused.
 */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

const ACCEPTED = {
  pdf: { mediaType: 'application/pdf', name: 'PDF' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'DOCX' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: 'XLSX' },
} as const

export const UPLOAD_MESSAGES = {
  wrongType: 'The selected file must be a PDF, DOCX or XLSX',
  tooLarge: 'The selected file must be smaller than 20MB',
  empty: 'The selected file is empty',
  missing: 'Select a file',
} as const

export interface CheckedDocument {
  filename: string
  mediaType: string
  sizeBytes: number
  sha256: string
  content: Buffer
}

export type UploadCheck = { ok: true; document: CheckedDocument } | { ok: false; message: string }

/** Whether an upload may be stored, and what it is. */
export async function checkUpload(upload: Upload): Promise<UploadCheck> {
  if (upload.truncated || upload.data.length > MAX_UPLOAD_BYTES) return { ok: false, message: UPLOAD_MESSAGES.tooLarge }
  if (upload.data.length === 0) return { ok: false, message: UPLOAD_MESSAGES.empty }
  // Loaded on the first upload, not at every start.
  const { fileTypeFromBuffer } = await import('file-type')
  const detected = await fileTypeFromBuffer(upload.data)
  const accepted = detected && detected.ext in ACCEPTED ? ACCEPTED[detected.ext as keyof typeof ACCEPTED] : null
  if (!detected || !accepted) return { ok: false, message: UPLOAD_MESSAGES.wrongType }
  return {
    ok: true,
    document: {
      filename: storedFilename(upload.filename, detected.ext),
      mediaType: accepted.mediaType,
      sizeBytes: upload.data.length,
      sha256: createHash('sha256').update(upload.data).digest('hex'),
      content: upload.data,
    },
  }
}

/** The name to keep: no folders or control characters, and the extension of what the file really is. */
export function storedFilename(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')

    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200)
  const stem = base.replace(/\.[^.]*$/, '') || 'document'
  return `${stem}.${ext}`
}

/** "PDF, 245 KB" beside a download link, as GOV.UK attachments show it. */
export function documentDescription(mediaType: string | null, sizeBytes: number | null): string {
  const kind = Object.values(ACCEPTED).find((accepted) => accepted.mediaType === mediaType)?.name ?? 'File'
  if (sizeBytes === null) return kind
  if (sizeBytes < 1024) return `${kind}, ${sizeBytes} bytes`
  if (sizeBytes < 1024 * 1024) return `${kind}, ${Math.ceil(sizeBytes / 1024)} KB`
  return `${kind}, ${(sizeBytes / (1024 * 1024)).toFixed(1)} MB`
}
