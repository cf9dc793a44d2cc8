import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_EXTRACT_LIMITS } from './extract-limits.ts'
import { ExtractRefusal, type ExtractResult, RowBuilder, collectRows, parseDate } from './extract-rows.ts'
import { extractsCommand } from './extracts-command.ts'
import { createPseudonymiser, postcodeDistrict, pseudonymiserFromEnvironment } from './pseudonym.ts'
import { read903File } from './read-903.ts'
import { readAnnexAFile } from './read-annex-a.ts'
import { readCinFile } from './read-cin.ts'
import { ALL_TABLES, type RowProblem } from './records.ts'
import { SYNTH_903_FILES, SYNTH_FILES, type SynthManifest, writeSyntheticReturns } from './synth.ts'

const KEY = 'a-test-key-that-is-long-enough-for-hmac-0123456789'
const pseudonyms = createPseudonymiser(KEY)

let folder: string
let manifest: SynthManifest
const { tables, sink } = collectRows()
const problems: RowProblem[] = []

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'extracts-'))
  manifest = await writeSyntheticReturns({ children: 400, year: '2023-24', out: folder, errors: 5, seed: 7 })
  const results: ExtractResult[] = []
  for (const [table, file] of SYNTH_903_FILES)
    results.push(await read903File(join(folder, file), table, { pseudonyms, sink }))
  results.push(await readCinFile(join(folder, SYNTH_FILES.cin), { pseudonyms, sink }))
  results.push(await readAnnexAFile(join(folder, SYNTH_FILES.annexA), { pseudonyms, sink }))
  for (const result of results) problems.push(...result.problems)
})
afterAll(() => rm(folder, { recursive: true, force: true }))

const childrenOf = (table: string) => new Set((tables[table] ?? []).map((row) => row.child))

describe('reading synthetic returns', () => {
  it('keeps only the allow-listed fields of each table', () => {
    expect(Object.keys(tables).sort()).toEqual(
      expect.arrayContaining(['cin_children', 'ssda903_episodes', 'annex_a_referrals']),
    )
    for (const [name, rows] of Object.entries(tables)) {
      const allowed = ALL_TABLES.find((table) => table.name === name)?.fields.map((field) => field.name)
      expect(allowed, name).toBeDefined()
      for (const row of rows) expect(Object.keys(row).sort()).toEqual([...(allowed ?? [])].sort())
    }
  })

  it('gives a child the same pseudonym in the 903, the CIN census and Annex A', () => {
    const header = childrenOf('ssda903_header')
    expect(header.size).toBeGreaterThan(20)
    expect(childrenOf('annex_a_children_in_care')).toEqual(header)
    for (const child of header) expect(childrenOf('cin_children').has(child)).toBe(true)
    expect(childrenOf('annex_a_care_leavers')).toEqual(childrenOf('ssda903_oc3'))
    expect([...header][0]).toMatch(/^[0-9a-f]{32}$/)
  })

  it('keeps no id, pupil number, name or full postcode, and dates of birth only to the month', async () => {
    const output = JSON.stringify(tables)
    expect(output).not.toMatch(/SYN\d/)
    expect(output).not.toMatch(/Z1000/)
    expect(output).not.toMatch(/Synthetic Worker/)
    expect(output).not.toMatch(/ZZ\d+ ?\d[A-Z]{2}/)
    expect(output).toMatch(/"place_district":"ZZ\d+"/)
    // The inputs had them, so the search above could have found them.
    const episodes = await readFile(join(folder, SYNTH_FILES.episodes), 'utf8')
    expect(episodes).toMatch(/SYN\d+,.*ZZ\d+ \d[A-Z]{2}/)
    expect(await readFile(join(folder, SYNTH_FILES.annexA))).toBeTruthy()
    for (const row of tables.cin_children ?? []) expect(String(row.birth_month)).toMatch(/^\d{4}-\d{2}-01$/)
  })

  it('reports each seeded error with its table, row and field, and keeps reading', () => {
    expect(manifest.errors).toHaveLength(5)
    for (const error of manifest.errors)
      expect(problems, error.kind).toContainEqual(
        expect.objectContaining({ table: error.table, row: error.row, field: error.field }),
      )
    // The value is not repeated: a wrong field may hold what must not be kept.
    expect(JSON.stringify(problems)).not.toContain('31/02/2024')
    expect(problems).toHaveLength(5)
    expect(tables.cin_children).toHaveLength(400)
  })

  it('is the same for the same seed', async () => {
    const again = await mkdtemp(join(tmpdir(), 'extracts-'))
    try {
      await writeSyntheticReturns({ children: 400, year: '2023-24', out: again, errors: 5, seed: 7 })
      for (const file of [SYNTH_FILES.cin, SYNTH_FILES.episodes, SYNTH_FILES.manifest])
        expect(await readFile(join(again, file), 'utf8')).toBe(await readFile(join(folder, file), 'utf8'))
    } finally {
      await rm(again, { recursive: true, force: true })
    }
  })

  it('writes the same 903 tables and census without the Annex A workbook, and no workbook', async () => {
    const withFiles = await mkdtemp(join(tmpdir(), 'extracts-'))
    const without = await mkdtemp(join(tmpdir(), 'extracts-'))
    try {
      await writeSyntheticReturns({ children: 300, year: '2023-24', out: withFiles, seed: 5 })
      const written = await writeSyntheticReturns({
        children: 300,
        year: '2023-24',
        out: without,
        seed: 5,
        annexA: false,
      })
      for (const [, file] of [...SYNTH_903_FILES, ['cin', SYNTH_FILES.cin]])
        expect(await readFile(join(without, file), 'utf8'), file).toBe(await readFile(join(withFiles, file), 'utf8'))
      expect((await readdir(without)).sort()).toEqual(
        [...SYNTH_903_FILES.map(([, file]) => file), SYNTH_FILES.cin, SYNTH_FILES.manifest].sort(),
      )
      expect(written.files).not.toContain(SYNTH_FILES.annexA)
      expect(Object.keys(written.rows).some((table) => table.startsWith('annex_a_'))).toBe(false)
      await expect(
        writeSyntheticReturns({ children: 10, year: '2023-24', out: without, errors: 1, annexA: false }),
      ).rejects.toThrow('Seeded errors need the Annex A workbook')
    } finally {
      await rm(withFiles, { recursive: true, force: true })
      await rm(without, { recursive: true, force: true })
    }
  })
})

