import { setImmediate as nextTurn } from 'node:timers/promises'
import { createInflateRaw } from 'node:zlib'
import {
  FileLimitError,
  LIMIT_MESSAGES,
  MAX_EXPANDED_BYTES,
  MAX_EXPANSION_RATIO,
  MAX_ZIP_ENTRIES,
  MIN_RATIO_CHECKED_BYTES,
  UnreadableFileError,
} from './limits.ts'

/**
 * The parts of a zip file (an Excel workbook is one), read from the upload already in memory.
 * The central directory is checked before anything is unzipped (how many parts, what each says it
 * expands to), and each part is unzipped as a stream that counts what comes out, so a part that
 * lies about its size is stopped at the limit, not believed. Only stored and deflated parts, as
 * Excel and every other spreadsheet writes them; no zip64, which a 2MB file never needs.
 */

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  declaredSize: number
  /** Where the local header is: the compressed data follows it. */
  headerOffset: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
/** Small enough that parsing one takes a few milliseconds, on a busy server too. */
const CHUNK_BYTES = 16 * 1024

export function isZip(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32LE(0) === LOCAL_HEADER
}

/** The entries by name; refuses too many, or any that says it expands too far. */
export function zipEntries(data: Buffer, maxExpanded = MAX_EXPANDED_BYTES): Map<string, ZipEntry> {
  const end = endOfDirectory(data)
  const count = data.readUInt16LE(end + 10)
  if (count > MAX_ZIP_ENTRIES) throw new FileLimitError(LIMIT_MESSAGES.tooManyParts)
  let offset = data.readUInt32LE(end + 16)
  const entries = new Map<string, ZipEntry>()
  let declaredTotal = 0
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new UnreadableFileError()
    const flags = data.readUInt16LE(offset + 8)
    const method = data.readUInt16LE(offset + 10)
    const compressedSize = data.readUInt32LE(offset + 20)
    const declaredSize = data.readUInt32LE(offset + 24)
    const nameLength = data.readUInt16LE(offset + 28)
    const skip = nameLength + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32)
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength)
    // Encrypted parts (flag bit 0) cannot be read; 0xffffffff marks zip64 sizes.
    if (flags & 1 || compressedSize === 0xffffffff || declaredSize === 0xffffffff) throw new UnreadableFileError()
    declaredTotal += declaredSize
    if (declaredTotal > maxExpanded) throw new FileLimitError(expandsTooFar(maxExpanded))
    checkRatio(declaredSize, compressedSize)
    entries.set(name, { name, method, compressedSize, declaredSize, headerOffset: data.readUInt32LE(offset + 42) })
    offset += 46 + skip
  }
  return entries
}

function endOfDirectory(data: Buffer): number {
  // The record is 22 bytes at the end, after a comment of up to 65,535 bytes.
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at -= 1) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at
  }
  throw new UnreadableFileError()
}

function checkRatio(size: number, compressedSize: number) {
  if (size > MIN_RATIO_CHECKED_BYTES && size > compressedSize * MAX_EXPANSION_RATIO) {
    throw new FileLimitError(LIMIT_MESSAGES.expandsTooFast)
  }
}

/** What the parts read from one file may expand to, together. */
export class ExpansionBudget {
  used = 0
  constructor(readonly limit = MAX_EXPANDED_BYTES) {}
  take(bytes: number) {
    this.used += bytes
    if (this.used > this.limit) throw new FileLimitError(expandsTooFar(this.limit))
  }
}

/** The upload form's message at the upload limit; a larger limit (a statutory return's) says its own size. */
const expandsTooFar = (limit: number) =>
  limit === MAX_EXPANDED_BYTES
    ? LIMIT_MESSAGES.expandsTooFar
    : `The file expands to more than ${limit.toLocaleString('en-GB')} bytes when opened: it may be damaged`

/**
 * A part's content, unzipped in chunks of 16KB. zlib works off the event loop, and a stored part
 * waits a turn between chunks, so whoever reads the chunks never holds the loop for long.
 */
export async function* entryContent(data: Buffer, entry: ZipEntry, budget: ExpansionBudget): AsyncGenerator<Buffer> {
  const at = entry.headerOffset
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) throw new UnreadableFileError()
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28)
  if (start + entry.compressedSize > data.length) throw new UnreadableFileError()
  const compressed = data.subarray(start, start + entry.compressedSize)
  let produced = 0
  const count = (chunk: Buffer) => {
    produced += chunk.length
    // More than it declared is a part that lies: it may be built to exhaust memory.
    if (produced > entry.declaredSize) throw new FileLimitError(LIMIT_MESSAGES.expandsTooFar)
    checkRatio(produced, entry.compressedSize)
    budget.take(chunk.length)
  }
  if (entry.method === 0) {
    for (let offset = 0; offset < compressed.length; offset += CHUNK_BYTES) {
      const chunk = compressed.subarray(offset, offset + CHUNK_BYTES)
      count(chunk)
      yield chunk
      await nextTurn()
    }
  } else if (entry.method === 8) {
    const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES })
    inflater.end(compressed)
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        count(chunk)
        yield chunk
      }
    } catch (error) {
      if (error instanceof FileLimitError) throw error
      throw new UnreadableFileError()
    } finally {
      inflater.destroy()
    }
  } else {
    throw new UnreadableFileError()
  }
  if (produced !== entry.declaredSize) throw new UnreadableFileError()
}
