import { exemptionOf, isWithheld } from '#src/platform/exemption/redaction.ts'
import { documentDescription } from '../documents.ts'
import type { ItemDocumentRow } from './repository.ts'

/** Who is looking: whether they may read the body's exempt papers, and see what an import could not fetch. */
export interface ItemDocumentViewer {
  mayReadExempt: boolean
  seesMissing: boolean
}

/**
 * An item's documents as one viewer may see them. An exempt document (or any of an exempt item) is left
 * out for those who may not read it, as though it were not there; a document whose file an import could
 * not fetch is shown, as not yet imported, only to those who keep the record.
 */
export function itemDocumentsForViewer(rows: ItemDocumentRow[], viewer: ItemDocumentViewer) {
  return rows
    .filter((row) => !isWithheld([row, { exemptParagraph: row.itemExemptParagraph }], viewer.mayReadExempt))
    .filter((row) => row.documentId !== null || viewer.seesMissing)
    .map((row) => ({
      id: row.id,
      agendaItemId: row.agendaItemId,
      title: row.title,
      publishedOn: row.publishedOn,
      exempt: exemptionOf(row, viewer.mayReadExempt),
      file:
        row.documentId === null
          ? null
          : {
              id: row.documentId,
              href: `/documents/${row.documentId}`,
              filename: row.filename,
              mediaType: row.mediaType,
              sizeBytes: row.sizeBytes,
              description: documentDescription(row.mediaType, row.sizeBytes),
            },
    }))
}

export type ItemDocumentView = ReturnType<typeof itemDocumentsForViewer>[number]
