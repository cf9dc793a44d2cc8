import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Context } from '#src/platform/auth/user.ts'
import { invalidQuery } from '#src/platform/http/api-errors.ts'
import { monthQuerySchema } from './schema.ts'
import type { WaitingListsService } from './service.ts'

/** GET /api/v1/waiting-lists?month=YYYY-MM: each service's month-end figures (the latest month by default). */
export function waitingListsApi(deps: { service: WaitingListsService }) {
  const publicContext = (request: FastifyRequest): Context => ({ user: null, requestId: request.id })

  return async function (app: FastifyInstance) {
    app.get('/api/v1/waiting-lists', async (request, reply) => {
      const parsed = monthQuerySchema.safeParse(request.query ?? {})
      if (!parsed.success) {
        return reply.code(400).send(invalidQuery(parsed.error.issues))
      }
      const dashboard = await deps.service.forApi(publicContext(request), parsed.data.month)
      reply.header('cache-control', 'public, max-age=60')
      return {
        month: dashboard.month,
        services: dashboard.services.map((service) => {
          const figures = service.figures
          return {
            slug: service.slug,
            name: service.name,
            provider: service.provider || null,
            url: `/waiting-lists/${service.slug}`,
            recorded: figures !== null,
            referralsWaiting: figures?.referralsWaiting ?? null,
            over18Weeks: figures?.over18Weeks ?? null,
            over52Weeks: figures?.over52Weeks ?? null,
            over78Weeks: figures?.over78Weeks ?? null,
            averageWeeks: figures?.averageWeeks ?? null,
            longestWeeks: figures?.longestWeeks ?? null,
            shareOver18Weeks: figures?.shareOver18Weeks ?? null,
            referralsWaitingChange: figures?.changes.referralsWaiting?.delta ?? null,
            source: figures?.source || null,
          }
        }),
      }
    })
  }
}
