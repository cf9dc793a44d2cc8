import type { Context } from '#src/platform/auth/user.ts'

/** The systems records are imported from, by the name their council knows them by. */
export const SOURCE_SYSTEMS = { moderngov: 'Modern.gov' } as const

export type SourceSystem = keyof typeof SOURCE_SYSTEMS

/** Where an imported record came from: the system, its id there, the address it was read from and when. */
export interface RecordSource {
  system: SourceSystem
  id: string
  address: string
  importedAt: Date
}

/** The kinds of record a page or the API shows the source of. */
export type SourcedRecordType = 'body' | 'person' | 'meeting'

/**
 * Reads a record's source: null for a record made here. The imports module keeps the provenance
 * and app.ts hands its reader to the modules that show it, so none of them reads another's tables.
 */
export type SourceOf = (ctx: Context, recordType: SourcedRecordType, recordId: string) => Promise<RecordSource | null>

/** For a module built without the imports module (a test of its own): nothing is imported. */
export const noSources: SourceOf = () => Promise.resolve(null)
