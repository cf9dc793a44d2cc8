import type { FastifyPluginAsync } from 'fastify'
import type { Db } from '#src/database.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { publishingApi } from './api.ts'
import { publishingRoutes } from './routes.ts'
import { createSearchRepository } from './search/repository.ts'
import { type PublishingService, createPublishingService } from './service.ts'

export type { PublishingService } from './service.ts'

/**
 * The public portal's own pages, search, the iCal feeds and the open data API: `api` serves the
 * bodies and the OpenAPI document, and registers `apis`, the other modules' parts of /api/v1.
 */
export function createPublishing(deps: {
  db: Db
  clock: Clock
  bodies: BodiesService
  meetings: MeetingsService
  /** The site's public address, for the feeds' absolute links. */
  baseUrl: string
  apis: FastifyPluginAsync[]
}): ApiModule<PublishingService> {
  const service = createPublishingService({
    clock: deps.clock,
    bodies: deps.bodies,
    meetings: deps.meetings,
    search: createSearchRepository(deps.db),
  })
  return {
    service,
    routes: publishingRoutes({ service, baseUrl: deps.baseUrl }),
    api: publishingApi({ service, parts: deps.apis }),
  }
}
