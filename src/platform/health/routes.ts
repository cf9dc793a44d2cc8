import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { Db } from '#src/database.ts'

export function healthRoutes(deps: { db: Db; kind: string; version: string }) {
  return async function (app: FastifyInstance) {
    app.get('/ping', async () => ({ status: 'ok' }))
    /** 200 when the database answers a round trip, 503 otherwise. */
    app.get('/health', async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.db)
        return { status: 'ok' }
      } catch {
        return reply.code(503).send({ status: 'unavailable' })
      }
    })
    app.get('/info', async () => ({ name: 'oversight', version: deps.version, database: deps.kind }))
  }
}
