import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { type DatabaseHandle, openPglite } from '#src/platform/db/database.ts'
import { migrateToJustBefore, migrateToLatest } from '#src/platform/db/migrate.ts'

/** A database kept before bodies had types as councils have them keeps its bodies, people and memberships. */
describe('migration 0022: bodies and people as councils have them', () => {
  let handle: DatabaseHandle<Database>

  beforeAll(async () => {
    handle = await openPglite<Database>()
    await migrateToJustBefore(handle.db, '2024-01-11-0022-bodies-people')
    await sql`insert into bodies (slug, name, kind) values ('review', 'Review group', 'group'), ('panel', 'Panel', 'panel')`.execute(
      handle.db,
    )
    await sql`insert into people (slug, name, kind) values ('jo', 'Jo Snape', 'co-opted member')`.execute(handle.db)
    await sql`insert into memberships (body_id, person_id, role)
      select bodies.id, people.id, 'co-opted member' from bodies, people where bodies.slug = 'review'`.execute(
      handle.db,
    )
    await migrateToLatest(handle.db)
  }, 120_000)
  afterAll(() => handle?.close())

  it('makes a group a task and finish group and keeps the other types', async () => {
    const bodies = await handle.db
      .selectFrom('bodies')
      .select(['slug', 'kind', 'defaultMeetingMinutes'])
      .orderBy('slug')
      .execute()
    expect(bodies).toEqual([
      { slug: 'panel', kind: 'panel', defaultMeetingMinutes: null },
      { slug: 'review', kind: 'task and finish group', defaultMeetingMinutes: null },
    ])
  })

  it('keeps a co-optee’s membership, with no voting rights recorded until someone says', async () => {
    const memberships = await handle.db.selectFrom('memberships').select(['role', 'votingRights']).execute()
    expect(memberships).toEqual([{ role: 'co-opted member', votingRights: null }])
  })

  it('refuses a usual meeting length out of range and a body reporting to itself', async () => {
    await expect(
      sql`update bodies set default_meeting_minutes = 10 where slug = 'panel'`.execute(handle.db),
    ).rejects.toThrow()
    await expect(
      sql`insert into body_parents (body_id, parent_id) select id, id from bodies where slug = 'panel'`.execute(
        handle.db,
      ),
    ).rejects.toThrow()
  })
})
