import { randomUUID } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type pg from 'pg'
import { dataChanged } from './data-version.ts'

/** The PostgreSQL channel on which each committed change is announced to the other processes. */
export const CHANGES_CHANNEL = 'oversight_data_changed'

/** This process, in what it announces, so that it does not count its own changes twice. */
const PROCESS_ID = randomUUID()

/** How long to wait before listening again after the connection is lost. */
const RECONNECT_MS = 1_000

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app database
const announcing = new WeakSet<Kysely<any>>()

/**
 * Every transaction committed through `db` is announced from now on, whether or not this process
 * listens: a command (an import, a new admin) changes what a running server has cached.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app database
export function announceChangesOf(db: Kysely<any>): void {
  announcing.add(db)
}

/**
 * Announces a change in the transaction that makes it (withTransaction calls this): PostgreSQL delivers
 * the notification when, and only when, the transaction commits.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app database
export async function announceChange(db: Kysely<any>, trx: Kysely<any>): Promise<void> {
  if (announcing.has(db)) await sql`select pg_notify(${CHANGES_CHANNEL}, ${PROCESS_ID})`.execute(trx)
}

/**
 * Keeps this process's data version in step with the other processes sharing one PostgreSQL database
 * (LISTEN/NOTIFY): every transaction committed through `db` is announced, and each change another
 * process announces moves the data version here, so that the public page cache never serves a page
 * older than a change committed anywhere. A lost connection is listened for again, and counted as a
 * change, since changes may have been missed meanwhile.
 */
export async function startChangeFeed(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app database
  db: Kysely<any>,
  connectionString: string,
  log: { warn: (message: string) => void },
) {
  let client: pg.Client | undefined
  let stopped = false
  let retry: NodeJS.Timeout | undefined

  async function listen() {
    const { pg } = await import('./preparing-client.ts')
    const next = new pg.Client({ connectionString })
    next.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload !== PROCESS_ID) dataChanged()
    })
    next.on('error', (error) => {
      log.warn(`Lost the database connection that hears other processes' changes: ${error.message}`)
      void next.end().catch(() => undefined)
      if (client === next) client = undefined
      dataChanged()
      if (!stopped) retry = setTimeout(() => void listen().catch(again), RECONNECT_MS)
    })
    await next.connect()
    await next.query(`listen ${CHANGES_CHANNEL}`)
    client = next
  }
  const again = (error: Error) => {
    log.warn(`Could not listen for other processes' changes: ${error.message}`)
    dataChanged()
    if (!stopped) retry = setTimeout(() => void listen().catch(again), RECONNECT_MS)
  }

  await listen()
  announcing.add(db)
  return {
    async stop() {
      stopped = true
      clearTimeout(retry)
      announcing.delete(db)
      await client?.end()
    },
  }
}
