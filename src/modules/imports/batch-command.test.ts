import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { runImportCommand } from '../../../test/support/import-command.ts'
import type { Database } from '#src/database.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'

const FIXTURES = 'test/fixtures/moderngov'
const BASE = 'https://oversight.example.gov.uk'

describe.each(testDatabases())('import moderngov keeps a batch on $name', (database) => {
  let handle: DatabaseHandle<Database>
  let clean: string

  beforeAll(async () => {
    handle = await database.openPrepared('migrated')
    clean = await mkdtemp(join(tmpdir(), 'moderngov-batch-'))
    await cp(FIXTURES, clean, { recursive: true, filter: (source) => !source.endsWith('malformed.xml') })
  })
  afterAll(async () => {
    await handle?.close()
    if (clean) await rm(clean, { recursive: true, force: true })
  })

  const progress: string[] = []
  const run = (...args: string[]) =>
    runImportCommand(args, {
      openDatabase: () => Promise.resolve({ db: handle.db, close: () => Promise.resolve() }),
      baseUrl: BASE,
      // Not a terminal: one line when applying ends.
      progress: { isTTY: false, write: (text) => progress.push(text) },
    })
  const batches = () => handle.db.selectFrom('importBatches').selectAll().orderBy('createdAt').execute()
  const imported = async () =>
    Number(
      (
        await handle.db
          .selectFrom('importSources')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('without --dry-run or --apply, keeps the plan as a batch to review, prints its address and writes no record', async () => {
    const { code, out, err } = await run('moderngov', clean, '--body', 'Cabinet', '--from', '2024-01-01')
    expect(err).toBe('')
    expect(out).toContain('Would create:')
    const address = /^Review it at (.+)$/m.exec(out)?.[1]
    const [batch] = await batches()
    expect(address).toBe(`${BASE}/admin/imports/${batch?.id}`)
    expect(batch).toMatchObject({
      status: 'ready',
      source: clean,
      options: { bodies: ['Cabinet'], from: '2024-01-01', to: null },
      createdBy: null,
      decidedAt: null,
      result: null,
    })
    // What applying would do, worked out and rolled back.
    expect(batch?.preview).toMatchObject({ applied: true, created: { body: 1 } })
    expect(batch?.plan?.bodies.map((body) => body.name)).toEqual(['Cabinet'])
    expect(await imported()).toBe(0)
    expect(code).toBe(0)
  })

  it('keeps a plan whose files were refused, says it cannot be applied, and exits 1', async () => {
    const { code, out } = await run('moderngov', FIXTURES)
    expect(out).toContain('It cannot be applied as it is:\n  malformed.xml: line 10: unexpected close tag')
    const id = /^Review it at .+\/admin\/imports\/(.+)$/m.exec(out)?.[1]
    const batch = (await batches()).find((row) => row.id === id)
    expect(batch?.status).toBe('ready')
    expect(batch?.preview).toMatchObject({ applied: false })
    expect(code).toBe(1)
  })

  it('with --apply, writes the records and keeps the batch as applied, its audit events named by it', async () => {
    progress.length = 0
    const { code, out } = await run('moderngov', clean, '--apply')
    expect(code).toBe(0)
    expect(progress).toEqual([
      expect.stringMatching(/^Fetching documents: 2 of 2 \(100%\), [\d.]+ a second\n$/),
      expect.stringMatching(/^Applying: 27 of 27 \(100%\), [\d.]+ a second\n$/),
    ])
    const id = /^See it at .+\/admin\/imports\/(.+)$/m.exec(out)?.[1]
    expect(out).toContain(`Written (import batch ${id}):`)
    const batch = (await batches()).find((row) => row.id === id)
    expect(batch).toMatchObject({ status: 'applied', decidedBy: null, result: { applied: true, created: { body: 4 } } })
    expect(batch?.decidedAt).toBeInstanceOf(Date)
    const events = await handle.db
      .selectFrom('auditEvents')
      .select('correlationId')
      .where('action', 'like', 'imported %')
      .execute()
    expect(events.length).toBeGreaterThan(0)
    expect(new Set(events.map((event) => event.correlationId))).toEqual(new Set([`import batch ${id}`]))
  })

  it('with --apply, keeps a run that wrote nothing as failed, with the reason', async () => {
    const { code, out } = await run('moderngov', FIXTURES, '--apply')
    expect(code).toBe(1)
    expect(out).toContain('Nothing was written:')
    const [batch] = (await batches()).slice(-1)
    expect(batch?.status).toBe('failed')
    expect(batch?.failure).toBe('Nothing was written: malformed.xml: line 10: unexpected close tag')
  })
})
