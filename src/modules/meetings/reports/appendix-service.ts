import type { Trx } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { mayReadExempt } from '#src/platform/exemption/readers.ts'
import { assertNotWithheld } from '#src/platform/exemption/redaction.ts'
import { isExempt } from '#src/platform/exemption/schedule-12a.ts'
import type { CheckedDocument } from '../documents.ts'
import { assertAgendaReadable } from '../agenda/visibility.ts'
import { createItemDocumentsRepository } from '../item-documents/repository.ts'
import { appendixForViewer } from '../redaction.ts'
import { type ReportsDeps, createPaperFinder } from './papers.ts'
import type { AppendixForm } from './schema.ts'

/** Appendices to reports and their files: reading (exempt ones only by those who may) and writing. */
export function createAppendicesService(deps: ReportsDeps) {
  const { db, reports, bodies } = deps
  const papers = createPaperFinder(deps)
  const itemDocuments = createItemDocumentsRepository(db)

  async function appendixAt(ctx: Context, slug: string, position: number, id: string) {
    const found = await papers.reportAt(ctx, slug, position)
    const appendix = await reports.findAppendix(id)
    if (!appendix || appendix.reportId !== found.report.id) throw new NotFoundError('Appendix')
    return { ...found, appendix }
  }

  async function storeDocument(trx: Trx, ctx: Context, file: CheckedDocument) {
    return reports.insertDocument(trx, { ...file, uploadedBy: ctx.user?.id ?? null })
  }

  function needsContent(body: string, documentId: string | null | undefined) {
    if (!body && !documentId) throw new RuleError('Select a file, or enter the text of the appendix', 'file')
  }

  return {
    /**
     * One appendix of the report on the item at `position`, as this viewer may read it. Exempt (itself, or
     * its report or item) it is a NotFoundError for those who may not read it, and reading it is
     * recorded in the audit trail.
     */
    async getAppendix(ctx: Context, slug: string, position: number, id: string) {
      const { meeting, item, report, appendix } = await appendixAt(ctx, slug, position, id)
      const mayRead = await papers.mayRead(ctx, meeting)
      const chain = [appendix, report, item]
      assertNotWithheld(chain, mayRead, 'Appendix')
      if (chain.some(isExempt)) {
        await recordAudit(db, ctx, {
          action: 'viewed exempt appendix',
          subjectType: 'appendix',
          subjectId: appendix.id,
        })
      }
      return {
        meeting,
        item: { number: item.number, position: item.position, title: item.title },
        report: { title: report.title },
        appendix: appendixForViewer(appendix, [report, item], mayRead),
      }
    },

    /** The report an appendix is being added to. Throws NotFoundError. */
    async reportForAppendix(ctx: Context, slug: string, position: number) {
      assertCan(ctx.user, 'reports:edit')
      return papers.reportAt(ctx, slug, position)
    },

    /** An appendix for its edit form. Throws NotFoundError. */
    async appendixToEdit(ctx: Context, slug: string, position: number, id: string) {
      assertCan(ctx.user, 'reports:edit')
      return appendixAt(ctx, slug, position, id)
    },

    /** Adds an appendix, with its uploaded file when there is one. It needs words or a file. */
    async addAppendix(ctx: Context, reportId: string, input: AppendixForm, file: CheckedDocument | null) {
      assertCan(ctx.user, 'reports:edit')
      if (!(await reports.findReportById(reportId))) throw new NotFoundError('Report')
      const { removeFile: _ignored, ...fields } = input
      needsContent(fields.body, file ? 'new' : null)
      return withTransaction(db, async (trx) => {
        const document = file ? await storeDocument(trx, ctx, file) : null
        const { id } = await reports.insertAppendix(trx, reportId, { ...fields, documentId: document?.id ?? null })
        const after = await reports.findAppendix(id, trx)
        await recordAudit(trx, ctx, {
          action: 'added appendix',
          subjectType: 'report',
          subjectId: reportId,
          after: after,
        })
        return after!
      })
    },

    /** Changes an appendix; a new file replaces the old one, which can also be removed. */
    async updateAppendix(ctx: Context, id: string, input: AppendixForm, file: CheckedDocument | null) {
      assertCan(ctx.user, 'reports:edit')
      const before = await reports.findAppendix(id)
      if (!before) throw new NotFoundError('Appendix')
      const { removeFile, ...fields } = input
      const keptDocument = file || removeFile ? null : before.documentId
      needsContent(fields.body, file ? 'new' : keptDocument)
      return withTransaction(db, async (trx) => {
        const document = file ? await storeDocument(trx, ctx, file) : null
        await reports.updateAppendix(trx, id, { ...fields, documentId: document?.id ?? keptDocument })
        if (before.documentId && before.documentId !== keptDocument)
          await reports.deleteDocument(trx, before.documentId)
        const after = await reports.findAppendix(id, trx)
        await recordAudit(trx, ctx, {
          action: 'updated appendix',
          subjectType: 'report',
          subjectId: before.reportId,
          before: before,
          after: after,
        })
        return after!
      })
    },

    /** Removes an appendix and its file. */
    async removeAppendix(ctx: Context, id: string) {
      assertCan(ctx.user, 'reports:edit')
      const before = await reports.findAppendix(id)
      if (!before) throw new NotFoundError('Appendix')
      await withTransaction(db, async (trx) => {
        await reports.deleteAppendix(trx, id)
        if (before.documentId) await reports.deleteDocument(trx, before.documentId)
        await recordAudit(trx, ctx, {
          action: 'removed appendix',
          subjectType: 'report',
          subjectId: before.reportId,
          before: before,
        })
      })
    },

    /**
     * A file attached to an appendix, or one of an agenda item's documents, to download. A file of a draft
     * agenda, or of exempt material, is a NotFoundError for those who may not read it, and downloading one
     * is recorded in the audit trail.
     */
    async getDocument(ctx: Context, id: string) {
      const document = await reports.findDocument(id)
      if (!document) throw new NotFoundError('Document')
      const owner = document.appendixId
        ? { ...document, chain: [document.appendixExempt, document.reportExempt, document.itemExempt] }
        : await itemDocuments
            .ownerOfFile(id)
            .then((found) => found && { ...found, chain: [found.documentExempt, found.itemExempt] })
      if (!owner?.bodyId) throw new NotFoundError('Document')
      assertAgendaReadable(ctx.user, owner, 'Document')
      const chain = owner.chain.map((exemptParagraph) => ({ exemptParagraph }))
      const exempt = chain.some(isExempt)
      assertNotWithheld(chain, mayReadExempt(await bodies.exemptReadableBodyIds(ctx), owner.bodyId), 'Document')
      if (exempt)
        await recordAudit(db, ctx, {
          action: 'viewed exempt document',
          subjectType: 'document',
          subjectId: document.id,
        })
      return { filename: document.filename, mediaType: document.mediaType, content: document.content, exempt }
    },
  }
}

export type AppendicesService = ReturnType<typeof createAppendicesService>
