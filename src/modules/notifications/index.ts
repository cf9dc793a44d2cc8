import type { Db } from '#src/database.ts'
import type { Module } from '#src/platform/module.ts'
import type { FastifyInstance } from 'fastify'
import type { Context } from '#src/platform/auth/user.ts'
import { createAlertsRepository } from './alerts-repository.ts'
import { alertsRoutes } from './alerts-routes.ts'
import { createAlertsService } from './alerts.ts'
import { createNotificationsRepository } from './repository.ts'
import { notificationsRoutes } from './routes.ts'
import { type NotificationsDeps, createNotificationsService } from './service.ts'

export type { NotificationsTables } from './tables.ts'
export type { WantedUpdate } from './service.ts'
export { DEFAULT_UPDATE_REQUEST_DAYS } from './rules.ts'
export { startScheduler } from './scheduler.ts'

/**
 * Messages: the outbox admins read, the update requests sent before each meeting, and email alerts
 * anyone may ask for when a body publishes papers.
 */
export function createNotifications(
  deps: Omit<NotificationsDeps, 'repository'> & {
    db: Db
    bodyBySlug: (ctx: Context, slug: string) => Promise<{ id: string; name: string; slug: string }>
  },
) {
  const repository = createNotificationsRepository(deps.db)
  const alerts = createAlertsService({
    db: deps.db,
    alerts: createAlertsRepository(deps.db),
    outbox: repository,
    clock: deps.clock,
    baseUrl: deps.baseUrl,
    bodyBySlug: deps.bodyBySlug,
  })
  const service = { ...createNotificationsService({ ...deps, repository }), ...alerts }
  return {
    service,
    routes: async (app: FastifyInstance) => {
      await app.register(notificationsRoutes({ service }))
      await app.register(alertsRoutes({ alerts }))
    },
  } satisfies Module<typeof service>
}
