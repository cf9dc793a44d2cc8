import type { Db } from '#src/database.ts'
import type { Module } from '#src/platform/module.ts'
import { createNotificationsRepository } from './repository.ts'
import { notificationsRoutes } from './routes.ts'
import { type NotificationsDeps, type NotificationsService, createNotificationsService } from './service.ts'

export type { NotificationsTables } from './tables.ts'
export type { NotificationsService, WantedUpdate } from './service.ts'
export { DEFAULT_UPDATE_REQUEST_DAYS } from './rules.ts'
export { startScheduler } from './scheduler.ts'

/** Messages: the outbox admins read, and the update requests sent before each meeting. */
export function createNotifications(
  deps: Omit<NotificationsDeps, 'repository'> & { db: Db },
): Module<NotificationsService> {
  const service = createNotificationsService({ ...deps, repository: createNotificationsRepository(deps.db) })
  return { service, routes: notificationsRoutes({ service }) }
}
