import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { type DatabaseHandle, openPglite } from '#src/platform/db/database.ts'
import { migrateToJustBefore, migrateToLatest } from '#src/platform/db/migrate.ts'

/** A database kept before supplementary agendas keeps its items, as published with the agenda. */
describe('migration 0025: supplementary agendas', () => {
  let handle: DatabaseHandle<Database>

  beforeAll(async () => {
    handle = await openPglite<Database>()
    await migrateToJustBefore(handle.db, '2024-01-11-0025-supplementary-agendas')
    await sql`insert into bodies (slug, name, kind) values ('panel', 'Panel', 'panel')`.execute(handle.db)
    await sql`insert into meetings (slug, body_id, date, venue, status, notes, agenda_published_on)
      select '2024-02-08-panel', id, '2024-02-08', '', 'scheduled', '', '2024-01-30' from bodies`.execute(handle.db)
    await sql`insert into agenda_items (meeting_id, number, position, title, purpose, minute)
      select id, '1', 1, 'Declarations of interest', '', '' from meetings`.execute(handle.db)
    await migrateToLatest(handle.db)
  }, 120_000)
  afterAll(() => handle?.close())

  it('keeps an existing item as on the agenda, in no supplement', async () => {
    const items = await handle.db
      .selectFrom('agendaItems')
      .select(['title', 'addedAfterPublication', 'supplementId'])
      .execute()
    expect(items).toEqual([{ title: 'Declarations of interest', addedAfterPublication: false, supplementId: null }])
  })

  it('refuses two supplements of one meeting with one number, and a title over 200 characters', async () => {
    const add = (number: number, title: string) =>
      sql`insert into agenda_supplements (meeting_id, number, published_on, title)
        select id, ${number}, '2024-02-01', ${title} from meetings`.execute(handle.db)
    await add(1, 'Supplementary agenda 1')
    await expect(add(1, 'Supplementary agenda 1 again')).rejects.toThrow()
    await expect(add(2, 'x'.repeat(201))).rejects.toThrow()
  })
})
