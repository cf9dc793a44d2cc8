import type { Trx } from '#src/database.ts'
import type { ItemDocumentsTable } from '../tables.ts'

export type ImportedItemDocument = Pick<
  ItemDocumentsTable,
  'title' | 'publishedOn' | 'sourceAddress' | 'exemptParagraph' | 'exemptReason'
>

/** A document's file as the import has it: checked by its content, with the words read from it. */
export interface ImportedFile {
  filename: string
  mediaType: string
  sizeBytes: number
  sha256: string
  content: Buffer
  text: string
}

/** Stores the file among the documents (no one uploaded it: it was imported). */
async function insertFile(trx: Trx, file: ImportedFile) {
  const { text: _text, ...document } = file
  return (
    await trx
      .insertInto('documents')
      .values({ ...document, uploadedBy: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
}

/**
 * Writes a document linked to an agenda item, inside the import's transaction (which audits it), after
 * the item's other documents; with its file, or without one (null) until a later import can have it.
 */
export async function insertImportedItemDocument(
  trx: Trx,
  agendaItemId: string,
  document: ImportedItemDocument,
  file: ImportedFile | null,
) {
  const last = await trx
    .selectFrom('itemDocuments')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('agendaItemId', '=', agendaItemId)
    .executeTakeFirst()
  const documentId = file ? await insertFile(trx, file) : null
  return trx
    .insertInto('itemDocuments')
    .values({
      ...document,
      agendaItemId,
      position: (last?.position ?? 0) + 1,
      documentId,
      text: file?.text ?? '',
    })
    .returning(['id', 'documentId'])
    .executeTakeFirstOrThrow()
}

/** The item document's file, if it has none yet: true when it was given one now. */
export async function fillImportedItemDocument(trx: Trx, id: string, file: ImportedFile): Promise<boolean> {
  const row = await trx.selectFrom('itemDocuments').select('documentId').where('id', '=', id).executeTakeFirst()
  if (!row || row.documentId !== null) return false
  const documentId = await insertFile(trx, file)
  await trx.updateTable('itemDocuments').set({ documentId, text: file.text }).where('id', '=', id).execute()
  return true
}

/** The Schedule 12A paragraph of the agenda item, which covers its documents too. */
export async function exemptParagraphOfItem(trx: Trx, agendaItemId: string): Promise<number | null> {
  const row = await trx
    .selectFrom('agendaItems')
    .select('exemptParagraph')
    .where('id', '=', agendaItemId)
    .executeTakeFirst()
  return row?.exemptParagraph ?? null
}
