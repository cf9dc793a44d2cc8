import swagger from '@fastify/swagger'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { refuseInvalidInput } from '#src/platform/http/api-errors.ts'
import {
  apiDate,
  apiId,
  apiList,
  apiPageQuery,
  invalidQueryResponse,
  jsonResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import { BODY_KINDS } from '#src/modules/bodies/index.ts'
import { openApiOptions } from './openapi.ts'
import type { PublishingService } from './service.ts'

const bodySchema = z
  .strictObject({
    id: apiId.describe('Use as `body` in /api/v1/meetings and /calendar.ics'),
    slug: z.string().meta({ examples: ['children-and-young-peoples-scrutiny-committee'] }),
    name: z.string().meta({ examples: ["Children and Young People's Scrutiny Committee"] }),
    kind: z.enum(BODY_KINDS),
    remit: z.string().describe('What the body does, as plain text; may be empty'),
    parentId: apiId.nullable().describe('The body it reports to; null for none. /api/v1/bodies/{id} gives its members'),
    foundingDate: apiDate.nullable().describe('When it was established; null when not recorded'),
    dissolutionDate: apiDate.nullable().describe('When it was dissolved; null while it meets'),
    url: sitePath('The body’s page on this site').meta({
      examples: ['/bodies/children-and-young-peoples-scrutiny-committee'],
    }),
  })
  .meta({ id: 'Body' })

/**
 * The open data API under /api/v1: the bodies, every other module's part (`parts`, each a plugin of
 * routes that declare zod schemas) and the OpenAPI document made from those schemas. Registered as
 * one plugin so the document holds these routes and no page of the site, and so a query a schema
 * refuses answers JSON.
 */
export function publishingApi(deps: { service: PublishingService; parts: FastifyPluginAsync[] }) {
  return async function (app: FastifyInstance) {
    await app.register(swagger, openApiOptions)
    app.setErrorHandler(refuseInvalidInput)
    const api = app.withTypeProvider<ZodTypeProvider>()

    api.get(
      '/api/v1/bodies',
      {
        schema: {
          operationId: 'listBodies',
          summary: 'The council, its executive, committees, panels, task and finish groups and boards',
          tags: ['Bodies'],
          querystring: apiPageQuery,
          response: {
            200: jsonResponse(apiList('bodies', bodySchema), 'Every body, by name'),
            400: invalidQueryResponse(),
          },
        },
      },
      async (request, reply) => {
        const { items, ...page } = request.openDataPage(await deps.service.bodiesForApi(request.ctx))
        reply.header('cache-control', 'public, max-age=60')
        return { ...page, bodies: items }
      },
    )

    api.get('/api/v1/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      return app.swagger()
    })

    for (const part of deps.parts) await app.register(part)
  }
}
