import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { type DatabaseHandle, openPglite } from '#src/platform/db/database.ts'
import { migrateToJustBefore, migrateToLatest } from '#src/platform/db/migrate.ts'

/** A database kept before public speakers keeps its items, none saying anything of the public. */
describe('migration 0029: public speakers', () => {
  let handle: DatabaseHandle<Database>

  beforeAll(async () => {
    handle = await openPglite<Database>()
    await migrateToJustBefore(handle.db, '2024-01-12-0029-public-speakers')
    await sql`insert into bodies (slug, name, kind) values ('panel', 'Panel', 'panel')`.execute(handle.db)
    await sql`insert into meetings (slug, body_id, date, venue, status, notes)
      select '2024-02-08-panel', id, '2024-02-08', '', 'scheduled', '' from bodies`.execute(handle.db)
    await sql`insert into agenda_items (meeting_id, number, position, title, purpose, minute)
      select id, '3', 1, 'Public speaking', '', '' from meetings`.execute(handle.db)
    await migrateToLatest(handle.db)
  }, 120_000)
  afterAll(() => handle?.close())

  it('keeps an existing item as neither the public participation item nor saying no one asked to speak', async () => {
    const items = await handle.db
      .selectFrom('agendaItems')
      .select(['title', 'publicParticipation', 'noRequestsToSpeak'])
      .execute()
    expect(items).toEqual([{ title: 'Public speaking', publicParticipation: false, noRequestsToSpeak: false }])
  })

  it('refuses "no one asked to speak" on any item but the public participation item', async () => {
    const mark = (participation: boolean) =>
      sql`update agenda_items set public_participation = ${participation}, no_requests_to_speak = true`.execute(
        handle.db,
      )
    await expect(mark(false)).rejects.toThrow()
    await expect(mark(true)).resolves.toBeDefined()
  })

  it('refuses a speaker who spoke for more than two hours, or of another kind', async () => {
    const add = (position: number, kind: string, minutes: number) =>
      sql`insert into public_speakers (meeting_id, position, kind, minutes_spoken)
        select id, ${position}, ${kind}, ${minutes} from meetings`.execute(handle.db)
    await expect(add(1, 'deputation', 121)).rejects.toThrow()
    await expect(add(1, 'petitioner', 5)).rejects.toThrow()
    await expect(add(1, 'public speaker', 120)).resolves.toBeDefined()
  })
})
