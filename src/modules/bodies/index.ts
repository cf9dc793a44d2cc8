import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { type SourceOf, noSources } from '#src/platform/provenance/source.ts'
import { bodiesApi } from './api.ts'
import { createBodiesRepository } from './repository.ts'
import { type BodyMeetingsProvider, type BodyPageSection, type PersonPageSection, bodiesRoutes } from './routes.ts'
import { type BodiesService, createBodiesService } from './service.ts'

export type { BodiesTables, VotingRights } from './tables.ts'

export type { BodiesService } from './service.ts'
export type { BodyMeetingsProvider, BodyPageContext, BodyPageSection, PersonPageSection } from './routes.ts'
export { isReservedSlug, slugify } from './slug.ts'
export { BODY_KINDS } from './schema.ts'
export { type DemoBodies, demoBodiesSchema, hasBodies, loadDemoBodies } from './demo.ts'
export { MEMBERSHIP_ROLE_LABELS } from './membership.ts'
export {
  type ImportedBody,
  type ImportedMembership,
  type ImportedPerson,
  insertImportedBody,
  insertImportedMembership,
  insertImportedPerson,
  findImportedBody,
  findImportedMembership,
  findImportedPerson,
  updateImportedBody,
  updateImportedMembership,
  updateImportedPerson,
} from './imported.ts'

/** Bodies (committees, boards, panels), people and memberships; their open data in the shape of Popolo. */
export function createBodies(deps: {
  db: Db
  clock: Clock
  audit: AuditReader
  /** Where an imported body or person came from, shown on its page and in the API. */
  sources?: SourceOf
  /**
   * What the body page gathers from the modules made after this one (its meetings, the sections
   * others contribute, and those of a person's page); asked for when the routes are registered.
   */
  page: () => { meetings: BodyMeetingsProvider; sections: BodyPageSection[]; personSections: PersonPageSection[] }
  /** Keep the register from one request to the next until the data changes. */
  readsAcrossRequests?: boolean
}): ApiModule<BodiesService> {
  const repository = createBodiesRepository(deps.db)
  const service = createBodiesService({
    db: deps.db,
    repository,
    clock: deps.clock,
    readsAcrossRequests: deps.readsAcrossRequests,
  })
  const sources = deps.sources ?? noSources
  return {
    service,
    api: bodiesApi({ service, sources }),
    routes: async (app) => {
      await app.register(bodiesRoutes({ service, audit: deps.audit, sources, ...deps.page() }))
    },
  }
}
