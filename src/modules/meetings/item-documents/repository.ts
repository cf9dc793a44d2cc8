import type { Db } from '#src/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'

/** Reads the documents linked to agenda items; never their text (search reads it) or their content. */
export function createItemDocumentsRepository(db: Db) {
  return {
    /**
     * The documents of a meeting's items, in each item's order, with their item's exemption and their file's
     * name, type and size (null when none).
     */
    documentsOfMeeting(meetingId: string) {
      return db
        .selectFrom('itemDocuments')
        .innerJoin('agendaItems', 'agendaItems.id', 'itemDocuments.agendaItemId')
        .leftJoin('documents', 'documents.id', 'itemDocuments.documentId')
        .select([
          'agendaItems.exemptParagraph as itemExemptParagraph',
          'itemDocuments.id',
          'itemDocuments.agendaItemId',
          'itemDocuments.position',
          'itemDocuments.title',
          'itemDocuments.publishedOn',
          'itemDocuments.documentId',
          'itemDocuments.exemptParagraph',
          'itemDocuments.exemptReason',
          'itemDocuments.exemptReviewOn',
          'documents.filename',
          'documents.mediaType',
          'documents.sizeBytes',
        ])
        .where('agendaItems.meetingId', '=', meetingId)
        .orderBy('itemDocuments.agendaItemId')
        .orderBy('itemDocuments.position')
        .execute()
    },

    /** What a file of an item's document belongs to, for the rules on who may download it; undefined when none. */
    ownerOfFile(documentId: string) {
      if (!isUuid(documentId)) return Promise.resolve(undefined)
      return db
        .selectFrom('itemDocuments')
        .innerJoin('agendaItems', 'agendaItems.id', 'itemDocuments.agendaItemId')
        .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
        .select([
          'itemDocuments.exemptParagraph as documentExempt',
          'agendaItems.exemptParagraph as itemExempt',
          'meetings.bodyId',
          'meetings.agendaPublishedOn',
        ])
        .where('itemDocuments.documentId', '=', documentId)
        .executeTakeFirst()
    },
  }
}

export type ItemDocumentsRepository = ReturnType<typeof createItemDocumentsRepository>
export type ItemDocumentRow = Awaited<ReturnType<ItemDocumentsRepository['documentsOfMeeting']>>[number]
