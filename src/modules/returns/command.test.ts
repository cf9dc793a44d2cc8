import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_PSEUDONYM_KEY, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { createSettings } from '#src/modules/settings/index.ts'
import { createAuditReader } from '#src/platform/audit/reader.ts'
import { createClock } from '#src/platform/clock.ts'
import { extractsCommand } from './extracts-command.ts'
import { commandLineFramework, createReturns } from './index.ts'
import { SYNTH_FILES, writeSyntheticReturns } from './synth.ts'

describe.each(testDatabases())('npm run extracts -- import on $name', (database) => {
  let t: TestApp
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'oversight-extracts-command-'))
    await writeSyntheticReturns({ children: 60, year: '2023-24', out: join(folder, 'files'), seed: 4 })
    t = await startTestApp(database, { demo: false })
  })
  afterAll(async () => {
    await t?.close()
    await rm(folder, { recursive: true, force: true })
  })

  const run = async (args: string[], key: string | null = TEST_PSEUDONYM_KEY) => {
    const out: string[] = []
    const err: string[] = []
    const openReturns = async () => {
      const returns = createReturns({
        db: t.db,
        clock: createClock('2024-01-22'),
        storePath: join(folder, 'data', 'child-level.duckdb'),
        pseudonymKey: key ?? undefined,
        framework: commandLineFramework,
        settings: createSettings({ db: t.db, audit: createAuditReader(t.db) }).service,
      })
      return { service: returns.service, close: () => returns.close() }
    }
    const code = await extractsCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), openReturns })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('takes in an extract as the upload page does, recorded and audited as taken by the command line', async () => {
    const result = await run(['import', 'cin', join(folder, 'files', SYNTH_FILES.cin), '--year', '2023-24'])
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(result.out).toMatch(
      /^Took in the Children in need census for 2023-24 from synthetic-cin-census.xml in [\d.]+s \(SHA-256 [0-9a-f]{64}\)/,
    )
    expect(result.out).toContain('cin_children: 60 rows')
    const extract = await t.db.selectFrom('returnExtracts').selectAll().executeTakeFirstOrThrow()
    expect(extract).toMatchObject({ kind: 'cin', collectionYear: '2023-24', takenBy: 'the command line' })
    // No child's id or pupil number reaches the store's file: the census gives SYN0000001… and Z…
    expect(await readFile(join(folder, 'files', SYNTH_FILES.cin), 'utf8')).toMatch(/SYN0000001[^]*Z\d{12}/)
    const stored = await readFile(join(folder, 'data', 'child-level.duckdb'))
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.toString('latin1')).not.toMatch(/SYN\d{7}|Z\d{12}/)
    const event = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('subjectId', '=', extract.id)
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({ actorLabel: 'system', action: 'took in the Children in need census for 2023-24' })
  })

  it('says what is wrong with the command, and takes nothing in without the key', async () => {
    const noYear = await run(['import', 'cin', join(folder, 'files', SYNTH_FILES.cin)])
    expect(noYear.code).toBe(2)
    expect(noYear.err).toContain('--year must be the collection year, like 2023-24')
    const unknown = await run(['import', 'ofsted', 'x', '--year', '2023-24'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('Say which return it is: 903, cin, annex-a')
    const before = await t.db.selectFrom('returnExtracts').select('id').execute()
    const noKey = await run(['import', 'cin', join(folder, 'files', SYNTH_FILES.cin), '--year', '2023-24'], null)
    expect(noKey.code).toBe(1)
    expect(noKey.err).toContain('OVERSIGHT_PSEUDONYM_KEY must be set')
    expect(await t.db.selectFrom('returnExtracts').select('id').execute()).toEqual(before)
  })
})
