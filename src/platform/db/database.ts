import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { cp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, type Logger, PostgresDialect, type Transaction } from 'kysely'
import { announceChange, announceChangesOf } from './change-feed.ts'
import { TYPE_PARSERS } from './column-types.ts'
import { dataChanged } from './data-version.ts'
import { PgliteDialect } from './pglite-dialect.ts'
import { pgliteWasm } from './pglite-wasm.ts'

export type DatabaseKind = 'pglite' | 'postgres'

/** What opening a database may be told beyond where it is: `log` sees every statement, BEGIN and COMMIT included. */
export interface OpenOptions {
  log?: Logger
}

/**
 * A handle on the database whatever its tables: migrations, backup and restore work below the app's
 * schema, on tables of any version.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Migrator takes exactly this
export type AnyDb = Kysely<any>

export interface DatabaseHandle<DB> {
  db: Kysely<DB>
  kind: DatabaseKind
  close(): Promise<void>
}

/** The installed PGlite's version, to key its snapshot (its package.json is not exported). */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
  while (!existsSync(join(dir, 'package.json')) && dir !== dirname(dir)) dir = dirname(dir)
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
}
const PGLITE_VERSION = pgliteVersion()

const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })]

/**
 * PostgreSQL's shared buffers are memory PGlite clears as it starts: about 10 ms a megabyte, 0.6 s of
 * each start at PostgreSQL's default of 128 MB. Enough to hold the council's database is enough: pages
 * beyond it come from the files, which the operating system keeps in memory, one call each. A council
 * too large for that runs on PostgreSQL (ADR 21).
 */
