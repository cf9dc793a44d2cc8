import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { importFixtures } from '../../../test/support/import-command.ts'
import { count, textAt } from '../../../test/support/html.ts'
import { longDate } from '#src/platform/views/filters.ts'

const MEETING = '2024-03-14-children-and-young-people-scrutiny-committee'

describe.each(testDatabases())('where an imported record came from, on $name', (database) => {
  let t: TestApp
  let folder: string
  let body: string
  let person: string
  /** The day the import ran, as the pages say it: the provenance records the real instant, not the test's clock. */
  let importedOn: string

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false, today: '2024-06-01' })
    folder = await importFixtures(t.db, 'moderngov-source-')
    const slugOf = async (type: 'body' | 'person', table: 'bodies' | 'people', sourceId: string) => {
      const { recordId } = await t.db
        .selectFrom('importSources')
        .select('recordId')
        .where('recordType', '=', type)
        .where('sourceId', '=', sourceId)
        .executeTakeFirstOrThrow()
      return (await t.db.selectFrom(table).select('slug').where('id', '=', recordId).executeTakeFirstOrThrow()).slug
    }
    body = await slugOf('body', 'bodies', '101')
    person = await slugOf('person', 'people', (await firstPersonSourceId()).sourceId)
    const row = await t.db.selectFrom('importSources').select('importedAt').executeTakeFirstOrThrow()
    importedOn = longDate(row.importedAt)
  })
  afterAll(async () => {
    await t?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  const firstPersonSourceId = () =>
    t.db
      .selectFrom('importSources')
      .select('sourceId')
      .where('recordType', '=', 'person')
      .orderBy('sourceId')
      .executeTakeFirstOrThrow()

  it('says on the meeting’s, the committee’s and a councillor’s page which Modern.gov record they came from', async () => {
    const visitor = t.visitor()
    const meeting = await visitor.get(`/meetings/${MEETING}`)
    expect(meeting.statusCode).toBe(200)
    expect(textAt(meeting.body, '.app-source')).toBe(`Imported from Modern.gov (id 2001) on ${importedOn}`)
    const committee = await visitor.get(`/bodies/${body}`)
    expect(textAt(committee.body, '.app-source')).toBe(`Imported from Modern.gov (id 101) on ${importedOn}`)
    const { sourceId } = await firstPersonSourceId()
    const councillor = await visitor.get(`/people/${person}`)
    expect(textAt(councillor.body, '.app-source')).toBe(`Imported from Modern.gov (id ${sourceId}) on ${importedOn}`)
  })

  it('answers the meeting, the body and the person in the API with their source', async () => {
    const visitor = t.visitor()
    const meeting = (await visitor.get(`/api/v1/meetings/${MEETING}`)).json<{ source: unknown }>()
    expect(meeting.source).toEqual({
      system: 'moderngov',
      id: '2001',
      address: 'meeting-2001.xml',
      importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    })
    const committee = (await visitor.get(`/api/v1/bodies/${body}`)).json<{ source: { id: string; address: string } }>()
    expect(committee.source).toMatchObject({ system: 'moderngov', id: '101', address: 'committees.xml' })
    const councillor = (await visitor.get(`/api/v1/people/${person}`)).json<{ source: { system: string } | null }>()
    expect(councillor.source?.system).toBe('moderngov')
  })

  it('shows no source for a record made here, and answers it as null', async () => {
    const made = await builders(t).aBody({ name: 'Corporate parenting panel' })
    const page = await t.visitor().get(`/bodies/${made.slug}`)
    expect(page.statusCode).toBe(200)
    expect(count(page.body, '.app-source')).toBe(0)
    expect((await t.visitor().get(`/api/v1/bodies/${made.slug}`)).json<{ source: unknown }>().source).toBeNull()
  })
})
