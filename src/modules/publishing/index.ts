import type { Db } from '#src/database.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'
import { publishingRoutes } from './routes.ts'

/** The public portal's own pages, search, feeds and the open-data API. */
export function createPublishing(deps: { db: Db; clock: Clock; bodies: BodiesService; meetings: MeetingsService }) {
  return { routes: publishingRoutes(deps) }
}
