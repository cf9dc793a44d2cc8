import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { parse } from 'csv-parse'
import { FileLimitError, UnreadableFileError } from '#src/platform/files/limits.ts'
import type { XmlFilePart } from '#src/platform/xml/read-xml.ts'
import { ExpansionBudget, entryContent, isZip, zipEntries } from '#src/platform/files/zip-entries.ts'
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from './extract-limits.ts'
import { ExtractRefusal, type ExtractResult, type RowBatch, RowBatcher, type RowSink } from './extract-rows.ts'
import { type Pseudonymiser, createPseudonymiser } from './pseudonym.ts'
import { read903File, table903Of } from './read-903.ts'
import { readAnnexAFile } from './read-annex-a.ts'
import { censusParts, readCinFile } from './read-cin.ts'
import type { FromReader, ReadRequest } from './read-worker.ts'
import { type ExtractKind, TABLES_903, TABLES_ANNEX_A, TABLES_CIN, type TableSpec } from './records.ts'

/** Each return's tables in the store. */
export const TABLES_OF: Record<ExtractKind, readonly TableSpec[]> = {
  '903': Object.values(TABLES_903),
  cin: Object.values(TABLES_CIN),
  'annex-a': Object.values(TABLES_ANNEX_A),
}

export const KIND_NAMES: Record<ExtractKind, string> = {
  '903': 'SSDA903 (children looked after)',
  cin: 'Children in need census',
  'annex-a': 'Annex A lists',
}

/** What each return is sent as: the 903 as its CSV tables (a folder, or a zip of them), the others one file. */
export const KIND_FILES: Record<ExtractKind, string> = {
  '903': 'a ZIP file of the CSV tables',
  cin: 'the census XML file',
  'annex-a': 'the Annex A Excel workbook (XLSX)',
}

/** The SHA-256 of a file, read a part at a time. */
async function checksumOfFile(path: string, hash = createHash('sha256')) {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash
}

/** The first record of a CSV file: its header. */
async function headerOf(path: string): Promise<string[]> {
  const input = createReadStream(path, { end: 64 * 1024 })
  const parser = input.pipe(parse({ bom: true, relax_quotes: true, relax_column_count: true, to_line: 1 }))
  try {
    for await (const record of parser as AsyncIterable<string[]>) return record
    return []
  } finally {
    input.destroy()
  }
}

export interface ReadExtract {
  checksum: string
  /** What each file read came to, merged. */
  result: ExtractResult
}

/** Adds one file's result to the whole's: kept counts summed, problems listed up to the limit, the rest counted. */
function merge(into: ExtractResult, from: ExtractResult, maxProblems: number) {
  for (const [table, count] of Object.entries(from.kept)) into.kept[table] = (into.kept[table] ?? 0) + count
  const room = Math.max(0, maxProblems - into.problems.length)
  into.problems.push(...from.problems.slice(0, room))
  into.moreProblems += from.moreProblems + Math.max(0, from.problems.length - room)
}

/**
 * Reads an extract from `path` into `sink`: the 903 from a folder of its CSV tables or a zip of them
 * (each table known by its header, files of no table of the 903 refused), the CIN census from its XML
 * and Annex A from its workbook. A zip is unpacked into `workDir` and removed, whatever happens.
 */
