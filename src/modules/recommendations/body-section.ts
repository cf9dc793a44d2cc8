import type { BodyPageSection } from '#src/modules/bodies/index.ts'
import type { RecommendationsService } from './service.ts'

/**
 * "Recommendations needing attention" on the body page: open ones that are red, or whose target
 * date falls on or before the next meeting.
 */
export function recommendationsSection(service: RecommendationsService): BodyPageSection {
  return async (ctx, page) => {
    if (!page.nextMeeting) return null
    const byDate = page.nextMeeting.date
    const recommendations = await service.needingAttention(ctx, page.body.id, byDate)
    return {
      template: 'modules/recommendations/views/body-section.njk',
      data: { recommendations, byDate, bodySlug: page.body.slug },
    }
  }
}
