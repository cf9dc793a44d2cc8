import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { appendixColumns, reportColumns } from '../reports/repository.ts'
import type { PaperKind } from '../tables.ts'

type Reader = Db | Trx

const publishedColumns = [
  'publishedPapers.id',
  'publishedPapers.meetingId',
  'publishedPapers.kind',
  'publishedPapers.supplementId',
  'publishedPapers.version',
  'publishedPapers.title',
  'publishedPapers.sizeBytes',
  'publishedPapers.sha256',
  'publishedPapers.reason',
  'publishedPapers.publishedOn',
  'publishedPapers.publishedAt',
  'publishedPapers.publishedBy',
  'publishedPapers.withdrawnOn',
  'publishedPapers.withdrawnReason',
] as const

export interface NewPublishedPaper {
  meetingId: string
  kind: PaperKind
  supplementId: string | null
  title: string
  content: Uint8Array
  sha256: string
  reason: string
  publishedOn: string
  publishedBy: string
}

/** Queries for what an agenda pack reads, and for the papers a meeting has published. No decisions here. */
export function createPackRepository(db: Db) {
  return {
    /** The reports on these items, with the parts the template prints and their exemption. */
    reportsOfItems(itemIds: string[], reader: Reader = db) {
      if (itemIds.length === 0) return Promise.resolve([])
      return reader.selectFrom('reports').select(reportColumns).where('reports.agendaItemId', 'in', itemIds).execute()
    },

    /** The appendices of these reports in order, each with its file's bytes when the file is a PDF. */
    appendicesOfReports(reportIds: string[], reader: Reader = db) {
      if (reportIds.length === 0) return Promise.resolve([])
      return reader
        .selectFrom('appendices')
        .leftJoin('documents', 'documents.id', 'appendices.documentId')
        .select([
          ...appendixColumns,
          sql<Uint8Array | null>`case when documents.media_type = 'application/pdf' then documents.content end`.as(
            'pdf',
          ),
        ])
        .where('appendices.reportId', 'in', reportIds)
        .orderBy('appendices.position')
        .orderBy('appendices.label')
        .execute()
    },

    /**
     * The documents linked to these items (an import's papers), in each item's order, shaped as appendices
     * (no label, no body), with their file's bytes when it is a PDF; documents whose file was never fetched
     * are left out.
     */
    documentsOfItems(itemIds: string[], reader: Reader = db) {
      if (itemIds.length === 0) return Promise.resolve([])
      return reader
        .selectFrom('itemDocuments')
        .innerJoin('documents', 'documents.id', 'itemDocuments.documentId')
        .select([
          'itemDocuments.id',
          'itemDocuments.agendaItemId',
          sql<string>`''`.as('label'),
          'itemDocuments.title',
          sql<string>`''`.as('body'),
          'itemDocuments.documentId',
          'itemDocuments.exemptParagraph',
          'itemDocuments.exemptReason',
          'itemDocuments.exemptReviewOn',
          'documents.filename',
          'documents.mediaType',
          'documents.sizeBytes',
          sql<Uint8Array | null>`case when documents.media_type = 'application/pdf' then documents.content end`.as(
            'pdf',
          ),
        ])
        .where('itemDocuments.agendaItemId', 'in', itemIds)
        .orderBy('itemDocuments.position')
        .execute()
    },

    /** The meeting's published papers, latest version first, without their bytes. */
    papersOf(meetingId: string) {
      return db
        .selectFrom('publishedPapers')
        .select(publishedColumns)
        .where('meetingId', '=', meetingId)
        .orderBy('version', 'desc')
        .execute()
    },

    /** One version of the meeting's papers, with its bytes. */
    findPaper(meetingId: string, version: number) {
      return db
        .selectFrom('publishedPapers')
        .select([...publishedColumns, 'publishedPapers.content'])
        .where('meetingId', '=', meetingId)
        .where('version', '=', version)
        .executeTakeFirst()
    },

    /** The latest version of the meeting's paper of this kind that is not withdrawn, with its bytes. */
    latestPaper(meetingId: string, kind: PaperKind) {
      return db
        .selectFrom('publishedPapers')
        .select([...publishedColumns, 'publishedPapers.content'])
        .where('meetingId', '=', meetingId)
        .where('kind', '=', kind)
        .where('withdrawnOn', 'is', null)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst()
    },

    /** Withdraws the meeting's papers of this kind not yet withdrawn; returns those it withdrew. */
    withdrawPapers(trx: Trx, meetingId: string, kind: PaperKind, on: string, reason: string) {
      return trx
        .updateTable('publishedPapers')
        .set({ withdrawnOn: on, withdrawnReason: reason })
        .where('meetingId', '=', meetingId)
        .where('kind', '=', kind)
        .where('withdrawnOn', 'is', null)
        .returning(publishedColumns)
        .execute()
    },

    /** Keeps a published paper as the meeting's next version; the caller holds the agenda's lock. */
    async insertPaper(trx: Trx, paper: NewPublishedPaper) {
      const { last } = await trx
        .selectFrom('publishedPapers')
        .select((eb) => eb.fn.max('version').as('last'))
        .where('meetingId', '=', paper.meetingId)
        .executeTakeFirstOrThrow()
      return trx
        .insertInto('publishedPapers')
        .values({ ...paper, version: (last ?? 0) + 1, sizeBytes: paper.content.byteLength })
        .returning(publishedColumns)
        .executeTakeFirstOrThrow()
    },
  }
}

export type PackRepository = ReturnType<typeof createPackRepository>
export type PublishedPaperRow = Awaited<ReturnType<PackRepository['papersOf']>>[number]
