import type { BodyPageSection } from '#src/modules/bodies/index.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { WorkProgrammeService } from './service.ts'

/** "Work programme for the next two meetings" on the body page. */
export function workProgrammeSection(service: WorkProgrammeService, clock: Clock): BodyPageSection {
  return async (ctx, page) => {
    if (!page.nextMeeting) return null
    const { items } = await service.programme(ctx, page.body.slug, { agendaLinks: false })
    const today = clock.today()
    const dates = [
      ...new Set(
        items.flatMap((item) =>
          item.schedule.type === 'meeting' && item.schedule.meeting.date >= today ? [item.schedule.meeting.date] : [],
        ),
      ),
    ]
      .sort()
      .slice(0, 2)
    const meetings = dates.map((date) => {
      const planned = items.filter((item) => item.schedule.type === 'meeting' && item.schedule.meeting.date === date)
      return { date, schedule: planned[0].schedule, items: planned }
    })
    return { template: 'modules/workprogramme/views/body-section.njk', data: { meetings, bodySlug: page.body.slug } }
  }
}
