import type { BodyPageSection } from '#src/modules/bodies/index.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { MunicipalYear } from '#src/platform/rules/municipal-year.ts'
import type { MeetingsService } from '../index.ts'
import { participationPerYear } from './per-year.ts'

/** What the section needs from outside the meetings module: the petitions, the council's year. */
export interface ParticipationSources {
  /** The days petitions were presented to the body, one entry a petition. */
  petitionsPresented(ctx: Context, bodyId: string): Promise<string[]>
  /** The council's municipal year of each date (a council setting). */
  municipalYears(ctx: Context): Promise<(date: string) => MunicipalYear>
}

/**
 * "Public participation" on a body's page: per municipal year, the public questions asked at its
 * meetings, the petitions presented to it and the motions moved, as far as the viewer may read
 * them. Nothing is shown for a body with none.
 */
export function participationSection(
  service: Pick<MeetingsService, 'participationOf'>,
  sources: ParticipationSources,
): BodyPageSection {
  return async (ctx, page) => {
    const [meetings, petitions, yearOf] = await Promise.all([
      service.participationOf(ctx, page.body.id),
      sources.petitionsPresented(ctx, page.body.id),
      sources.municipalYears(ctx),
    ])
    const years = participationPerYear([...meetings, ...petitions.map((date) => ({ date, petitions: 1 }))], yearOf)
    if (!years.length) return null
    return { template: 'modules/meetings/participation/views/body-section.njk', data: { years } }
  }
}
