import type { Context } from '#src/platform/auth/user.ts'
import type { MinutesService } from '#src/modules/meetings/minutes/index.ts'
import { minutesPath } from '#src/modules/meetings/minutes/index.ts'

/** What the tracker needs of the minutes module's service. */
export type MinutesReader = Pick<MinutesService, 'listMeetings' | 'findResolution' | 'sourceInMinutes'>

/** A resolution in the minutes, with the meeting and agenda item it belongs to. */
export interface ResolutionSource {
  id: string
  number: number
  text: string
  meeting: { id: string; slug: string; date: string; bodyId: string }
  item: { id: string; number: string | null; position: number; title: string }
  /** Of an item exempt under Schedule 12A: its words must not reach the public tracker. */
  exempt: boolean
}

/** Where a recommendation was made, as this viewer may see it. */
export interface SourceView {
  meeting: { slug: string; date: string; url: string }
  /** The item in the published minutes (`…/minutes#item-N`, N its place), or null when the viewer may not see it. */
  item: { number: string | null; title: string; url: string } | null
  resolutionNumber: number | null
}

/** Finding resolutions through the minutes service, which applies its rules on drafts and exempt items. */
export function createResolutionFinder(minutes: MinutesReader) {
  return {
    /** The resolution as this viewer may see it, if it is in the minutes (of the body with `bodyId`, when given). */
    async find(ctx: Context, resolutionId: string, bodyId?: string): Promise<ResolutionSource | null> {
      const found = await minutes.findResolution(ctx, resolutionId)
      if (!found || (bodyId && found.meeting.bodyId !== bodyId)) return null
      const { exempt, ...item } = found.item
      return { ...found, item, exempt }
    },

    /** The source meeting, item and resolution of a recommendation, as far as this viewer may see them. */
    async sourceOf(
      ctx: Context,
      recommendation: { meetingId: string | null; agendaItemId: string | null; resolutionId: string | null },
    ): Promise<SourceView | null> {
      if (!recommendation.meetingId) return null
      // A source meeting since deleted reads as no source.
      const found = await minutes.sourceInMinutes(ctx, { ...recommendation, meetingId: recommendation.meetingId })
      if (!found) return null
      const { slug, date } = found.meeting
      return {
        meeting: { slug, date, url: `/meetings/${slug}` },
        item: found.item
          ? {
              number: found.item.number,
              title: found.item.title,
              url: `${minutesPath(slug)}#item-${found.item.position}`,
            }
          : null,
        resolutionNumber: found.resolution?.number ?? null,
      }
    },

    /** The body's meetings, latest first, for choosing where a recommendation added by hand was made. */
    async meetingsOfBody(ctx: Context, bodyId: string) {
      const meetings = await minutes.listMeetings(ctx, { bodyId })
      return meetings.map((m) => ({ id: m.id, date: m.date, slug: m.slug })).reverse()
    },
  }
}

export type ResolutionFinder = ReturnType<typeof createResolutionFinder>
