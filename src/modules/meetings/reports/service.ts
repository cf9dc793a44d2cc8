import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { assertNotWithheld, governingExemption } from '#src/platform/exemption/redaction.ts'
import { pageRangeLabel } from '../agenda/page-range.ts'
import { appendixForViewer } from '../redaction.ts'
import { type ReportsDeps, createPaperFinder } from './papers.ts'
import type { ReportForm } from './schema.ts'
import { reportSections } from './template.ts'
import { reportPaper } from './paper.ts'
import { reportFromWord } from './from-word.ts'
import { docxParagraphs } from '#src/platform/files/document-text.ts'
import type { Upload } from '#src/platform/forms/upload.ts'
import { DOCX_MEDIA_TYPE } from '#src/platform/papers/paper.ts'
import { checkUpload } from '../documents.ts'

/** What the Word upload says when it cannot fill a report from the file chosen. */
export const WORD_UPLOAD_MESSAGES = {
  missing: 'Select a Word document',
  notWord: 'The selected file must be a Word document (DOCX)',
  unreadable: 'The selected file could not be read. Save it again as a Word document (DOCX) and try again',
}

/** Reports in the council's standard template: reading them (exempt ones only by those who may) and writing them. */
export function createReportsService(deps: ReportsDeps) {
  const { db, meetings, reports } = deps
  const papers = createPaperFinder(deps)

  const service = {
    /**
     * The report on the agenda item at `position` of the meeting with `slug`, with its numbered sections and
     * its appendices as this viewer may see them. An exempt report (or one on an exempt item) is a
     * NotFoundError for those who may not read it; reading one is recorded in the audit trail.
     */
    async getReport(ctx: Context, slug: string, position: number) {
      const { meeting, item, report } = await papers.reportAt(ctx, slug, position)
      const mayRead = await papers.mayRead(ctx, meeting)
      assertNotWithheld([report, item], mayRead, 'Report')
      const exempt = governingExemption([report, item], mayRead)
      if (exempt)
        await recordAudit(db, ctx, { action: 'viewed exempt report', subjectType: 'report', subjectId: report.id })
      const [rows, template] = await Promise.all([deps.reads.appendicesOf(ctx, report.id), deps.reportTemplate(ctx)])
      const appendices = rows.map((appendix) => appendixForViewer(appendix, [report, item], mayRead))
      return {
        meeting,
        item: {
          id: item.id,
          number: item.number,
          position: item.position,
          title: item.title,
          pages: pageRangeLabel(item.pageFrom, item.pageTo),
        },
        report,
        exempt,
        appendices,
        sections: reportSections(report, appendices.length, template),
      }
    },

    /** The report as a printed paper in the council's template, exactly as getReport shows it to this viewer. */
    async reportPaper(ctx: Context, slug: string, position: number) {
      const view = await service.getReport(ctx, slug, position)
      const council = (await deps.councilName?.(ctx)) || view.meeting.bodyName
      return reportPaper(view, council)
    },

    /**
     * What an uploaded Word document would fill in the report on the item (see reportFromWord), for
     * its author to check before saving: refused (a RuleError on `file`) unless it is a Word document
     * by its content, within the size and element limits.
     */
    async reportFromUpload(ctx: Context, slug: string, position: number, upload: Upload | null) {
      const found = await service.reportToEdit(ctx, slug, position)
      if (!upload) throw new RuleError(WORD_UPLOAD_MESSAGES.missing, 'file')
      const checked = await checkUpload(upload)
      if (!checked.ok) throw new RuleError(checked.message, 'file')
      if (checked.document.mediaType !== DOCX_MEDIA_TYPE) throw new RuleError(WORD_UPLOAD_MESSAGES.notWord, 'file')
      const read = await docxParagraphs(checked.document.content)
      if (!read.ok) throw new RuleError(WORD_UPLOAD_MESSAGES.unreadable, 'file')
      const template = await deps.reportTemplate(ctx)
      return {
        ...found,
        filename: checked.document.filename,
        template,
        read: reportFromWord(read.paragraphs, template),
      }
    },

    /** The meeting, item and report (null before one is written) for the report form. */
    async reportToEdit(ctx: Context, slug: string, position: number) {
      assertCan(ctx.user, 'reports:edit')
      const { meeting, item } = await papers.itemAt(ctx, slug, position)
      assertNotWithheld([item], await papers.mayRead(ctx, meeting), 'Agenda item')
      const report = (await reports.findReportOfItem(item.id)) ?? null
      return { meeting, item, report }
    },

    /**
     * Writes the report on an agenda item: the first save creates it, later ones change it. An item
     * whose report was to follow no longer is, in the same transaction.
     * Refused (EditConflictError) unless the report is still at `version`, the one the form was
     * opened at (0: there was no report yet).
     */
    async saveReport(
      ctx: Context,
      agendaItemId: string,
      version: number | null,
      input: ReportForm,
      how: 'form' | 'word' = 'form',
    ) {
      assertCan(ctx.user, 'reports:edit')
      const item = await meetings.findItemById(agendaItemId)
      if (!item) throw new NotFoundError('Agenda item')
      return withTransaction(db, async (trx) => {
        const before = await reports.findReportOfItem(item.id, trx)
        const after = await writeAtVersion(
          trx,
          { what: 'This report', subjectType: 'report', expected: version },
          (at) =>
            at === 0 ? reports.insertReport(trx, item.id, input) : reports.updateReport(trx, item.id, at, input),
          () => reports.findReportOfItem(item.id, trx),
        )
        if (item.toFollow) await meetings.reportArrived(trx, item.id)
        await recordAudit(trx, ctx, {
          action: `${before ? 'updated report' : 'created report'}${how === 'word' ? ' from a Word document' : ''}`,
          subjectType: 'report',
          subjectId: after.id,
          before,
          after,
        })
        return after
      })
    },
  }
  return service
}

export type ReportsService = ReturnType<typeof createReportsService>
