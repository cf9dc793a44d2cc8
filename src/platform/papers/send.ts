import type { FastifyReply } from 'fastify'
import { isRealDate } from '#src/platform/forms/fields.ts'
import { BadRequestError } from '#src/platform/http/errors.ts'
import { attachment, inline } from '#src/platform/http/content-disposition.ts'
import { renderDocx } from './docx.ts'
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE, type Paper } from './paper.ts'
import { renderPdf } from './pdf.ts'

export const PAPER_FORMATS = ['pdf', 'docx'] as const
export type PaperFormat = (typeof PAPER_FORMATS)[number]

export function isPaperFormat(format: string | undefined): format is PaperFormat {
  return format === 'pdf' || format === 'docx'
}

/** A date from a query ('YYYY-MM-DD'), undefined when not given; one that is not a real day is refused (400). */
export function queryDate(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string' || value.length > 10 || !isRealDate(value)) throw new BadRequestError()
  return value
}

/**
 * What a page's query asks of its paper: the format (null for the page itself) and the day it is as at
 * (`on`; the app's today when not given).
 */
export function paperQuery(query: Record<string, unknown>): { format: PaperFormat | null; on: string | undefined } {
  const format = typeof query.format === 'string' && isPaperFormat(query.format) ? query.format : null
  return { format, on: format ? queryDate(query.on) : undefined }
}

/**
 * Sends `paper` as a PDF or a Word document named `basename` (without extension). A PDF opens in the
 * browser (it is a paper to read); a Word document downloads (it is a draft to edit). Staff pages are
 * not cached; a public page's paper is no more cacheable than the page.
 */
export async function sendPaper(reply: FastifyReply, paper: Paper, format: PaperFormat, basename: string) {
  if (format === 'pdf') {
    const rendered = await renderPdf(paper)
    reply.header('content-type', PDF_MEDIA_TYPE)
    reply.header('content-disposition', inline(`${basename}.pdf`))
    return reply.send(rendered.content)
  }
  const content = await renderDocx(paper)
  reply.header('content-type', DOCX_MEDIA_TYPE)
  reply.header('content-disposition', attachment(`${basename}.docx`))
  return reply.send(content)
}
