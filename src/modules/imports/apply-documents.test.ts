import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import type { Database } from '#src/database.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { applyPlan } from './apply.ts'
import { buildPlan } from './moderngov/build-plan.ts'
import { fetchDocuments } from './moderngov/fetch-documents.ts'
import type { ImportPlan } from './moderngov/plan.ts'
import { readResponseFolder } from './moderngov/read-folder.ts'

const FIXTURES = 'test/fixtures/moderngov'

/** The fixture folder's plan with its documents fetched, the malformed file left out. */
async function fixturePlan(): Promise<ImportPlan> {
  const input = await readResponseFolder(FIXTURES)
  const plan = buildPlan(
    { ...input, errors: input.errors.filter((error) => error.file !== 'malformed.xml') },
    { bodies: [], from: null, to: null, today: '2024-06-01' },
  )
  return fetchDocuments(plan, { kind: 'folder', folder: FIXTURES })
}

describe.each(testDatabases())('applying an import’s documents on $name', (database) => {
  let handle: DatabaseHandle<Database>
  let plan: ImportPlan

  beforeAll(async () => {
    handle = await database.openPrepared('migrated')
    plan = await fixturePlan()
  })
  afterAll(async () => {
    await handle?.close()
  })

  const rows = async () =>
    Number(
      (
        await handle.db
          .selectFrom('itemDocuments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    )

  it('previews the documents it would write, writing none', async () => {
    const result = await applyPlan(handle.db, systemContext('preview'), plan, { preview: true })
    expect(result).toMatchObject({ applied: true, created: { document: 2 }, skipped: [] })
    expect(await rows()).toBe(0)
  })

  it('skips a restricted document no paragraph covers, and one whose item is not written, saying why', async () => {
    const [report, appendix] = plan.documents
    const changed: ImportPlan = {
      ...plan,
      documents: [
        { ...report, restricted: true },
        { ...appendix, source: { ...appendix.source, id: '7999' }, itemId: '9999' },
      ],
    }
    const result = await applyPlan(handle.db, systemContext('skips'), changed)
    expect(result).toMatchObject({
      applied: true,
      created: { document: 0 },
      skipped: [
        {
          type: 'document',
          sourceId: '7001',
          file: 'meeting-2001.xml',
          reason: 'restricted, and neither it nor its agenda item gives the paragraph of Schedule 12A: not written',
        },
        {
          type: 'document',
          sourceId: '7999',
          file: 'meeting-2001.xml',
          reason: 'its agenda item 9999 was not written',
        },
      ],
    })
    expect(await rows()).toBe(0)
  })
})
