import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { appendFile, open, rename, rm, stat, truncate } from 'node:fs/promises'
import { dirname } from 'node:path'
import { pipeline } from 'node:stream/promises'
import tar from 'tar-stream'
import { asBuffer } from './json-lines.ts'
import { MANIFEST_PART, SEAL_PART } from './manifest.ts'

/** A refusal the person running the command can act on; its message is all they need to read. */
export class BackupRefusedError extends Error {}

export function damaged(file: string, detail: string): BackupRefusedError {
  return new BackupRefusedError(
    `The backup ${file} is damaged or incomplete: ${detail}. Nothing was restored; use another copy of the backup.`,
  )
}

/** The seal entry (header, 64 hex digits padded to a block) and tar's two zero blocks that end it. */
const SEAL_BYTES = 512 + 512 + 1024
const END_OF_TAR = 1024

async function sha256Of(file: string, range: { end?: number } = {}): Promise<string> {
  const hash = createHash('sha256')
  // createReadStream's end is inclusive; an empty range reads nothing.
  if (range.end === undefined || range.end > 0) {
    const end = range.end === undefined ? undefined : range.end - 1
    for await (const chunk of createReadStream(file, { end }) as AsyncIterable<Buffer>) {
      hash.update(chunk)
    }
  }
  return hash.digest('hex')
}

async function addEntry(pack: tar.Pack, name: string, mtime: Date, content: { path: string; bytes: number } | Buffer) {
  const size = Buffer.isBuffer(content) ? content.length : content.bytes
  let settle: (error?: Error | null) => void = () => undefined
  const added = new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())))
  const entry: NodeJS.WritableStream = pack.entry({ name, size, mtime, mode: 0o600 }, (error) => settle(error))
  const chunks: Iterable<Buffer> | AsyncIterable<Buffer> = Buffer.isBuffer(content)
    ? [content]
    : (createReadStream(content.path) as AsyncIterable<Buffer>)
  for await (const chunk of chunks) if (!entry.write(chunk)) await once(entry, 'drain')
  entry.end()
  await added
}

async function sealEntry(digest: string, mtime: Date): Promise<Buffer> {
  const pack = tar.pack()
  pack.entry({ name: SEAL_PART, mtime, mode: 0o600 }, Buffer.from(digest))
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of pack) chunks.push(asBuffer(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

/**
 * Writes the archive: the manifest first (so a person, or a restore, reads what it is before
 * anything else), then each part, then a seal holding the SHA-256 of every byte before it, so a
 * change to any byte, padding included, is caught. The file is written as FILE.partial, flushed to
 * disk and only then renamed, so FILE is never a torn copy.
 */
export async function writeArchive(
  file: string,
  manifest: Buffer,
  parts: { name: string; path: string; bytes: number }[],
  mtime: Date,
): Promise<void> {
  const partial = `${file}.partial`
  const pack = tar.pack()
  const written = pipeline(pack, createWriteStream(partial, { mode: 0o600 }))
  try {
    const adding = (async () => {
      await addEntry(pack, MANIFEST_PART, mtime, manifest)
      for (const part of parts) await addEntry(pack, part.name, mtime, part)
      pack.finalize()
    })()
    await Promise.all([adding, written])
    // Replace tar's end (two zero blocks) with the seal, which ends the archive in its turn.
    const withoutEnd = (await stat(partial)).size - END_OF_TAR
    await truncate(partial, withoutEnd)
    await appendFile(partial, await sealEntry(await sha256Of(partial), mtime))
    const handle = await open(partial, 'r+')
    await handle.sync().finally(() => handle.close())
    await rename(partial, file)
    const folder = await open(dirname(file), 'r')
    await folder
      .sync()
      .catch(() => undefined)
      .finally(() => folder.close()) // not every file system syncs folders
  } catch (error) {
    pack.destroy()
    await rm(partial, { force: true })
    throw error
  }
}

/**
 * Checks the seal at the end of the file against every byte before it. Anything cut off, added or
 * changed fails here, before a single entry is believed.
 */
export async function checkSeal(file: string): Promise<void> {
  const { size } = await stat(file)
  if (size < SEAL_BYTES + 1024) throw damaged(file, 'it is too short to be a whole backup')
  const tail = Buffer.alloc(SEAL_BYTES)
  const handle = await open(file, 'r')
  await handle.read(tail, 0, SEAL_BYTES, size - SEAL_BYTES).finally(() => handle.close())
  let digest: string | undefined
  try {
    const extract = tar.extract()
    extract.end(tail)
    for await (const entry of extract) {
      const chunks: Buffer[] = []
      for await (const chunk of entry) chunks.push(asBuffer(chunk as Uint8Array))
      if (entry.header.name === SEAL_PART && digest === undefined) digest = Buffer.concat(chunks).toString()
      else digest = ''
    }
  } catch {
    digest = undefined
  }
  const padding = tail.subarray(512 + 64)
  if (!digest || !/^[0-9a-f]{64}$/.test(digest) || padding.some((byte) => byte !== 0)) {
    throw damaged(file, 'the seal that ends every backup is missing or broken, so the file was cut short or changed')
  }
  if ((await sha256Of(file, { end: size - SEAL_BYTES })) !== digest) {
    throw damaged(file, 'its contents do not match the seal written when it was made')
  }
}

/**
 * Reads the archive's entries in order. `visit` must read each entry to its end. A file cut short
 * or not a tar at all throws.
 */
export async function readArchive(
  file: string,
  visit: (name: string, content: AsyncIterable<Buffer>) => Promise<void>,
): Promise<void> {
  const input = createReadStream(file)
  const extract = tar.extract()
  input.on('error', (error) => extract.destroy(error))
  input.pipe(extract)
  try {
    for await (const entry of extract) {
      await visit(entry.header.name, entry as AsyncIterable<Buffer>)
    }
  } finally {
    input.destroy()
    extract.destroy()
  }
}
