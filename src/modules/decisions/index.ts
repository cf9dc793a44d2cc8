import type { FastifyInstance } from 'fastify'
import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { WorkProgrammeService } from '#src/modules/workprogramme/index.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { decisionsApi } from './api.ts'
import { createCallInsRepository } from './call-ins/repository.ts'
import { callInsRoutes } from './call-ins/routes.ts'
import { createCallInsService } from './call-ins/service.ts'
import { createForwardPlanRepository } from './forward-plan/repository.ts'
import { forwardPlanRoutes } from './forward-plan/routes.ts'
import { type ForwardPlanDeps, type ForwardPlanService, createForwardPlanService } from './forward-plan/service.ts'
import { createDecisionsRepository } from './repository.ts'
import { decisionsRoutes } from './routes.ts'
import { type BodyMeetings, type DecisionSettings, type DecisionsService, createDecisionsService } from './service.ts'

export type { DecisionsTables } from './tables.ts'

export type { DecisionsService } from './service.ts'
export type { ForwardPlanService } from './forward-plan/service.ts'

/** The register and the forward plan, each with its own service. */
export interface DecisionsModuleService {
  decisions: DecisionsService
  forwardPlan: ForwardPlanService
}
export { type CallInRule, callInDeadline } from './call-in-deadline.ts'
export { decisionSlug } from './decision-number.ts'
export { type DemoDecisions, demoDecisionsSchema, loadDemoDecisions } from './demo.ts'

export { decisionsSection, forwardPlanSection } from './body-sections.ts'
export { type BodyDecisionsPaperOptions, bodyDecisionsPaper } from './decisions-paper.ts'
export { type ForwardPlanPaperOptions, forwardPlanPaper } from './forward-plan/plan-paper.ts'
/**
 * Decisions of the executive, cabinet members, committees and officers (the register, call-ins,
 * documents with exempt parts, the Atom feed, a committee's view since its last meeting) and the
 * forward plan of key decisions, whose items a committee can take onto its work programme for
 * pre-decision scrutiny.
 */
export function createDecisions(deps: {
  db: Db
  clock: Clock
  audit: AuditReader
  bodies: BodiesService
  meetings: BodyMeetings
  workProgramme: WorkProgrammeService
  /** The council's call-in rule and the look of its references (the settings module). */
  settings: DecisionSettings & ForwardPlanDeps['settings']
  /** The site's public address, for the Atom feed's absolute links. */
  baseUrl: string
  readsAcrossRequests?: boolean
}): ApiModule<DecisionsModuleService> {
  const repository = createDecisionsRepository(deps.db)
  const callInsRepository = createCallInsRepository(deps.db)
  const service = createDecisionsService({ ...deps, repository, callIns: callInsRepository })
  const callIns = createCallInsService({ ...deps, repository: callInsRepository, decisions: repository })
  const forwardPlan = createForwardPlanService({
    db: deps.db,
    repository: createForwardPlanRepository(deps.db),
    decisions: repository,
    bodies: deps.bodies,
    workProgramme: deps.workProgramme,
    settings: deps.settings,
    readsAcrossRequests: deps.readsAcrossRequests,
  })
  return {
    service: { decisions: service, forwardPlan },
    routes: async (app: FastifyInstance) => {
      await app.register(decisionsRoutes({ service, audit: deps.audit, baseUrl: deps.baseUrl }))
      await app.register(
        forwardPlanRoutes({ service: forwardPlan, audit: deps.audit, today: () => deps.clock.today() }),
      )
      await app.register(callInsRoutes({ service: callIns }))
    },
    api: decisionsApi({ decisions: service, forwardPlan }),
  }
}
