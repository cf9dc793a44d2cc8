import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { assertNotWithheld, governingExemption } from '#src/platform/exemption/redaction.ts'
import { pageRangeLabel } from '../agenda/page-range.ts'
import { appendixForViewer } from '../redaction.ts'
import { type ReportsDeps, createPaperFinder } from './papers.ts'
import type { ReportForm } from './schema.ts'
import { reportSections } from './template.ts'

/** Reports in the council's standard template: reading them (exempt ones only by those who may) and writing them. */
export function createReportsService(deps: ReportsDeps) {
  const { db, meetings, reports } = deps
  const papers = createPaperFinder(deps)

  return {
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
      const [rows, template] = await Promise.all([reports.appendicesOf(report.id), deps.reportTemplate(ctx)])
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
    async saveReport(ctx: Context, agendaItemId: string, version: number | null, input: ReportForm) {
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
          action: before ? 'updated report' : 'created report',
          subjectType: 'report',
          subjectId: after.id,
          before,
          after,
        })
        return after
      })
    },
  }
}

export type ReportsService = ReturnType<typeof createReportsService>
