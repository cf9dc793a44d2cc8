import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { subjectNames } from './audit-subjects.ts'

describe.each(testDatabases())('the names of audited records on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it('names a record of every kind the trail knows, with a page that opens', async () => {
    const first = async (table: string) => {
      const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} limit 1`.execute(t.db)
      if (!rows[0]) throw new Error(`The demo has no ${table}`)
      return rows[0].id
    }
    // The demo has no petitions: one, as the petitions form would make it.
    await t.db
      .insertInto('petitions')
      .values({
        slug: 'save-the-youth-club',
        title: 'Save the youth club',
        leadPetitioner: '',
        leadNamed: false,
        paperSignatures: 120,
        ePetitionSignatures: 0,
        bodyId: null,
        presentedOn: null,
        threshold: '',
        response: '',
        respondedOn: null,
      })
      .execute()
    const events = [
      { subjectType: 'body', subjectId: await first('bodies') },
      { subjectType: 'person', subjectId: await first('people') },
      { subjectType: 'user', subjectId: await first('users') },
      { subjectType: 'meeting', subjectId: await first('meetings') },
      {
        subjectType: 'minutes',
        subjectId: (await t.db.selectFrom('minutes').select('meetingId').executeTakeFirstOrThrow()).meetingId,
      },
      { subjectType: 'agenda item', subjectId: await first('agenda_items') },
      { subjectType: 'report', subjectId: await first('reports') },
      { subjectType: 'decision', subjectId: await first('decisions') },
      { subjectType: 'forward plan', subjectId: await first('forward_plans') },
      { subjectType: 'recommendation', subjectId: await first('recommendations') },
      { subjectType: 'work programme item', subjectId: await first('work_programme_items') },
      { subjectType: 'improvement plan', subjectId: await first('improvement_plans') },
      { subjectType: 'indicator', subjectId: await first('indicators') },
      { subjectType: 'health service', subjectId: await first('health_services') },
      { subjectType: 'petition', subjectId: await first('petitions') },
    ]
    const names = await subjectNames(t.db, [...events, { subjectType: 'system', subjectId: 'demo' }])
    const officer = await t.as('admin')
    for (const { subjectType, subjectId } of events) {
      const name = names.get(`${subjectType}/${subjectId}`)
      expect(name?.title, subjectType).toMatch(/\w/)
      expect((await officer.get(name!.href!)).statusCode, `${subjectType}: ${name?.href}`).toBe(200)
    }
    expect(names.has('system/demo')).toBe(false)
  })
})
