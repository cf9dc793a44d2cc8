import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExtractRefusal, type RowBatch } from './extract-rows.ts'
import { type ReadExtract, TABLES_OF, readExtractInBatches } from './ingest.ts'
import { censusParts } from './read-cin.ts'
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

  describe('a large census, read in two halves at once', () => {
    let census: string
    beforeAll(async () => {
      await writeSyntheticReturns({
        children: 12_000,
        year: '2023-24',
        out: join(folder, 'large'),
        seed: 5,
        annexA: false,
      })
      census = join(folder, 'large', SYNTH_FILES.cin)
    }, 60_000)

    /** Rows sorted by table and row: the halves' batches arrive in whatever order they are read. */
    const sorted = (rows: Record<string, unknown[][]>) =>
      Object.fromEntries(
        Object.entries(rows)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([table, list]) => [table, [...list].sort((a, b) => Number(a[0]) - Number(b[0]))]),
      )

    it('is cut between two children, the second half knowing the lines before it', async () => {
      const parts = await censusParts(census, 2)
      expect(parts).toHaveLength(2)
      const [first, second] = parts
      expect(first.start).toBe(0)
      expect(second.start).toBe(first.end)
      expect(second.end).toBe((await stat(census)).size)
      const bytes = await readFile(census)
      expect(bytes.toString('latin1', second.start, second.start + 7)).toBe('<Child>')
      expect(bytes.toString('latin1', 0, second.start).split('\n').length - 1).toBe(second.lineOffset)
      expect([first.after, second.before]).toEqual(['</Children></Message>', '<Message><Children>'])
    })

    it('gives the same rows, with the same line numbers, checksum and counts as one reader', async () => {
      const whole = await readAll('cin', census, Number.MAX_SAFE_INTEGER)
      const halves = await readAll('cin', census, 0)
      expect(halves.read).toEqual(whole.read)
      expect(sorted(halves.rows)).toEqual(sorted(whole.rows))
    })

    it('refuses a broken second half with the line the whole file would name, and stops the other', async () => {
      const text = await readFile(census, 'utf8')
      const at = text.indexOf('<Child>', Math.floor(text.length * 0.75))
      const broken = join(folder, 'large', 'broken.xml')
      await writeFile(broken, `${text.slice(0, at)}<Child><Oops></Child>${text.slice(at)}`)
      const line = text.slice(0, at).split('\n').length
      const reading = readExtractInBatches('cin', broken, {
        key: KEY,
        append: () => {},
        workDir: work,
        inWorkerFromBytes: 0,
      })
      await expect(reading).rejects.toBeInstanceOf(ExtractRefusal)
      await expect(reading).rejects.toThrow(`broken.xml: line ${line}: `)
    })
  })
})
