import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import { createMeetingsRepository } from './repository.ts'
import { meetingsRoutes } from './routes.ts'
import { createMeetingsService } from './service.ts'

export type { MeetingsService } from './service.ts'

/** Meetings, agenda items, reports and appendices, minutes. */
export function createMeetings(deps: { db: Db; clock: Clock; audit: AuditReader; bodies: BodiesService }) {
  const repository = createMeetingsRepository(deps.db)
  const service = createMeetingsService({ db: deps.db, repository, clock: deps.clock, bodies: deps.bodies })
  return { service, routes: meetingsRoutes({ service }) }
}
