import type { Trx } from '#src/database.ts'
import {
  type ImportedFile,
  exemptParagraphOfItem,
  fillImportedItemDocument,
  insertImportedItemDocument,
} from '#src/modules/meetings/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { FetchedFile, ImportPlan, PlannedDocument } from './moderngov/plan.ts'
import { exemptParagraph } from './moderngov/vocabulary.ts'
import type { ImportedRecordType } from './tables.ts'

/** The parts of an apply's result that writing the documents adds to. */
export interface DocumentsResult {
  created: Record<ImportedRecordType, number>
  updated: Record<ImportedRecordType, number>
  unchanged: Record<ImportedRecordType, number>
  skipped: { type: ImportedRecordType; sourceId: string; file: string; reason: string }[]
}

const RESTRICTED = 'Restricted in the system it was imported from'
/** The longest title and address the item_documents table keeps: a longer one is skipped, not let fail the run. */
const MAX_TITLE = 1000
const MAX_ADDRESS = 2000

/**
 * Writes the plan's documents, in the import's transaction, after its agenda items: each file in the
 * documents table, each document as one of its item's documents with its provenance and an audit event.
 * A restricted document is exempt under its item's paragraph (or the one its title cites); with neither,
 * it is skipped rather than written where the public could read it. A document imported before without
 * its file is given the file once a later run has it; otherwise a document imported before is left as it is.
 */
export async function applyDocuments(trx: Trx, ctx: Context, plan: ImportPlan, result: DocumentsResult) {
  if (!plan.documents.length) return
  const sources = await trx
    .selectFrom('importSources')
    .select(['recordType', 'sourceId', 'recordId'])
    .where('system', '=', 'moderngov')
    .where('recordType', 'in', ['agenda item', 'document'])
    .execute()
  const idOf = (type: 'agenda item' | 'document', sourceId: string) =>
    sources.find((row) => row.recordType === type && row.sourceId === sourceId)?.recordId
  const done = new Set<string>()

  for (const document of plan.documents) {
    const { source } = document
    // One document linked to two items is one record: the first link places it.
    if (done.has(source.id)) continue
    done.add(source.id)
    const skip = (reason: string) =>
      result.skipped.push({ type: 'document', sourceId: source.id, file: source.file, reason })
    const file = document.file ? importedFile(document.file) : null
    const earlier = idOf('document', source.id)
    if (earlier) {
      if (file && (await fillImportedItemDocument(trx, earlier, file))) {
        await recordAudit(trx, ctx, {
          action: 'imported document file',
          subjectType: 'document',
          subjectId: earlier,
          after: auditedFields(document),
        })
        result.updated.document += 1
      } else result.unchanged.document += 1
      continue
    }
    if (document.title.length > MAX_TITLE || document.sourceAddress.length > MAX_ADDRESS) {
      skip(`its title is longer than ${MAX_TITLE} characters, or its address longer than ${MAX_ADDRESS}`)
      continue
    }
    const itemId = idOf('agenda item', document.itemId)
    if (!itemId) {
      skip(`its agenda item ${document.itemId} was not written`)
      continue
    }
    const paragraph = document.restricted
      ? ((await exemptParagraphOfItem(trx, itemId)) ?? exemptParagraph(document.title))
      : null
    if (document.restricted && paragraph === null) {
      skip('restricted, and neither it nor its agenda item gives the paragraph of Schedule 12A: not written')
      continue
    }
    const row = await insertImportedItemDocument(
      trx,
      itemId,
      {
        title: document.title,
        publishedOn: document.publishedOn,
        sourceAddress: document.sourceAddress,
        exemptParagraph: paragraph,
        exemptReason: paragraph === null ? null : RESTRICTED,
      },
      file,
    )
    await trx
      .insertInto('importSources')
      .values({
        system: 'moderngov',
        recordType: 'document',
        sourceId: source.id,
        recordId: row.id,
        sourceAddress: document.sourceAddress,
      })
      .execute()
    await recordAudit(trx, ctx, {
      action: 'imported document',
      subjectType: 'document',
      subjectId: row.id,
      after: auditedFields(document),
    })
    result.created.document += 1
  }
}

function importedFile(file: FetchedFile): ImportedFile {
  const { contentBase64, ...rest } = file
  return { ...rest, content: Buffer.from(contentBase64, 'base64') }
}

/** What the audit trail keeps of a document: its description and file's fingerprint, never its content or text. */
function auditedFields(document: PlannedDocument) {
  return {
    title: document.title,
    publishedOn: document.publishedOn,
    restricted: document.restricted,
    sourceAddress: document.sourceAddress,
    file: document.file
      ? {
          filename: document.file.filename,
          mediaType: document.file.mediaType,
          sizeBytes: document.file.sizeBytes,
          sha256: document.file.sha256,
        }
      : null,
    missing: document.missing,
    source: document.source,
  }
}
