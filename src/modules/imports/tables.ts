import type { CreatedAt, Json, Uuid } from '#src/platform/db/column-types.ts'

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
  /** The record's fields as the last import gave them; null for a record imported before they were kept. */
  fields: Json<Record<string, unknown> | null>
}

export interface ImportsTables {
  importSources: ImportSourcesTable
}