describe('dates', () => {
  it('keeps real calendar dates only, as YYYY-MM-DD', () => {
    expect(parseDate('01/04/2023', 'dmy')).toBe('2023-04-01')
    expect(parseDate('9/3/2024', 'dmy')).toBe('2024-03-09')
    expect(parseDate('2024-02-29', 'iso')).toBe('2024-02-29')
    expect(parseDate('2000-02-29T00:00:00Z', 'iso')).toBe('2000-02-29')
    expect(parseDate('31/12/2100', 'either')).toBe('2100-12-31')
    expect(parseDate('2023-02-29', 'iso')).toBeNull()
    expect(parseDate('29/02/1900', 'dmy')).toBeNull()
    expect(parseDate('31/04/2023', 'dmy')).toBeNull()
    expect(parseDate('00/01/2023', 'dmy')).toBeNull()
    expect(parseDate('01/13/2023', 'dmy')).toBeNull()
    expect(parseDate('2023-00-10', 'iso')).toBeNull()
    expect(parseDate('31/12/1899', 'dmy')).toBeNull()
    expect(parseDate('01/01/2101', 'dmy')).toBeNull()
    expect(parseDate('2023-04-01', 'dmy')).toBeNull()
    expect(parseDate('01/04/2023', 'iso')).toBeNull()
  })
})

describe('pseudonyms while reading', () => {
  it('gives each child in turn its own pseudonym, and the same one to the same id', () => {
    const { tables: rows, sink: into } = collectRows()
    const builder = new RowBuilder(pseudonyms, into, 'iso', DEFAULT_EXTRACT_LIMITS)
    const spec = ALL_TABLES.find((table) => table.name === 'cin_children')!
    for (const id of ['SYN1', 'SYN1', 'SYN2', 'SYN1', 'SYN3', 'SYN3'])
      builder.add(spec, 1, (source) => (source === 'LAchildID' ? id : undefined))
    expect((rows.cin_children ?? []).map((row) => row.child)).toEqual(
      ['SYN1', 'SYN1', 'SYN2', 'SYN1', 'SYN3', 'SYN3'].map((id) => pseudonyms.child(id)),
    )
  })
})

