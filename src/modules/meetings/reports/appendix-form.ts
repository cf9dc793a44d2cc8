import type { MultipartFile } from '@fastify/multipart'
import { type FieldErrors, parseForm } from '#src/platform/forms/errors.ts'
import { type CheckedDocument, MAX_UPLOAD_BYTES, type Upload, checkUpload } from '../documents.ts'
import { type FormValues, withJoinedDates } from '../form-values.ts'
import { FIELD_IDS } from '../schema.ts'
import { type AppendixForm, appendixSchema } from './schema.ts'

/**
 * The appendix form arrives as multipart/form-data (it can carry a file). The parser keeps the
 * fields as strings and the file as an Upload; a file over the limit is cut short and marked, so
 * the form can say so rather than fail.
 */
export const multipartOptions = {
  attachFieldsToBody: 'keyValues' as const,
  throwFileSizeLimit: false,
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 40 },
  async onFile(part: MultipartFile) {
    const data = await part.toBuffer()
    const upload: Upload = { filename: part.filename, data, truncated: part.file.truncated }
    ;(part as MultipartFile & { value: Upload }).value = upload
  },
}

function uploadIn(body: FormValues): Upload | null {
  const file = body.file as Partial<Upload> | undefined
  if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data)) return null
  // A file input left empty still sends a part, with no name and no content.
  if (!file.filename && file.data.length === 0) return null
  return { filename: file.filename ?? '', data: file.data, truncated: Boolean(file.truncated) }
}

export type AppendixSubmission =
  | { ok: true; values: FormValues; fields: AppendixForm; file: CheckedDocument | null }
  | ({ ok: false; values: FormValues } & FieldErrors)

/** The posted appendix form: its fields checked by the schema, its file by its content. */
export async function readAppendixForm(body: unknown): Promise<AppendixSubmission> {
  const { file: _file, ...values } = (body ?? {}) as FormValues
  const upload = uploadIn((body ?? {}) as FormValues)
  const parsed = parseForm(appendixSchema, withJoinedDates(values, ['exemptReviewOn']), FIELD_IDS)
  const checked = upload ? await checkUpload(upload) : null
  if (parsed.ok && (!checked || checked.ok)) {
    return { ok: true, values, fields: parsed.value, file: checked?.ok ? checked.document : null }
  }
  const errors: FieldErrors = parsed.ok
    ? { errors: {}, errorSummary: [] }
    : { errors: parsed.errors, errorSummary: parsed.errorSummary }
  if (checked && !checked.ok) {
    errors.errors.file = { text: checked.message }
    // The file input comes after the label, title and text, before the exemption questions.
    const at = errors.errorSummary.findIndex((e) => !['#label', '#title', '#body'].includes(e.href))
    errors.errorSummary.splice(at === -1 ? errors.errorSummary.length : at, 0, { text: checked.message, href: '#file' })
  }
  return { ok: false, values, ...errors }
}
