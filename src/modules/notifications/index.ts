import type { Db } from '#src/database.ts'
import type { JobsModule } from '#src/platform/module.ts'
import type { FastifyInstance } from 'fastify'
import type { Context } from '#src/platform/auth/user.ts'
import { createAlertsRepository } from './alerts-repository.ts'
import { alertsRoutes } from './alerts-routes.ts'
import { createAlertsService } from './alerts.ts'
import { createJobQueue } from '#src/platform/jobs/index.ts'
import { type NotifySettings, notifyJobs } from './notify.ts'
import { createOutbox } from './outbox.ts'
import { createNotificationsRepository } from './repository.ts'
import { notificationsRoutes } from './routes.ts'
import { type NotificationsDeps, createNotificationsService } from './service.ts'

export type { NotificationsTables } from './tables.ts'
export type { WantedUpdate } from './service.ts'
export { DEFAULT_UPDATE_REQUEST_DAYS } from './rules.ts'
export { startScheduler } from './scheduler.ts'
export type { NotifySettings } from './notify.ts'
export { MESSAGE_KINDS, type MessageKind } from './templates.ts'

/**
 * Messages: the outbox admins read, the update requests sent before each meeting, and email alerts
 * anyone may ask for when a body publishes papers; delivered through GOV.UK Notify when it is set up
 * (`notify`), by the jobs this returns.
 */
export function createNotifications(
  deps: Omit<NotificationsDeps, 'repository' | 'outbox' | 'queue' | 'delivering'> & {
    db: Db
    bodyBySlug: (ctx: Context, slug: string) => Promise<{ id: string; name: string; slug: string }>
    notify?: NotifySettings
  },
) {
  const repository = createNotificationsRepository(deps.db)
  const queue = createJobQueue(deps.db)
  const delivering = deps.notify !== undefined
  const outbox = createOutbox({ repository, queue, delivering })
  const alerts = createAlertsService({
    db: deps.db,
    alerts: createAlertsRepository(deps.db),
    outbox,
    clock: deps.clock,
    baseUrl: deps.baseUrl,
    bodyBySlug: deps.bodyBySlug,
  })
  const service = { ...createNotificationsService({ ...deps, repository, outbox, queue, delivering }), ...alerts }
  return {
    service,
    /** The jobs that deliver messages: none while GOV.UK Notify is not set up. */
    jobs: deps.notify ? notifyJobs({ db: deps.db, repository, queue, notify: deps.notify }) : {},
    routes: async (app: FastifyInstance) => {
      await app.register(notificationsRoutes({ service, delivering }))
      await app.register(alertsRoutes({ alerts }))
    },
  } satisfies JobsModule<typeof service>
}
