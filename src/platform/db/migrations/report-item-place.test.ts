import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { type DatabaseHandle, openPglite } from '#src/platform/db/database.ts'
import { migrateToJustBefore, migrateToLatest } from '#src/platform/db/migrate.ts'

/** A report keeps a copy of its item's place for search, from the migration on, whatever writes the rows. */
describe('migration 0048: a report keeps its item’s place', () => {
  let handle: DatabaseHandle<Database>
  const place = async () =>
    (
      await sql<{
        title: string
        meeting: string | null
        number: string | null
        position: number | null
        exempt: number | null
      }>`
        select r.title, m.slug as meeting, r.item_number as number, r.item_position as position,
          r.item_exempt_paragraph as exempt
        from reports r left join meetings m on m.id = r.meeting_id order by r.title`.execute(handle.db)
    ).rows

  beforeAll(async () => {
    handle = await openPglite<Database>()
    await migrateToJustBefore(handle.db, '2024-01-29-0048-report-item-place')
    await sql`insert into bodies (slug, name, kind) values ('panel', 'Panel', 'panel')`.execute(handle.db)
    await sql`insert into meetings (slug, body_id, date, venue, status, notes)
      select s, id, d::date, '', 'scheduled', '' from bodies,
        (values ('2024-02-08-panel', '2024-02-08'), ('2024-03-07-panel', '2024-03-07')) v(s, d)`.execute(handle.db)
    await sql`insert into agenda_items (meeting_id, number, position, title, purpose, minute)
      select id, '4', 2, 'Short breaks', '', '' from meetings where slug = '2024-02-08-panel'`.execute(handle.db)
    await sql`insert into reports (agenda_item_id, title, report_to, relevant_officer, purpose, recommendations, reasons,
        alternative_options, council_priorities, background, financial, legal, human_resources, risk, equalities,
        sustainability, consultation, background_papers)
      select id, 'Short breaks review', '', '', '', '[]', '', '', '', '', '', '', '', '', '', '', '', '' from agenda_items`.execute(
      handle.db,
    )
    await migrateToLatest(handle.db)
  }, 120_000)
  afterAll(() => handle?.close())

  it('gives a report written before it its item’s meeting, number and place', async () => {
    expect(await place()).toEqual([
      { title: 'Short breaks review', meeting: '2024-02-08-panel', number: '4', position: 2, exempt: null },
    ])
  })

  it('follows the item when it changes, and ignores a report’s own attempt to say otherwise', async () => {
    await sql`update agenda_items set number = '4a', position = 1, exempt_paragraph = 1,
      meeting_id = (select id from meetings where slug = '2024-03-07-panel')`.execute(handle.db)
    expect(await place()).toEqual([
      { title: 'Short breaks review', meeting: '2024-03-07-panel', number: '4a', position: 1, exempt: 1 },
    ])
    await sql`update reports set item_exempt_paragraph = null, item_position = 9, title = 'Short breaks: review'`.execute(
      handle.db,
    )
    expect(await place()).toEqual([
      { title: 'Short breaks: review', meeting: '2024-03-07-panel', number: '4a', position: 1, exempt: 1 },
    ])
  })
})
