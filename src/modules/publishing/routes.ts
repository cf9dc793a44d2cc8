import type { FastifyInstance } from 'fastify'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'

const views = 'modules/publishing/views'

export function publishingRoutes(deps: { bodies: BodiesService; meetings: MeetingsService }) {
  return async function (app: FastifyInstance) {
    app.get('/', async (request, reply) => {
      const [bodies, calendar] = await Promise.all([deps.bodies.listBodies(request.ctx), deps.meetings.calendar(request.ctx)])
      return reply.page(`${views}/home.njk`, { bodies, upcoming: calendar.upcoming.slice(0, 5), recent: calendar.past.slice(0, 5) })
    })
  }
}
