import { type AddressInfo, createServer } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '#src/app.ts'
import type { OidcSettings } from '#src/config.ts'
import type { Database } from '#src/database.ts'
import { createClock } from '#src/platform/clock.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { pglite } from '../../support/databases.ts'

export interface E2EServer {
  app: FastifyInstance
  handle: DatabaseHandle<Database>
  /** http://localhost:<port>: Chromium treats localhost as a secure context, so the __Host- cookies work. */
  baseUrl: string
  close(): Promise<void>
}

/**
 * The real app, in this process, on an in-memory PGlite with the demo data (a copy of the one the
 * test run prepared), listening on a random loopback port. The clock is pinned to the demo's
 * 22 January 2024; cookies are Secure and __Host- prefixed, exactly as in production.
 */
export async function startE2EServer(
  options: {
    today?: string
    /** A port to listen on (one known before the app is built); a random one by default. */
    port?: number
    /** Sign-in through an OpenID Connect provider (test/support/oidc-provider.ts). */
    oidc?: OidcSettings
    /** The key children's ids are pseudonymised with in the statutory returns: none unless given. */
    pseudonymKey?: string
  } = {},
): Promise<E2EServer> {
  // A copy of the demo database this test run prepared once, as the HTTP suites use.
  const handle = await pglite.openPrepared('demo')
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    clock: createClock(options.today ?? '2024-01-22'),
    cookieSecure: true,
    oidc: options.oidc,
    pseudonymKey: options.pseudonymKey,
    // A port known in advance makes the site's address, as OVERSIGHT_BASE_URL does: signing out returns there.
    baseUrl: options.port ? `http://localhost:${options.port}` : undefined,
  })
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return {
    app,
    handle,
    baseUrl: `http://localhost:${port}`,
    async close() {
      await app.close()
      await handle.close()
    },
  }
}

/** A loopback port free a moment ago: for an app whose address must be known before it is built. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * A second app on `server`'s database with the clock pinned to `today`: the same record seen on a
 * later (or earlier) day, for rules that depend on the date (RAG ratings, overdue). Closing it
 * leaves the database open for `server`.
 */
export async function startAppOnSameDatabase(server: E2EServer, today: string): Promise<E2EServer> {
  const app = await buildApp({
    db: server.handle.db,
    dbKind: server.handle.kind,
    clock: createClock(today),
    cookieSecure: true,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return {
    app,
    handle: server.handle,
    baseUrl: `http://localhost:${port}`,
    async close() {
      await app.close()
    },
  }
}