describe('limits and refusals', () => {
  const file = (name: string, text: string) => writeFile(join(folder, name), text).then(() => join(folder, name))
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'read',
      (error: unknown) => (error instanceof ExtractRefusal ? error.message : `threw ${String(error)}`),
    )

  it('refuses a file past the size, row or column limit, saying which', async () => {
    const episodes = join(folder, SYNTH_FILES.episodes)
    const small = { ...DEFAULT_EXTRACT_LIMITS, maxBytes: 1000 }
    expect(await refusal(read903File(episodes, 'episodes', { pseudonyms, sink: () => {}, limits: small }))).toMatch(
      /is larger than 1,000 bytes/,
    )
    const few = { ...DEFAULT_EXTRACT_LIMITS, maxRows: 3 }
    expect(await refusal(read903File(episodes, 'episodes', { pseudonyms, sink: () => {}, limits: few }))).toMatch(
      /more than 3 rows/,
    )
    expect(
      await refusal(readCinFile(join(folder, SYNTH_FILES.cin), { pseudonyms, sink: () => {}, limits: few })),
    ).toMatch(/more than 3 children/)
    expect(
      await refusal(readAnnexAFile(join(folder, SYNTH_FILES.annexA), { pseudonyms, sink: () => {}, limits: few })),
    ).toMatch(/more than 3 rows/)
    const wide = await file('wide.csv', `CHILD,DECOM${',x'.repeat(60)}\nA1,01/04/2023${',1'.repeat(60)}\n`)
    expect(await refusal(read903File(wide, 'episodes', { pseudonyms, sink: () => {} }))).toMatch(/more than 50 columns/)
  })

  it('lists a field that is too long or wrong as a row problem, ignores unknown columns, and refuses a missing one', async () => {
    const path = await file(
      'episodes.csv',
      `CHILD,DECOM,PLACE,NOTES\nA1,01/04/2023,U1,free text is ignored\nA2,2023-04-01,U1,\nA3,01/04/2023,${'U'.repeat(300)},\n`,
    )
    const { tables: read, sink: keep } = collectRows()
    const result = await read903File(path, 'episodes', { pseudonyms, sink: keep })
    expect(result.problems).toEqual([
      { table: 'ssda903_episodes', row: 3, field: 'decom', message: 'DECOM is not a date like DD/MM/YYYY' },
      { table: 'ssda903_episodes', row: 4, field: 'place', message: 'is longer than 200 characters' },
    ])
    expect(read.ssda903_episodes?.map((row) => row.place)).toEqual(['U1', null])
    expect(JSON.stringify(read)).not.toContain('free text')
    const missing = await file('no-decom.csv', 'CHILD,PLACE\nA1,U1\n')
    expect(await refusal(read903File(missing, 'episodes', { pseudonyms, sink: () => {} }))).toBe(
      'no-decom.csv is not a ssda903_episodes table: it has no DECOM column',
    )
  })

  it('refuses a CIN census with a document type declaration', async () => {
    const path = await file('cin.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Message>&a;</Message>')
    expect(await refusal(readCinFile(path, { pseudonyms, sink: () => {} }))).toMatch(/document type declaration/)
  })
})

describe('the pseudonym key', () => {
  it('is required, and must be long enough', () => {
    expect(() => pseudonymiserFromEnvironment({})).toThrow(
      /OVERSIGHT_PSEUDONYM_KEY must be set to read a statutory return/,
    )
    expect(() => pseudonymiserFromEnvironment({ OVERSIGHT_PSEUDONYM_KEY: 'short' })).toThrow(
      /at least 32 characters long \(it is 5\)/,
    )
    const keyed = pseudonymiserFromEnvironment({ OVERSIGHT_PSEUDONYM_KEY: KEY })
    expect(keyed.child(' syn1 ')).toBe(pseudonyms.child('SYN1'))
    expect(createPseudonymiser(`${KEY}x`).child('SYN1')).not.toBe(pseudonyms.child('SYN1'))
  })

  it('keeps a postcode only to its district', () => {
    expect(postcodeDistrict('sw1a 1aa')).toBe('SW1A')
    expect(postcodeDistrict('M1 1AE')).toBe('M1')
    expect(postcodeDistrict('not a postcode')).toBeNull()
  })
})

describe('npm run extracts', () => {
  it('writes synthetic returns, and says how to use it when asked wrongly', async () => {
    const out: string[] = []
    const err: string[] = []
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }
    expect(await extractsCommand(['synth', '--children', 'many', '--year', '2023-24', '--out', folder], io)).toBe(2)
    expect(err).toEqual(['--children must be a whole number', expect.stringContaining('Usage: npm run extracts')])
    const target = join(folder, 'command')
    expect(await extractsCommand(['synth', '--children', '20', '--year', '2023-24', '--out', target], io)).toBe(0)
    expect(out[0]).toMatch(/^Wrote synthetic returns for 20 children/)
    expect(JSON.parse(await readFile(join(target, SYNTH_FILES.manifest), 'utf8'))).toMatchObject({
      children: 20,
      errors: [],
    })
  })
})
