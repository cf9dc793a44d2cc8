import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import { minutesApi } from './api.ts'
import { createMinutesRepository } from './repository.ts'
import { minutesRoutes } from './routes.ts'
import { createMinutesService } from './service.ts'

export type { MinutesRecord, MinutesService } from './service.ts'
export { minutesPath } from './service.ts'
export { type DemoMinutes, demoMeetingMinutesSchema, demoMinutesSchema, loadDemoMinutes } from './demo.ts'

/**
 * Minutes: attendance, declarations of interest, item minutes and resolutions; draft → published →
 * approved at a later meeting. `routes` are the pages, `api` the open data (/api/v1/meetings).
 */
export function createMinutes(deps: { db: Db; clock: Clock; audit: AuditReader; bodies: BodiesService }) {
  const repository = createMinutesRepository(deps.db)
  const service = createMinutesService({ db: deps.db, repository, clock: deps.clock, bodies: deps.bodies })
  return {
    service,
    routes: minutesRoutes({ service, audit: deps.audit, bodies: deps.bodies }),
    api: minutesApi({ service }),
  }
}
