import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '../index.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { type SourceOf, noSources } from '#src/platform/provenance/source.ts'
import { minutesApi } from './api.ts'
import { createMinutesRepository } from './repository.ts'
import type { TrackedResolutions } from './recording-request.ts'
import { minutesRoutes } from './routes.ts'
import { type MinutesService, createMinutesService } from './service.ts'

export type { MinutesRecord, MinutesService } from './service.ts'
export { minutesPath } from './service.ts'
export { minutesPaper, minutesTitle } from './paper.ts'
export { personRecordSection } from './person-record.ts'
export { mayReadMinutes } from './visibility.ts'
export { type DemoMinutes, demoMeetingMinutesSchema, demoMinutesSchema, loadDemoMinutes } from './demo.ts'

/**
 * Minutes: attendance, declarations of interest, item minutes and resolutions; draft → published →
 * approved at a later meeting. `routes` are the pages, `api` the open data (/api/v1/meetings).
 */
const noneTracked: TrackedResolutions = () => Promise.resolve(new Map<string, { href: string; text: string }>())

export function createMinutes(deps: {
  db: Db
  clock: Clock
  audit: AuditReader
  bodies: BodiesService
  /** The council's name, printed as the author of the minutes ("Oversight" while none is given). */
  councilName?: (ctx: Context) => Promise<string>
  /** Where an imported meeting came from, in the API. */
  sources?: SourceOf
  /** Keep what the meeting's pages read alike until the data changes (request-reads.ts). */
  readsAcrossRequests?: boolean
  /** Which resolutions the tracker follows; asked when a page is shown, as the recommendations module comes after. */
  trackedResolutions?: () => TrackedResolutions
  meetings: Pick<
    MeetingsService,
    | 'recordItemMinute'
    | 'venueChangesOf'
    | 'supplementsOf'
    | 'questionsOf'
    | 'motionsOf'
    | 'votesOf'
    | 'recordedVotesOf'
    | 'speakersOf'
    | 'questionsFor'
    | 'speakersFor'
    | 'itemDocumentsOf'
    | 'freezeMinutes'
    | 'withdrawMinutesPapers'
    | 'keptMinutes'
  >
}): ApiModule<MinutesService> {
  const repository = createMinutesRepository(deps.db)
  const { db, clock, bodies, meetings } = deps
  const trackedResolutions: TrackedResolutions = (ctx, ids) => (deps.trackedResolutions?.() ?? noneTracked)(ctx, ids)
  const service = createMinutesService({
    db,
    repository,
    clock,
    bodies,
    meetings,
    trackedResolutions,
    councilName: deps.councilName,
    readsAcrossRequests: deps.readsAcrossRequests,
  })
  return {
    service,
    routes: minutesRoutes({ service, audit: deps.audit, bodies: deps.bodies, trackedResolutions }),
    api: minutesApi({ service, sources: deps.sources ?? noSources }),
  }
}
