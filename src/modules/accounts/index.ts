import type { FastifyInstance } from 'fastify'
import type { Db } from '#src/database.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { SessionStore } from '#src/platform/auth/sessions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Module } from '#src/platform/module.ts'
import { auditTrailRoutes } from './audit-routes.ts'
import { subjectNames } from './audit-subjects.ts'
import { createAccountsRepository } from './repository.ts'
import { accountsRoutes, adminRoutes } from './routes.ts'
import { type AccountsService, createAccountsService } from './service.ts'

export type { AccountsService } from './service.ts'
export { hasAccounts, loadDemoAccounts } from './demo.ts'
export { createAdminAccount, needsFirstAdmin } from './first-admin.ts'

/** User accounts, roles and the audit-trail viewer, for admins. */
export function createAccounts(deps: {
  db: Db
  audit: AuditReader
  sessions: SessionStore
  bodies: BodiesService
  /** The council's name (a council setting), which passwords may not contain. */
  councilName: (ctx: Context) => Promise<string | null>
}): Module<AccountsService> {
  const repository = createAccountsRepository(deps.db)
  const service = createAccountsService({ ...deps, repository })
  return {
    service,
    routes: async (app: FastifyInstance) => {
      // Each part is its own plugin, so each one's permission hook covers only its own pages.
      await app.register(adminRoutes())
      await app.register(accountsRoutes({ service, audit: deps.audit }))
      await app.register(auditTrailRoutes({ audit: deps.audit, names: (events) => subjectNames(deps.db, events) }))
    },
  }
}
