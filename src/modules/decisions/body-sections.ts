import type { BodyPageSection } from '#src/modules/bodies/index.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import type { ForwardPlanService } from './forward-plan/service.ts'
import type { DecisionsService } from './service.ts'

/** "Decisions since the last meeting" on a committee's page (not on the Executive's own). */
export function decisionsSection(service: DecisionsService): BodyPageSection {
  return async (ctx, page) => {
    if (!page.nextMeeting) return null
    const view = await service.forBody(ctx, page.body.slug)
    return { template: 'modules/decisions/views/body-section.njk', data: view }
  }
}

/** "Forward plan": the latest plan's key decisions, for the committee to choose what to scrutinise. */
export function forwardPlanSection(service: ForwardPlanService): BodyPageSection {
  return async (ctx, page) => {
    if (!page.nextMeeting) return null
    try {
      const { plan, items } = await service.newestPlan(ctx)
      return { template: 'modules/decisions/forward-plan/views/body-section.njk', data: { plan, items } }
    } catch (error) {
      if (error instanceof NotFoundError) return null
      throw error
    }
  }
}
