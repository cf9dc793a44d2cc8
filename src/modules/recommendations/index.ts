import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { recommendationsApi } from './api.ts'
import { createRecommendationsRepository } from './repository.ts'
import type { MinutesReader } from './resolution-source.ts'
import { recommendationsRoutes } from './routes.ts'
import { type RecommendationsService, createRecommendationsService } from './service.ts'

export type { RecommendationsTables } from './tables.ts'

export type { RecommendationsService, RecommendationView } from './service.ts'
export { type DemoRecommendations, demoRecommendationsSchema, loadDemoRecommendations } from './demo.ts'

export { recommendationsSection } from './body-section.ts'
export { type TrackerPaperOptions, trackerPaper } from './tracker-paper.ts'
/**
 * The recommendations tracker: the committee's recommendations (from a resolution in its minutes or
 * added by hand), dated updates, the computed RAG rating and the Executive's response.
 * `minutes` is the minutes module's service, through which resolutions are found.
 */
export function createRecommendations(deps: {
  db: Db
  clock: Clock
  audit: AuditReader
  bodies: BodiesService
  minutes: MinutesReader
  readsAcrossRequests?: boolean
}): ApiModule<RecommendationsService> {
  const repository = createRecommendationsRepository(deps.db)
  const service = createRecommendationsService({ ...deps, repository })
  return {
    service,
    routes: recommendationsRoutes({ service, audit: deps.audit, bodies: deps.bodies }),
    api: recommendationsApi({ service }),
  }
}
