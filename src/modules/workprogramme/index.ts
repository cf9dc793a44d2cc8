import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { workProgrammeApi } from './api.ts'
import { createWorkProgrammeRepository } from './repository.ts'
import { workProgrammeRoutes } from './routes.ts'
import { type WorkProgrammeMeetings, type WorkProgrammeService, createWorkProgrammeService } from './service.ts'

export type { WorkProgrammeTables } from './tables.ts'

export type { LinkedItemInput, WorkProgrammeService } from './service.ts'
export { workProgrammePath } from './service.ts'
export { type DemoWorkProgramme, demoWorkProgrammeSchema, loadDemoWorkProgramme } from './demo.ts'
export { monthOrDateField, monthOrDateLabel, monthOrDateValues } from './month-or-date.ts'

export { workProgrammeSection } from './body-section.ts'
export { workProgrammePaper } from './programme-paper.ts'
/**
 * Each body's work programme: topics scheduled to meetings or months, scrutiny reviews, briefings and
 * training, with their origin and status; an agenda item can be made from an item scheduled to a meeting.
 */
export function createWorkProgramme(deps: {
  db: Db
  audit: AuditReader
  clock: Clock
  bodies: BodiesService
  meetings: WorkProgrammeMeetings
  readsAcrossRequests?: boolean
}): ApiModule<WorkProgrammeService> {
  const repository = createWorkProgrammeRepository(deps.db)
  const service = createWorkProgrammeService({
    db: deps.db,
    repository,
    bodies: deps.bodies,
    meetings: deps.meetings,
    readsAcrossRequests: deps.readsAcrossRequests,
  })
  return {
    service,
    routes: workProgrammeRoutes({ service, audit: deps.audit, clock: deps.clock }),
    api: workProgrammeApi({ service }),
  }
}