const startParams = (sharedBuffers: string) => [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`]
/** In memory (the tests, the bench): the demo's every table and index. */
const IN_MEMORY_BUFFERS = '32MB'

/**
 * Shared buffers for a database of `bytes` on disk: its size rounded up to the next 16 MB, from 16 MB
 * (the demo is 13 MB) to PostgreSQL's default of 128 MB.
 */
export function sharedBuffersFor(bytes: number): string {
  const step = 16
  const megabytes = Math.ceil(bytes / 2 ** 20 / step) * step
  return `${Math.min(128, Math.max(step, megabytes))}MB`
}

/** The size on disk of the cluster's largest database (the council's; the others are PostgreSQL's templates). */
function largestDatabaseBytes(folder: string): number {
  const base = join(folder, 'base')
  let largest = 0
  for (const database of existsSync(base) ? readdirSync(base, { withFileTypes: true }) : []) {
    if (!database.isDirectory()) continue
    let bytes = 0
    for (const file of readdirSync(join(base, database.name), { withFileTypes: true }))
      if (file.isFile()) bytes += statSync(join(base, database.name, file.name)).size
    largest = Math.max(largest, bytes)
  }
  return largest
}

/**
 * A freshly initialised, empty cluster, kept as a tarball in the system's temp folder: initdb costs
 * seconds under WebAssembly, loading the tarball well under one. A new data folder starts from it too,
 * so only one file this user alone could have written is used: one that anyone else could have put
 * there is not trusted with the council's data.
 */
async function emptyClusterSnapshot(): Promise<Blob> {
  const file = join(tmpdir(), `oversight-pglite-${PGLITE_VERSION}.tar`)
  const trusted = await stat(file).then(
    (s) => s.isFile() && (s.mode & 0o022) === 0 && (process.getuid === undefined || s.uid === process.getuid()),
    () => false,
  )
  if (trusted) return new Blob([await readFile(file)])
  const fresh = await PGlite.create({
    pgliteWasmModule: await pgliteWasm(),
    parsers: TYPE_PARSERS,
    startParams: startParams(IN_MEMORY_BUFFERS),
  })
  const dump = await fresh.dumpDataDir('none')
  await fresh.close()
  const partial = `${file}.${process.pid}`
  // Another user's file in a shared temp folder cannot be replaced: this process uses its own dump.
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o644 })
    .then(() => rename(partial, file))
    .catch(() => rm(partial, { force: true }))
  return dump
}

/**
 * The migrated, empty cluster that `npm run build` leaves beside the compiled code (dist/cluster; none
 * beside the TypeScript). A new data folder starts as a copy of it: a fraction of a second, where
 * loading the empty cluster's snapshot and applying every migration takes seconds.
 */
export const CLUSTER_TEMPLATE = fileURLToPath(new URL('../../cluster', import.meta.url))

/**
 * A new data folder's cluster: a copy of the build's migrated template when there is one, copied beside
 * the folder and then renamed, so that a copy cut short leaves no half a cluster to start from.
 */
async function startCluster(folder: string): Promise<Blob | undefined> {
  if (!existsSync(join(CLUSTER_TEMPLATE, 'PG_VERSION'))) return emptyClusterSnapshot()
  const partial = `${folder}.partial`
  await rm(partial, { recursive: true, force: true })
  await cp(CLUSTER_TEMPLATE, partial, { recursive: true })
  await rm(folder, { recursive: true, force: true })
  await rename(partial, folder)
  return undefined
}

export interface PgliteHandle<DB> extends DatabaseHandle<DB> {
  /** The cluster as it stands, as a tarball that `openPglite(undefined, snapshot)` opens a copy of. */
  dump(): Promise<Blob>
}

/**
 * An embedded PostgreSQL (PGlite) in `dataDir`, or in memory when dataDir is undefined: empty, or a
 * copy of `snapshot` (a tarball from `dump`).
 */
export async function openPglite<DB>(
  dataDir?: string,
  snapshot?: Blob,
  options: OpenOptions = {},
): Promise<PgliteHandle<DB>> {
  let client: PGlite
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true })
    const folder = join(dataDir, 'pglite')
    // A new folder starts from the build's template or the empty cluster's snapshot, never running initdb.
    const loadDataDir = existsSync(join(folder, 'PG_VERSION')) ? undefined : await startCluster(folder)
    // A cluster still to be loaded from a snapshot is empty: the least.
    const buffers = sharedBuffersFor(loadDataDir ? 0 : largestDatabaseBytes(folder))
    client = await PGlite.create({
      dataDir: folder,
      loadDataDir,
      pgliteWasmModule: await pgliteWasm(),
      parsers: TYPE_PARSERS,
      startParams: startParams(buffers),
    })
  } else {
    client = await PGlite.create({
      loadDataDir: snapshot ?? (await emptyClusterSnapshot()),
      pgliteWasmModule: await pgliteWasm(),
      parsers: TYPE_PARSERS,
      startParams: startParams(IN_MEMORY_BUFFERS),
    })
  }
  const db = new Kysely<DB>({ dialect: new PgliteDialect(client), plugins, log: options.log })
  return {
    db,
    kind: 'pglite',
    dump: () => client.dumpDataDir('none'),
    async close() {
      await db.destroy() // the dialect closes PGlite too
      if (!client.closed) await client.close()
    },
  }
}

/**
 * A pool on a real PostgreSQL server. pg is loaded on the first query, so that a process on the
 * embedded database never loads it.
 */
export function openPostgres<DB>(connectionString: string, max = 10, options: OpenOptions = {}): DatabaseHandle<DB> {
  const pool = async () => {
    const { pg, PreparingClient } = await import('./preparing-client.ts')
    return new pg.Pool({ connectionString, max, Client: PreparingClient })
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins, log: options.log })
  return {
    db,
    kind: 'postgres',
    async close() {
      await db.destroy()
    },
  }
}

/**
 * The database of `npm start` and the commands. On PostgreSQL, what they commit is announced to the
 * servers sharing it (change-feed.ts), so that none keeps serving what a command has changed.
 */
export async function openDatabase<DB>(options: {
  databaseUrl?: string
  dataDir: string
}): Promise<DatabaseHandle<DB>> {
  if (!options.databaseUrl) return openPglite<DB>(options.dataDir)
  const handle = openPostgres<DB>(options.databaseUrl)
  announceChangesOf(handle.db)
  return handle
}

/** Runs `work` in one transaction: everything it writes, audit events included, lands together or not at all. */
export async function withTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const result = await db.transaction().execute(async (trx) => {
    const done = await work(trx)
    // Other processes on the same PostgreSQL hear of it when it commits (change-feed.ts).
    await announceChange(db, trx)
    return done
  })
  dataChanged()
  return result
}
