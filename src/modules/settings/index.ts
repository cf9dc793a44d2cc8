import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Module } from '#src/platform/module.ts'
import { createSettingsRepository } from './repository.ts'
import { settingsRoutes } from './routes.ts'
import { type SettingsService, createSettingsService } from './service.ts'

export type { SettingsTables } from './tables.ts'
export type { CouncilSettings, SettingsService } from './service.ts'
export { type DemoSettings, demoSettingsSchema, loadDemoSettings } from './demo.ts'

/**
 * The council's settings: what differs from one council to another (its name, the call-in period of
 * its decisions, its notice of meetings, its report template, the look of its references), kept by
 * admins and read by every module that applies them.
 */
export function createSettings(deps: {
  db: Db
  audit: AuditReader
  /** OVERSIGHT_COUNCIL_NAME: the council's name until an admin sets one. */
  councilName?: string
  /** Keep the settings from one request to the next until the data changes. */
  readsAcrossRequests?: boolean
}): Module<SettingsService> {
  const service = createSettingsService({ ...deps, repository: createSettingsRepository(deps.db) })
  return { service, routes: settingsRoutes({ service, audit: deps.audit }) }
}
