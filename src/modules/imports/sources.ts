import type { Db } from '#src/database.ts'
import type { SourceOf } from '#src/platform/provenance/source.ts'

/** The one reader of provenance: where a record was imported from, the latest import first; null if made here. */
export function createSourceReader(db: Db): SourceOf {
  return async (recordType, recordId) => {
    const row = await db
      .selectFrom('importSources')
      .select(['system', 'sourceId', 'sourceAddress', 'importedAt'])
      .where('recordType', '=', recordType)
      .where('recordId', '=', recordId)
      .orderBy('importedAt', 'desc')
      .executeTakeFirst()
    return row ? { system: row.system, id: row.sourceId, address: row.sourceAddress, importedAt: row.importedAt } : null
  }
}
