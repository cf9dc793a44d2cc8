import type { FastifyInstance } from 'fastify'
import type { Db } from '#src/database.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'
import { publishingApi } from './api.ts'
import { OPEN_DATA_API, type OpenApiFragment, openApiDocument } from './openapi.ts'
import { publishingRoutes } from './routes.ts'
import { createSearchRepository } from './search/repository.ts'
import { createPublishingService } from './service.ts'

export type { PublishingService } from './service.ts'
export type { OpenApiFragment } from './openapi.ts'

/**
 * The public portal's own pages, search, the iCal feeds and the open-data API (bodies, OpenAPI).
 * `openApi`: other modules' descriptions of the API paths they serve, added to the OpenAPI document.
 */
export function createPublishing(deps: {
  db: Db
  clock: Clock
  bodies: BodiesService
  meetings: MeetingsService
  /** The site's public address, for the feeds' absolute links. */
  baseUrl: string
  openApi?: OpenApiFragment[]
}) {
  const service = createPublishingService({
    clock: deps.clock,
    bodies: deps.bodies,
    meetings: deps.meetings,
    search: createSearchRepository(deps.db),
  })
  return {
    service,
    /** The pages, the feeds and the JSON API together: app.ts registers `routes` alone. */
    routes: async (app: FastifyInstance) => {
      await app.register(publishingRoutes({ service, baseUrl: deps.baseUrl }))
      await app.register(
        publishingApi({ service, openApi: openApiDocument([...OPEN_DATA_API, ...(deps.openApi ?? [])]) }),
      )
    },
  }
}
