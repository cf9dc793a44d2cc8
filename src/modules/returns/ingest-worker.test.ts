import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExtractRefusal, type RowBatch } from './extract-rows.ts'
import { type ReadExtract, TABLES_OF, readExtractInBatches } from './ingest.ts'
import type { ExtractKind } from './records.ts'
import { SYNTH_FILES, writeSyntheticReturns } from './synth.ts'

const KEY = 'a-test-key-that-is-long-enough-for-hmac-0123456789'

let folder: string
let work: string
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ingest-worker-'))
  work = join(folder, 'work')
  await writeSyntheticReturns({ children: 150, year: '2023-24', out: join(folder, 'returns'), seed: 3 })
})
afterAll(() => rm(folder, { recursive: true, force: true }))

/** Every row as read, by table, in order: each as its row number and values. */
async function readAll(kind: ExtractKind, path: string, inWorkerFromBytes: number) {
  const rows: Record<string, unknown[][]> = {}
  let batches = 0
  const append = (batch: RowBatch) => {
    batches += 1
    const width = TABLES_OF[kind].find((spec) => spec.name === batch.table)!.fields.length
    batch.rowNumbers.forEach((row, i) =>
      (rows[batch.table] ??= []).push([row, ...batch.values.slice(i * width, (i + 1) * width)]),
    )
  }
  const read: ReadExtract = await readExtractInBatches(kind, path, {
    key: KEY,
    append,
    workDir: work,
    inWorkerFromBytes,
  })
  return { rows, read, batches }
}

describe('reading an extract in a thread of its own', () => {
  it.each([
    ['cin', SYNTH_FILES.cin],
    ['903', '.'],
  ] as const)('gives the same rows, checksum and counts for the %s as reading it here', async (kind, file) => {
    const path = join(folder, 'returns', file)
    const here = await readAll(kind, path, Number.MAX_SAFE_INTEGER)
    const apart = await readAll(kind, path, 0)
    expect(Object.values(here.read.result.kept).reduce((a, b) => a + b, 0)).toBeGreaterThan(50)
    expect(apart.read).toEqual(here.read)
    expect(apart.rows).toEqual(here.rows)
    // A batch per table at the least: rows cross a batch at a time.
    expect(apart.batches).toBeGreaterThanOrEqual(Object.keys(apart.rows).length)
  })

  it('refuses a file that is not a census the same way, with nothing appended', async () => {
    const path = join(folder, 'not-a-census.xml')
    await writeFile(path, '<?xml version="1.0"?><Other><Child/></Other>')
    const appended: RowBatch[] = []
    const reading = readExtractInBatches('cin', path, {
      key: KEY,
      append: (batch) => appended.push(batch),
      workDir: work,
      inWorkerFromBytes: 0,
    })
    await expect(reading).rejects.toBeInstanceOf(ExtractRefusal)
    await expect(reading).rejects.toThrow(/is not a CIN census/)
  })

  it('stops reading when the rows cannot be stored', async () => {
    const path = join(folder, 'returns', SYNTH_FILES.cin)
    const reading = readExtractInBatches('cin', path, {
      key: KEY,
      append: () => {
        throw new Error('The store is full')
      },
      workDir: work,
      inWorkerFromBytes: 0,
    })
    await expect(reading).rejects.toThrow('The store is full')
  })
})
