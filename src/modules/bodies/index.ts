import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import { createBodiesRepository } from './repository.ts'
import { type BodyMeetingsProvider, type BodyPageSection, bodiesRoutes } from './routes.ts'
import { createBodiesService } from './service.ts'

export type { BodiesService } from './service.ts'
export type { BodyMeetingsProvider, BodyPageContext, BodyPageSection } from './routes.ts'
export { slugify } from './slug.ts'
export { BODY_KINDS } from './schema.ts'
export { type DemoBodies, demoBodiesSchema, hasBodies, loadDemoBodies } from './demo.ts'
export { MEMBERSHIP_ROLE_LABELS } from './membership.ts'

/** Bodies (committees, boards, panels), people and memberships. */
export function createBodies(deps: { db: Db; clock: Clock; audit: AuditReader }) {
  const repository = createBodiesRepository(deps.db)
  const service = createBodiesService({ db: deps.db, repository, clock: deps.clock })
  return {
    service,
    routes: (meetings: BodyMeetingsProvider, sections: BodyPageSection[] = []) =>
      bodiesRoutes({ service, audit: deps.audit, meetings, sections }),
  }
}
