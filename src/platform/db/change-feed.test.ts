import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { freePort, startServerProcess, stopServerProcess } from '../../../test/support/server-process.ts'
import type { Database } from '#src/database.ts'
import { startChangeFeed } from './change-feed.ts'
import { openDatabase, withTransaction } from './database.ts'

const MEETING = '/meetings/2024-01-25-children-and-young-peoples-scrutiny-committee'
const postgres = testDatabases().filter((database) => database.name === 'postgres')

/** Another Oversight process on the same PostgreSQL database, serving as `npm start` does, its page cache on. */
const startSecondProcess = (databaseUrl: string, port: number) =>
  startServerProcess(['--import', 'tsx', 'src/main.ts', 'serve'], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    OVERSIGHT_DEMO: '0',
    OVERSIGHT_TODAY: '2024-01-22',
    OVERSIGHT_COUNCIL_NAME: 'Blackpool Council',
    OVERSIGHT_PAGE_CACHE: '1',
    LOG_LEVEL: 'warn',
  })

/**
 * Two processes on one PostgreSQL database, each with its page cache on: a change committed in one
 * reaches the pages the other serves within a second, through LISTEN/NOTIFY.
 */
describe.skipIf(postgres.length === 0)('the page cache of several processes on one PostgreSQL', () => {
  let t: TestApp
  let second: ChildProcess | undefined
  let feed: Awaited<ReturnType<typeof startChangeFeed>> | undefined
  let port: number

  const fromSecond = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).text()
  /** The other process's page, asked for again until it holds `awaited` or a second has passed since now. */
  const fromSecondWithinASecond = async (path: string, awaited: string) => {
    const asked = Date.now()
    let page = ''
    while (Date.now() - asked < 1_000) {
      page = await fromSecond(path)
      if (page.includes(awaited)) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return page
  }

  beforeAll(async () => {
    t = await startTestApp(postgres[0], { publicCache: true })
    feed = await startChangeFeed(t.db, t.handle.url!, { warn: () => undefined })
    port = await freePort()
    second = await startSecondProcess(t.handle.url!, port)
  }, 120_000)
  afterAll(async () => {
    await stopServerProcess(second)
    await feed?.stop()
    await t?.close()
  })

  it('serves the other process’s cached page until a change is committed here, then the change within a second', async () => {
    expect(await fromSecond(MEETING)).toContain('Committee Room A, Town Hall')
    // A write behind the app's back is announced to no one: the other process keeps serving its copy
    // (once its own work on starting, such as the update requests it sends, has committed).
    let stale = false
    for (let attempt = 1; attempt <= 40 && !stale; attempt += 1) {
      const venue = `Unannounced Room ${attempt}`
      await fromSecond(MEETING)
      await t.db.updateTable('meetings').set({ venue }).where('slug', '=', MEETING.slice(10)).execute()
      stale = !(await fromSecond(MEETING)).includes(venue)
      if (!stale) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(stale).toBe(true)

    const scrutiny = await t.as('scrutiny_officer')
    const changed = await scrutiny.post(`${MEETING}/edit`, {
      ...(await scrutiny.openForm(`${MEETING}/edit`)),
      venue: 'Council Chamber, Town Hall, Blackpool',
      venueChangeReason: 'The chamber is being repaired.',
    })
    expect(changed.statusCode).toBe(303)
    expect(await fromSecondWithinASecond(MEETING, 'Council Chamber')).toContain('Council Chamber, Town Hall, Blackpool')
  })

  it('shows the council’s new name on the other process’s pages within a second of an admin changing it', async () => {
    expect(await fromSecond('/')).toContain('Blackpool Council')
    const admin = await t.as('admin')
    const url = '/admin/settings/council-name'
    const changed = await admin.post(url, { ...(await admin.openForm(url)), councilName: 'Fylde Borough Council' })
    expect(changed.statusCode).toBe(303)
    // Pages rendered afresh there (a signed-in user's, say), and its cached public pages alike.
    expect(await fromSecondWithinASecond('/', 'Fylde Borough Council')).toContain('Fylde Borough Council')
    expect(await fromSecond(MEETING)).toContain('Fylde Borough Council')
  })

  it('hears what a command commits (its own process, not listening), within a second', async () => {
    expect(await fromSecond(MEETING)).toContain('Council Chamber, Town Hall, Blackpool')
    // As `npm run import` or `npm run create-admin` open it.
    const command = await openDatabase<Database>({ databaseUrl: t.handle.url!, dataDir: '' })
    try {
      await withTransaction(command.db, (trx) =>
        trx.updateTable('meetings').set({ venue: 'Imported Room' }).where('slug', '=', MEETING.slice(10)).execute(),
      )
    } finally {
      await command.close()
    }
    expect(await fromSecondWithinASecond(MEETING, 'Imported Room')).toContain('Imported Room')
  })
})
