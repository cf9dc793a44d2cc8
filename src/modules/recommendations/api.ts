import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Context } from '#src/platform/auth/user.ts'
import { invalidQuery } from '#src/platform/http/api-errors.ts'
import { apiQuerySchema } from './schema.ts'
import type { RecommendationView, RecommendationsService } from './service.ts'

/** Open data: the tracker as the public sees it, whoever asks. Updates carry no author account or email. */
export function recommendationsApi(deps: { service: RecommendationsService }) {
  const publicContext = (request: FastifyRequest): Context => ({ user: null, requestId: request.id })

  return async function (app: FastifyInstance) {
    app.get('/api/v1/recommendations', async (request, reply) => {
      const parsed = apiQuerySchema.safeParse(request.query ?? {})
      if (!parsed.success) {
        return reply.code(400).send(invalidQuery(parsed.error.issues))
      }
      const views = await deps.service.forApi(publicContext(request), parsed.data.body)
      reply.header('cache-control', 'public, max-age=60')
      return { recommendations: views.map(recommendationForApi) }
    })
  }
}

export function recommendationForApi(view: RecommendationView) {
  return {
    id: view.id,
    bodyId: view.bodyId,
    number: view.number,
    text: view.text,
    madeOn: view.madeOn,
    targetDate: view.targetDate,
    responsibleOfficer: view.responsibleOfficer?.name ?? null,
    status: view.status,
    completedOn: view.completedOn,
    rag: view.rag.rag,
    ragOverridden: view.rag.overridden,
    url: `/recommendations/${view.id}`,
    updates: view.updates.map((update) => ({ on: update.onDate, text: update.text })),
  }
}
