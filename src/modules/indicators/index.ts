import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { indicatorsApi } from './api.ts'
import { createGroupsRepository } from './groups.ts'
import { createIndicatorsRepository } from './repository.ts'
import { indicatorsRoutes } from './routes.ts'
import {
  type IndicatorsImprovement,
  type IndicatorsService,
  type IndicatorsWorkProgramme,
  createIndicatorsService,
} from './service.ts'

export type { IndicatorsTables } from './tables.ts'

export type { IndicatorsService } from './service.ts'
export {
  type FrameworkPaper,
  type FrameworkPaperOptions,
  createFrameworkPaper,
  frameworkAppendix,
} from './framework-paper.ts'
export { type DemoIndicators, demoIndicatorsSchema, loadDemoIndicators } from './demo.ts'

/**
 * The outcomes framework: indicators by group with targets, actuals and benchmarks per period,
 * RAG against target and direction of travel, charts, analysts' forms, import and export.
 */
export function createIndicators(deps: {
  db: Db
  clock: Clock
  audit: AuditReader
  workProgramme: IndicatorsWorkProgramme
  improvement: IndicatorsImprovement
  readsAcrossRequests?: boolean
}): ApiModule<IndicatorsService> {
  const repository = createIndicatorsRepository(deps.db)
  const service = createIndicatorsService({
    db: deps.db,
    repository,
    groups: createGroupsRepository(deps.db),
    clock: deps.clock,
    workProgramme: deps.workProgramme,
    improvement: deps.improvement,
    readsAcrossRequests: deps.readsAcrossRequests,
  })
  return {
    service,
    routes: indicatorsRoutes({ service, audit: deps.audit }),
    api: indicatorsApi({ service }),
  }
}
