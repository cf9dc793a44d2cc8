import type { Db } from '#src/database.ts'
import type { SourceOf } from '#src/platform/provenance/source.ts'
import { readsUntilChanged } from '#src/platform/request-reads.ts'

/**
 * The one reader of provenance: where a record was imported from, the latest import first; null if made
 * here. With `acrossRequests`, kept until the data changes (platform/request-reads.ts), as it is the same
 * for everyone.
 */
export function createSourceReader(db: Db, options: { acrossRequests: boolean }): SourceOf {
  return readsUntilChanged(
    'source',
    async (_ctx, recordType: Parameters<SourceOf>[1], recordId: string) => {
      const row = await db
        .selectFrom('importSources')
        .select(['system', 'sourceId', 'sourceAddress', 'importedAt'])
        .where('recordType', '=', recordType)
        .where('recordId', '=', recordId)
        .orderBy('importedAt', 'desc')
        .executeTakeFirst()
      return row
        ? { system: row.system, id: row.sourceId, address: row.sourceAddress, importedAt: row.importedAt }
        : null
    },
    { ...options, keep: 200 },
  )
}