export async function readExtract(
  kind: ExtractKind,
  path: string,
  options: { pseudonyms: Pseudonymiser; sink: RowSink; workDir: string; limits?: ExtractLimits; part?: XmlFilePart },
): Promise<ReadExtract> {
  const limits = options.limits ?? DEFAULT_EXTRACT_LIMITS
  const read = { pseudonyms: options.pseudonyms, sink: options.sink, limits }
  if (kind === 'cin' && options.part)
    // A part of the census: the whole file's checksum is worked out by whoever split it.
    return { checksum: '', result: await readCinFile(path, { ...read, part: options.part }) }
  if (kind === 'cin')
    return { checksum: (await checksumOfFile(path)).digest('hex'), result: await readCinFile(path, read) }
  if (kind === 'annex-a')
    return { checksum: (await checksumOfFile(path)).digest('hex'), result: await readAnnexAFile(path, read) }

  const unpacked = (await stat(path)).isDirectory() ? null : join(options.workDir, randomUUID())
  try {
    const folder = unpacked ? await unzipTo(path, unpacked, limits) : path
    const names = (await readdir(folder)).filter((name) => extname(name).toLowerCase() === '.csv').sort()
    if (names.length === 0) throw new ExtractRefusal(`${basename(path)} has no CSV files of the SSDA903 in it`)
    const hash = createHash('sha256')
    const result: ExtractResult = { kept: {}, problems: [], moreProblems: 0 }
    const seen = new Set<string>()
    for (const name of names) {
      const file = join(folder, name)
      const table = table903Of(await headerOf(file))
      if (!table)
        throw new ExtractRefusal(`${name} is not one of the SSDA903's tables: its columns are not any of theirs`)
      if (seen.has(table))
        throw new ExtractRefusal(`${name} is a second ${TABLES_903[table].name} table: send one of each`)
      seen.add(table)
      hash.update(`${name}\n`)
      await checksumOfFile(file, hash)
      merge(result, await read903File(file, table, read), limits.maxProblems)
    }
    if (!seen.has('header')) throw new ExtractRefusal(`${basename(path)} has no header table (CHILD, SEX, DOB…)`)
    return { checksum: hash.digest('hex'), result }
  } finally {
    if (unpacked) await rm(unpacked, { recursive: true, force: true })
  }
}

/** An extract this large or larger is read in a thread of its own (in bytes, a folder's files together). */
export const READ_IN_WORKER_FROM_BYTES = 16 * 1024 * 1024

async function bytesOf(path: string): Promise<number> {
  const stats = await stat(path)
  if (!stats.isDirectory()) return stats.size
  let total = 0
  for (const entry of await readdir(path, { withFileTypes: true }))
    if (entry.isFile()) total += (await stat(join(path, entry.name))).size
  return total
}

/** The errors a reading may end in that say what is wrong with the file, made again on this side. */
const REFUSALS: Record<string, (message: string) => Error> = {
  ExtractRefusal: (message) => new ExtractRefusal(message),
  FileLimitError: (message) => new FileLimitError(message),
  UnreadableFileError: () => new UnreadableFileError(),
}

/**
 * Reads an extract as `readExtract` does, pseudonymised with `key`, handing its rows to `append` a
 * batch at a time. A large extract (READ_IN_WORKER_FROM_BYTES, unless `inWorkerFromBytes` says
 * otherwise) is read in a worker thread while this one stores the rows, so that reading and storing
 * each have a core; the worker is never more than a few batches ahead. A failure either side stops both.
 */
