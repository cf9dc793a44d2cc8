import { z } from 'zod'

/** What the first entry of every backup says it is; a restore refuses anything else. */
export const FORMAT = 'oversight-backup'
export const FORMAT_VERSION = 1
export const MANIFEST_PART = 'manifest.json'
/** The last entry: the SHA-256 of every byte before it (see archive.ts). */
export const SEAL_PART = 'seal.sha256'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const part = z.object({ name: z.string().min(1), bytes: z.number().int().min(0), sha256 })

const table = z.object({
  name: z.string().min(1),
  /** Columns as stored (generated columns are left out: the database computes them again). */
  columns: z.array(z.object({ name: z.string().min(1), type: z.string().min(1), file: z.boolean() })).min(1),
  rows: z.number().int().min(0),
  /** The rows: one JSON array per line, each value in PostgreSQL's text form or null. */
  part,
  /** One part per value of a bytea column (uploaded files), in the order the rows name them. */
  files: z.array(part),
  /** Identity and serial counters, so ids handed out before the backup are never handed out again. */
  sequences: z.array(z.object({ column: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/) })),
})

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int(),
  backupId: z.string().uuid(),
  appVersion: z.string(),
  /** The name of the last migration applied to the database backed up. */
  schemaVersion: z.string().min(1),
  createdAt: z.string().datetime({ offset: true }),
  source: z.object({
    database: z.enum(['pglite', 'postgres']),
    host: z.string(),
    user: z.string(),
    fileName: z.string(),
  }),
  /** In the order they load: a table comes after every table it refers to. */
  tables: z.array(table),
})

export type Manifest = z.infer<typeof manifestSchema>
export type ManifestTable = Manifest['tables'][number]
export type Part = z.infer<typeof part>

/** Every part in the order the archive holds them: each table's rows, then its files. */
export function partsInOrder(manifest: Manifest): Part[] {
  return manifest.tables.flatMap((table) => [table.part, ...table.files])
}

export function totals(manifest: Manifest) {
  const parts = partsInOrder(manifest)
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    files: manifest.tables.reduce((sum, table) => sum + table.files.length, 0),
    bytes: parts.reduce((sum, p) => sum + p.bytes, 0),
  }
}
