import type { FastifyInstance } from 'fastify'
import type { MeetingsService } from './service.ts'

const views = 'modules/meetings/views'

export function meetingsRoutes(deps: { service: MeetingsService }) {
  return async function (app: FastifyInstance) {
    app.get('/meetings', async (request, reply) => {
      const calendar = await deps.service.calendar(request.ctx)
      return reply.page(`${views}/calendar.njk`, { calendar })
    })
  }
}
