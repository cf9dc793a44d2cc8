import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { improvementApi } from './api.ts'
import { createRecordsRepository } from './records-repository.ts'
import { createImprovementRepository } from './repository.ts'
import { improvementRoutes } from './routes.ts'
import { type ImprovementService, createImprovementService } from './service.ts'

export type { ImprovementTables } from './tables.ts'

export type { ImprovementService } from './service.ts'
export {
  type ProgressPaper,
  type ProgressPaperOptions,
  createProgressPaper,
  progressAppendix,
} from './progress-paper.ts'
export { type DemoImprovement, demoImprovementSchema, loadDemoImprovement } from './demo.ts'
export { FINDING_KINDS, INSPECTION_KINDS, JUDGEMENTS, MILESTONE_STATUSES } from './tables.ts'

/**
 * Inspections and improvement plans, the golden thread: each finding, the actions that answer
 * it, their milestones and dated updates, with RAG, staleness, roll-ups and coverage.
 */
export function createImprovement(deps: {
  db: Db
  clock: Clock
  audit: AuditReader
  readsAcrossRequests?: boolean
}): ApiModule<ImprovementService> {
  const repository = createImprovementRepository(deps.db)
  const records = createRecordsRepository(deps.db)
  const service = createImprovementService({
    db: deps.db,
    repository,
    records,
    clock: deps.clock,
    readsAcrossRequests: deps.readsAcrossRequests,
  })
  return {
    service,
    routes: improvementRoutes({ service, audit: deps.audit }),
    api: improvementApi({ service }),
  }
}
