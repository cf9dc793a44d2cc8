import multipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import type { FormValues } from './values.ts'

/** A file as a form posted it. */
export interface Upload {
  /** As the browser named it: '' when it gave none. */
  filename: string
  data: Buffer
  /** True when it was longer than the form's limit and cut short. */
  truncated: boolean
}

/**
 * Lets the routes of the plugin it is called in take a form with a file (multipart/form-data, one
 * file at most): its fields arrive as strings in request.body, the file as an Upload in its
 * field. A file over `maxBytes` is cut short and marked, so that the form can say so rather than
 * fail; a body that stops before its end is refused as bad input (400, platform/http/bad-input.ts).
 */
export async function acceptUploads(app: FastifyInstance, limits: { maxBytes: number; fields: number }) {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: limits.maxBytes, files: 1, fields: limits.fields },
    async onFile(part: MultipartFile) {
      const data = await part.toBuffer()
      const upload: Upload = { filename: part.filename, data, truncated: part.file.truncated }
      ;(part as MultipartFile & { value: Upload }).value = upload
    },
  })
}

/** The file posted in `field`, or null when none was chosen. */
export function uploadIn(values: FormValues, field = 'file'): Upload | null {
  const file = values[field] as Partial<Upload> | undefined
  if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data)) return null
  // A file input left empty still sends a part, with no name and no content.
  if (!file.filename && file.data.length === 0) return null
  return { filename: file.filename ?? '', data: file.data, truncated: Boolean(file.truncated) }
}

/** The posted values without the file, as the form shows them again. */
export function withoutUpload(values: FormValues, field = 'file'): FormValues {
  const { [field]: _file, ...rest } = values
  return rest
}
