import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { ApiModule } from '#src/platform/module.ts'
import { petitionsApi } from './api.ts'
import { createPetitionsRepository } from './repository.ts'
import { petitionsRoutes } from './routes.ts'
import { type PetitionsService, createPetitionsService } from './service.ts'

export type { PetitionsTables } from './tables.ts'
export type { PetitionsService } from './service.ts'

/**
 * Petitions presented to the council: their signatures, the scheme's threshold they met and the
 * council's response, with the lead petitioner named only by consent.
 */
export function createPetitions(deps: {
  db: Db
  audit: AuditReader
  /** Keep what the body page reads of petitions from one request to the next until the data changes. */
  readsAcrossRequests?: boolean
}): ApiModule<PetitionsService> {
  const repository = createPetitionsRepository(deps.db)
  const service = createPetitionsService({
    db: deps.db,
    repository,
    readsAcrossRequests: deps.readsAcrossRequests ?? false,
  })
  return {
    service,
    routes: petitionsRoutes({ service, audit: deps.audit }),
    api: petitionsApi({ service }),
  }
}
