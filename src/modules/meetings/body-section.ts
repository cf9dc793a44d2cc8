import type { BodyPageSection } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from './index.ts'

/** "Next meeting": the agenda of the body's next meeting, redacted for the viewer, on the body page. */
export function nextAgendaSection(service: MeetingsService): BodyPageSection {
  return async (ctx, page) => {
    if (!page.nextMeeting) return null
    const agenda = await service.bodyMeetingAgenda(ctx, page.body.id, page.nextMeeting.slug)
    return { template: 'modules/meetings/views/body-section.njk', data: agenda }
  }
}
