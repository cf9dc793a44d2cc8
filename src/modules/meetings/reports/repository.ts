import { type Insertable, sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import type { AppendicesTable, DocumentsTable, ReportsTable } from '../tables.ts'

type Reader = Db | Trx

export type ReportInput = Omit<
  ReportsTable,
  'id' | 'agendaItemId' | 'search' | 'updatedAt' | 'version' | 'recommendations'
> & {
  recommendations: string[]
}
export type AppendixInput = Omit<AppendicesTable, 'id' | 'reportId' | 'position'>
export type DocumentInput = Omit<Insertable<DocumentsTable>, 'id' | 'uploadedAt'>

/** A report's columns, as its pages and the agenda pack read it. */
export const reportColumns = [
  'reports.id',
  'reports.agendaItemId',
  'reports.title',
  'reports.reportTo',
  'reports.relevantOfficer',
  'reports.meetingDate',
  'reports.purpose',
  'reports.recommendations',
  'reports.reasons',
  'reports.contraryToPlan',
  'reports.withinBudget',
  'reports.alternativeOptions',
  'reports.councilPriorities',
  'reports.background',
  'reports.financial',
  'reports.legal',
  'reports.humanResources',
  'reports.risk',
  'reports.equalities',
  'reports.sustainability',
  'reports.consultation',
  'reports.backgroundPapers',
  'reports.exemptParagraph',
  'reports.exemptReason',
  'reports.exemptReviewOn',
  'reports.updatedAt',
  'reports.version',
] as const

/** An appendix's columns with its file's name, type and size (documents left-joined). */
export const appendixColumns = [
  'appendices.id',
  'appendices.reportId',
  'appendices.position',
  'appendices.label',
  'appendices.title',
  'appendices.body',
  'appendices.documentId',
  'appendices.exemptParagraph',
  'appendices.exemptReason',
  'appendices.exemptReviewOn',
  'documents.filename',
  'documents.mediaType',
  'documents.sizeBytes',
] as const

/** jsonb takes JSON text: a bare array would be sent as a PostgreSQL array. */
const withJsonRecommendations = (input: ReportInput) => ({
  ...input,
  recommendations: JSON.stringify(input.recommendations),
})

/** Queries for reports, their appendices and the files attached to them. No decisions here. */
export function createReportsRepository(db: Db) {
  function appendicesWithDocument(trx: Reader = db) {
    return trx
      .selectFrom('appendices')
      .leftJoin('documents', 'documents.id', 'appendices.documentId')
      .select(appendixColumns)
  }

  return {
    findReportOfItem(agendaItemId: string, trx: Reader = db) {
      return trx.selectFrom('reports').select(reportColumns).where('agendaItemId', '=', agendaItemId).executeTakeFirst()
    },

    findReportById(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return trx.selectFrom('reports').select(reportColumns).where('id', '=', id).executeTakeFirst()
    },

    /** Writes an item's first report; undefined when it already has one. */
    insertReport(trx: Trx, agendaItemId: string, input: ReportInput) {
      return trx
        .insertInto('reports')
        .values({ ...withJsonRecommendations(input), agendaItemId })
        .onConflict((conflict) => conflict.column('agendaItemId').doNothing())
        .returning(reportColumns)
        .executeTakeFirst()
    },

    /** Changes an item's report if it is still at `version`; undefined when it is not. */
    updateReport(trx: Trx, agendaItemId: string, version: number, input: ReportInput) {
      return trx
        .updateTable('reports')
        .set({ ...withJsonRecommendations(input), updatedAt: sql<Date>`now()`, version: nextVersion() })
        .where('agendaItemId', '=', agendaItemId)
        .where('version', '=', version)
        .returning(reportColumns)
        .executeTakeFirst()
    },

    appendicesOf(reportId: string) {
      return appendicesWithDocument()
        .where('appendices.reportId', '=', reportId)
        .orderBy('appendices.position')
        .orderBy('appendices.label')
        .execute()
    },

    findAppendix(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return appendicesWithDocument(trx).where('appendices.id', '=', id).executeTakeFirst()
    },

    async insertAppendix(trx: Trx, reportId: string, input: AppendixInput) {
      const { last } = await trx
        .selectFrom('appendices')
        .select((eb) => eb.fn.max('position').as('last'))
        .where('reportId', '=', reportId)
        .executeTakeFirstOrThrow()
      return trx
        .insertInto('appendices')
        .values({ ...input, reportId, position: (last ?? -1) + 1 })
        .returning('id')
        .executeTakeFirstOrThrow()
    },

    updateAppendix(trx: Trx, id: string, input: AppendixInput) {
      return trx.updateTable('appendices').set(input).where('id', '=', id).execute()
    },

    deleteAppendix(trx: Trx, id: string) {
      return trx.deleteFrom('appendices').where('id', '=', id).execute()
    },

    insertDocument(trx: Trx, input: DocumentInput) {
      return trx
        .insertInto('documents')
        .values(input)
        .returning(['id', 'filename', 'mediaType', 'sizeBytes', 'sha256'])
        .executeTakeFirstOrThrow()
    },

    deleteDocument(trx: Trx, id: string) {
      return trx.deleteFrom('documents').where('id', '=', id).execute()
    },

    /** A file with its content, and the appendix, report, item and meeting it belongs to (nulls when none). */
    findDocument(id: string) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return db
        .selectFrom('documents')
        .leftJoin('appendices', 'appendices.documentId', 'documents.id')
        .leftJoin('reports', 'reports.id', 'appendices.reportId')
        .leftJoin('agendaItems', 'agendaItems.id', 'reports.agendaItemId')
        .leftJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
        .select([
          'documents.id',
          'documents.filename',
          'documents.mediaType',
          'documents.sizeBytes',
          'documents.content',
          'appendices.id as appendixId',
          'appendices.exemptParagraph as appendixExempt',
          'reports.exemptParagraph as reportExempt',
          'agendaItems.exemptParagraph as itemExempt',
          'meetings.bodyId',
          'meetings.agendaPublishedOn',
        ])
        .where('documents.id', '=', id)
        .executeTakeFirst()
    },
  }
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>
export type ReportRow = NonNullable<Awaited<ReturnType<ReportsRepository['findReportOfItem']>>>
export type AppendixRow = NonNullable<Awaited<ReturnType<ReportsRepository['findAppendix']>>>
