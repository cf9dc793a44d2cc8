import type { CreatedAt, Uuid } from '#src/platform/db/column-types.ts'

export type ImportedRecordType =
  'body' | 'person' | 'membership' | 'meeting' | 'agenda item' | 'attendance' | 'document'

/** Where an imported record came from; its record is in the table its type names. */
export interface ImportSourcesTable {
  id: Uuid
  system: 'moderngov'
  recordType: ImportedRecordType
  sourceId: string
  recordId: string
  sourceAddress: string
  importedAt: CreatedAt
}

export interface ImportsTables {
  importSources: ImportSourcesTable
}
