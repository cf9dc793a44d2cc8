import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { BackupRefusedError, checkSeal, damaged, readArchive } from './archive.ts'
import { asBuffer, linesOf } from './json-lines.ts'
import {
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_PART,
  type Manifest,
  type ManifestTable,
  type Part,
  SEAL_PART,
  manifestSchema,
} from './manifest.ts'

export interface VerifiedBackup {
  file: string
  manifest: Manifest
  manifestSha256: string
  bytes: number
}

async function readAll(content: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of content) chunks.push(asBuffer(chunk))
  return Buffer.concat(chunks)
}

function parseManifest(file: string, bytes: Buffer, migrations: string[]): Manifest {
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw damaged(file, 'its manifest is not readable')
  }
  const format = (json as { format?: unknown })?.format
  if (format !== FORMAT)
    throw new BackupRefusedError(`${file} is not an Oversight backup: its manifest is of another kind`)
  const version = (json as { formatVersion?: unknown }).formatVersion
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw new BackupRefusedError(
      `${file} was made by a newer Oversight, in a backup format this version cannot read: upgrade Oversight, then restore`,
    )
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) throw damaged(file, `its manifest is incomplete (${parsed.error.issues[0].path.join('.')})`)
  const manifest = parsed.data
  const latest = migrations.at(-1)!
  if (!migrations.includes(manifest.schemaVersion)) {
    throw new BackupRefusedError(
      manifest.schemaVersion > latest
        ? `${file} was made by a newer Oversight (${manifest.appVersion}, schema ${manifest.schemaVersion}); this one knows the schema up to ${latest}. Upgrade Oversight, then restore`
        : `${file} has a schema (${manifest.schemaVersion}) this version of Oversight does not know`,
    )
  }
  return manifest
}

/** A row as a backup writes it: one value a column, each null or PostgreSQL's text form. */
function isRowOf(values: unknown, columns: number): values is (string | null)[] {
  return (
    Array.isArray(values) &&
    values.length === columns &&
    values.every((value) => value === null || typeof value === 'string')
  )
}

/** A part's size and SHA-256 as read, to hold against the manifest's. */
function measure() {
  const hash = createHash('sha256')
  let bytes = 0
  return {
    add: (chunk: Buffer) => {
      hash.update(chunk)
      bytes += chunk.length
    },
    matches: (part: Part) => bytes === part.bytes && hash.digest('hex') === part.sha256,
  }
}

/** A table's rows part: every line a JSON array of the table's width, naming its files in the manifest's order. */
async function checkRows(file: string, table: ManifestTable, content: AsyncIterable<Uint8Array>) {
  const measured = measure()
  const namedFiles: string[] = []
  let rows = 0
  try {
    for await (const line of linesOf(content, measured.add)) {
      rows++
      const values: unknown = JSON.parse(line)
      if (!isRowOf(values, table.columns.length)) throw new Error(`row ${rows} does not fit the table`)
      namedFiles.push(...table.columns.flatMap((column, i) => (column.file && values[i] !== null ? [values[i]] : [])))
    }
  } catch (error) {
    throw damaged(file, `the rows of ${table.name} are not readable: ${(error as Error).message}`)
  }
  if (!measured.matches(table.part))
    throw damaged(file, `${table.part.name} does not match its checksum in the manifest`)
  if (rows !== table.rows)
    throw damaged(file, `${table.name} holds ${rows} rows where the manifest counts ${table.rows}`)
  if (namedFiles.join('\n') !== table.files.map((part) => part.name).join('\n')) {
    throw damaged(file, `the rows of ${table.name} do not name the files the manifest lists`)
  }
}

async function checkFile(file: string, part: Part, content: AsyncIterable<Uint8Array>) {
  const measured = measure()
  for await (const chunk of content) measured.add(asBuffer(chunk))
  if (!measured.matches(part)) throw damaged(file, `${part.name} does not match its checksum in the manifest`)
}

/**
 * Checks a backup from end to end before anything is written anywhere: the seal over every byte,
 * the manifest, then every part's size and SHA-256 and every table's row count, in the order the
 * manifest gives. `migrations` are this version's migration names: a backup at a schema this
 * version does not know is refused.
 */
export async function verifyBackup(file: string, migrations: string[]): Promise<VerifiedBackup> {
  if (!existsSync(file)) throw new BackupRefusedError(`There is no file ${file}`)
  await checkSeal(file)
  let manifest: Manifest | undefined
  let manifestSha256 = ''
  let expected: (Part & { table?: ManifestTable })[] = []
  let sealed = false
  try {
    await readArchive(file, async (name, content) => {
      if (sealed) throw damaged(file, `it has an entry ${name} after its seal`)
      if (!manifest) {
        if (name !== MANIFEST_PART) throw damaged(file, 'it does not begin with a manifest')
        const bytes = await readAll(content)
        manifest = parseManifest(file, bytes, migrations)
        manifestSha256 = createHash('sha256').update(bytes).digest('hex')
        expected = manifest.tables.flatMap((table) => [{ ...table.part, table }, ...table.files])
        return
      }
      if (name === SEAL_PART && expected.length === 0) {
        await readAll(content)
        sealed = true
        return
      }
      const part = expected.shift()
      if (!part || part.name !== name)
        throw damaged(file, `it holds ${name} where the manifest expects ${part?.name ?? 'its seal'}`)
      await (part.table ? checkRows(file, part.table, content) : checkFile(file, part, content))
    })
  } catch (error) {
    if (error instanceof BackupRefusedError) throw error
    throw damaged(file, `it cannot be read as an archive (${(error as Error).message})`)
  }
  if (!manifest) throw damaged(file, 'it has no manifest')
  if (!sealed) throw damaged(file, `it ends before ${expected[0]?.name ?? 'its seal'}`)
  return { file, manifest, manifestSha256, bytes: (await stat(file)).size }
}
