import type { FastifyInstance } from 'fastify'
import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { SessionStore } from '#src/platform/auth/sessions.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'

/** User accounts, roles and the audit-trail viewer, for admins. */
export function createAccounts(_deps: { db: Db; audit: AuditReader; sessions: SessionStore; bodies: BodiesService }) {
  return { routes: async (_app: FastifyInstance) => {} }
}
