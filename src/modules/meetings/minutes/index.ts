import type { FastifyInstance } from 'fastify'
import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'

/** Minutes: attendance, declarations, item minutes, resolutions; draft → published → approved. */
export function createMinutes(_deps: { db: Db; clock: Clock; audit: AuditReader; bodies: BodiesService }) {
  return { routes: async (_app: FastifyInstance) => {}, api: async (_app: FastifyInstance) => {} }
}