export async function readExtractInBatches(
  kind: ExtractKind,
  path: string,
  options: {
    key: string
    append: (batch: RowBatch) => void
    workDir: string
    limits?: ExtractLimits
    inWorkerFromBytes?: number
  },
): Promise<ReadExtract> {
  const { key, append, workDir, limits } = options
  if ((await bytesOf(path)) < (options.inWorkerFromBytes ?? READ_IN_WORKER_FROM_BYTES)) {
    const batcher = new RowBatcher(TABLES_OF[kind], append)
    const read = await readExtract(kind, path, {
      pseudonyms: createPseudonymiser(key),
      sink: batcher.sink,
      workDir,
      limits,
    })
    batcher.end()
    return read
  }
  // A large census is read in two halves at once, split between two children; each half is one
  // worker's. The 903's tables and Annex A are read by one.
  const parts = kind === 'cin' ? await censusParts(path, 2) : []
  if (parts.length < 2) return readInWorker({ kind, path, key, workDir, limits }, append)
  const checksum = checksumOfFile(path)
  // When one half fails the other is stopped: its rows are of an extract that is not taken in.
  const stop = new AbortController()
  const workers = parts.map((part) =>
    readInWorker({ kind, path, key, workDir, limits, part }, append, stop.signal).catch((error: unknown) => {
      stop.abort()
      throw error
    }),
  )
  let reads: ReadExtract[]
  try {
    reads = await Promise.all(workers)
  } finally {
    await Promise.allSettled([...workers, checksum])
  }
  const result: ExtractResult = { kept: {}, problems: [], moreProblems: 0 }
  const maxProblems = (limits ?? DEFAULT_EXTRACT_LIMITS).maxProblems
  for (const read of reads) merge(result, read.result, maxProblems)
  const maxRows = (limits ?? DEFAULT_EXTRACT_LIMITS).maxRows
  if ((result.kept[TABLES_CIN.children.name] ?? 0) > maxRows)
    throw new ExtractRefusal(`${basename(path)} has more than ${maxRows} children`)
  return { checksum: (await checksum).digest('hex'), result }
}

/**
 * Reads in a worker thread, handing each batch of rows to `append` as it comes; the worker is
 * stopped when the reading ends, however it ends (and when `append` fails).
 */
async function readInWorker(
  request: ReadRequest,
  append: (batch: RowBatch) => void,
  signal?: AbortSignal,
): Promise<ReadExtract> {
  const stored = new Int32Array(new SharedArrayBuffer(4))
  // The worker is this folder's read-worker: built, its JavaScript; as TypeScript, through a start
  // that makes TypeScript loadable in the thread first.
  const built = !import.meta.url.endsWith('.ts')
  const worker = new Worker(new URL(built ? './read-worker.js' : './read-worker-boot.mjs', import.meta.url), {
    workerData: { returnsReader: true, request, stored: stored.buffer },
  })
  try {
    return await new Promise<ReadExtract>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new Error('The reading was stopped')), { once: true })
      worker.on('message', (message: FromReader) => {
        if (message.type === 'rows') {
          try {
            append(message.batch)
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
            return
          }
          Atomics.add(stored, 0, 1)
          Atomics.notify(stored, 0)
        } else if (message.type === 'done') resolve(message.read)
        else {
          const refusal = REFUSALS[message.name]
          const error = refusal ? refusal(message.message) : new Error(message.message)
          if (!refusal && message.stack) error.stack = message.stack
          reject(error)
        }
      })
      worker.on('error', reject)
      worker.on('exit', (code) => reject(new Error(`The extract's reader stopped (exit code ${code})`)))
    })
  } finally {
    await worker.terminate()
  }
}

/** Unpacks the CSV files of a zip, within the limits, into a folder of its own. */
async function unzipTo(path: string, folder: string, limits: ExtractLimits): Promise<string> {
  const data = await readFile(path)
  if (!isZip(data)) throw new ExtractRefusal(`${basename(path)} is not a ZIP file of the SSDA903's CSV tables`)
  await mkdir(folder, { recursive: true })
  const budget = new ExpansionBudget(limits.maxExpandedBytes)
  for (const entry of zipEntries(data, limits.maxExpandedBytes).values()) {
    const name = basename(entry.name)
    if (entry.name.endsWith('/') || extname(name).toLowerCase() !== '.csv' || name.startsWith('.')) continue
    const out = await open(join(folder, name), 'wx')
    try {
      for await (const chunk of entryContent(data, entry, budget)) await out.write(chunk)
    } finally {
      await out.close()
    }
  }
  return folder
}

/** Writes an uploaded file where it can be read from, and gives the path. */
export async function holdUpload(workDir: string, name: string, data: Buffer): Promise<string> {
  const folder = join(workDir, randomUUID())
  await mkdir(folder, { recursive: true })
  const path = join(folder, basename(name) || 'upload')
  await writeFile(path, data)
  return path
}
