import type { FastifyInstance } from 'fastify'
import type { PublishingService } from './service.ts'

/** JSON open data: the bodies, and the OpenAPI description of the whole API. */
export function publishingApi(deps: { service: PublishingService; openApi: object }) {
  const document = deps.openApi

  return async function (app: FastifyInstance) {
    app.get('/api/v1/bodies', async (request, reply) => {
      const bodies = await deps.service.bodiesForApi(request.ctx)
      reply.header('cache-control', 'public, max-age=60')
      return { bodies }
    })

    app.get('/api/v1/openapi.json', async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      return document
    })
  }
}
