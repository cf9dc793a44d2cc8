import type { FastifyReply } from 'fastify'
import { attachment, inline } from '#src/platform/http/content-disposition.ts'
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE, type Paper } from './paper.ts'
import { renderPdf } from './pdf.ts'

export const PAPER_FORMATS = ['pdf', 'docx'] as const
export type PaperFormat = (typeof PAPER_FORMATS)[number]

/** Whether a query's format is one of the papers'. */
export function isPaperFormat(format: string | undefined): format is PaperFormat {
  return format === 'pdf' || format === 'docx'
}

/**
 * Sends a PDF already made: `kept` when it is a published paper's exact bytes (which never change), so
 * it may be cached as the page may; otherwise it was made now for this viewer and is not stored.
 */
export function sendPdf(reply: FastifyReply, content: Uint8Array, filename: string, kept: boolean) {
  reply.header('content-type', PDF_MEDIA_TYPE)
  reply.header('content-disposition', inline(filename))
  if (!kept) reply.header('cache-control', 'no-store')
  return reply.send(Buffer.from(content.buffer, content.byteOffset, content.byteLength))
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
  // docx is loaded for the first Word paper, not at every start.
  const { renderDocx } = await import('./docx.ts')
  const content = await renderDocx(paper)
  reply.header('content-type', DOCX_MEDIA_TYPE)
  reply.header('content-disposition', attachment(`${basename}.docx`))
  return reply.send(content)
}
