import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../../test/support/databases.ts'
import type { Database } from '#src/database.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { migrateToJustBefore, migrateToLatest } from '#src/platform/db/migrate.ts'

const MIGRATION = '2024-01-11-0021-attendance-declarations'

/** A council's record kept before the current code's categories: its declarations and attendance carry over. */
describe.each(testDatabases())('declarations and attendance recorded before $name', (database) => {
  let handle: DatabaseHandle<Database>
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    handle = await database.open()
    await migrateToJustBefore(handle.db, MIGRATION)
    const one = async <T extends Record<string, string>>(query: string) =>
      (await sql.raw<T>(query).execute(handle.db)).rows[0]
    ids.person = (
      await one(`insert into people (slug, name, kind) values ('jones', 'Jones', 'councillor') returning id`)
    ).id
    ids.body = (
      await one(`insert into bodies (slug, name, kind, remit) values ('panel', 'Panel', 'panel', '') returning id`)
    ).id
    ids.meeting = (
      await one(
        `insert into meetings (slug, body_id, date, venue, status, notes) values ('m', '${ids.body}', '2019-05-01', '', 'held', '') returning id`,
      )
    ).id
    ids.item = (
      await one(
        `insert into agenda_items (meeting_id, number, title, purpose, minute) values ('${ids.meeting}', 2, 'Schools', '', '') returning id`,
      )
    ).id
    await one(`insert into minutes (meeting_id, status) values ('${ids.meeting}', 'published') returning meeting_id`)
    await one(
      `insert into attendance (meeting_id, person_id, capacity, status) values ('${ids.meeting}', '${ids.person}', 'member', 'apologies') returning id`,
    )
    for (const [type, item] of [
      ['personal', ids.item],
      ['prejudicial', null],
      ['disclosable pecuniary', ids.item],
    ] as const) {
      ids[type] = (
        await one(
          `insert into declarations (meeting_id, agenda_item_id, person_id, type, nature) values ('${ids.meeting}', ${item ? `'${item}'` : 'null'}, '${ids.person}', '${type}', 'A ${type} interest') returning id`,
        )
      ).id
    }
    await migrateToLatest(handle.db)
  }, 60_000)
  afterAll(() => handle?.close())

  it('keeps a disclosable pecuniary interest, and the council’s own word for a personal or prejudicial one', async () => {
    const rows = await handle.db
      .selectFrom('declarations')
      .select(['id', 'category', 'categoryLabel', 'nature', 'leftRoom', 'dispensation'])
      .execute()
    const byId = (id: string) => rows.find((row) => row.id === id)
    expect(byId(ids.personal)).toMatchObject({ category: 'other', categoryLabel: 'Personal', leftRoom: null })
    expect(byId(ids.prejudicial)).toMatchObject({ category: 'other', categoryLabel: 'Prejudicial' })
    expect(byId(ids['disclosable pecuniary'])).toMatchObject({
      category: 'disclosable pecuniary interest',
      categoryLabel: '',
      nature: 'A disclosable pecuniary interest',
      dispensation: '',
    })
  })

  it('moves each declaration’s item into the list of items; one without an item concerns the whole meeting', async () => {
    const links = await handle.db.selectFrom('declarationItems').selectAll().execute()
    expect(links).toHaveLength(2)
    expect(links).toEqual(
      expect.arrayContaining([
        { declarationId: ids.personal, agendaItemId: ids.item },
        { declarationId: ids['disclosable pecuniary'], agendaItemId: ids.item },
      ]),
    )
  })

  it('keeps the attendance as it was, with no substitute, late arrival or early departure', async () => {
    const [row] = await handle.db.selectFrom('attendance').selectAll().execute()
    expect(row).toMatchObject({ status: 'apologies', substituteForId: null, arrivedAtItem: '', leftAtItem: '' })
  })

  it('refuses an "other" interest without the council’s name for it', async () => {
    await expect(
      handle.db
        .insertInto('declarations')
        .values({
          meetingId: ids.meeting,
          personId: ids.person,
          category: 'other',
          categoryLabel: '',
          nature: 'x',
          leftRoom: null,
          dispensation: '',
        })
        .execute(),
    ).rejects.toThrow(/declarations_other_labelled/)
  })
})
