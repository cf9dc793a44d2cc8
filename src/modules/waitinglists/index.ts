import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { waitingListsApi } from './api.ts'
import { createWaitingListsRepository } from './repository.ts'
import { waitingListsRoutes } from './routes.ts'
import { type WaitingListsService, createWaitingListsService } from './service.ts'

export type { WaitingListsTables } from './tables.ts'

export type { WaitingListsService } from './service.ts'
export {
  type DashboardPaper,
  type DashboardPaperOptions,
  createDashboardPaper,
  waitingListsAppendix,
} from './dashboard-paper.ts'
export { type DemoWaitingLists, demoWaitingListsSchema, loadDemoWaitingLists } from './demo.ts'

/**
 * Health services' waiting lists for children: month-end figures as the health data dashboard
 * gives them, the dashboard, each service's history with a chart, analysts' forms and open data.
 */
export function createWaitingLists(deps: {
  db: Db
  audit: AuditReader
  /** Keep the dashboard from one request to the next until the data changes (request-reads.ts). */
  readsAcrossRequests?: boolean
}): ApiModule<WaitingListsService> {
  const repository = createWaitingListsRepository(deps.db)
  const service = createWaitingListsService({
    db: deps.db,
    repository,
    readsAcrossRequests: deps.readsAcrossRequests ?? false,
  })
  return {
    service,
    routes: waitingListsRoutes({ service, audit: deps.audit }),
    api: waitingListsApi({ service }),
  }
}
