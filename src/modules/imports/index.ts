import type { Db } from '#src/database.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'
import type { Module } from '#src/platform/module.ts'
import { batchRoutes } from './batch-routes.ts'
import { type BatchService, createBatchService } from './batch-service.ts'

export { IMPORT_USAGE, type ImportCommandIo, importCommand } from './command.ts'
export type { ImportsTables } from './tables.ts'
export { createSourceReader } from './sources.ts'
export type { BatchService } from './batch-service.ts'

/** Imports from other systems (Modern.gov): the batches an admin reviews, then applies or discards. */
export function createImports(deps: {
  db: Db
  bodies: BodiesService
  meetings: MeetingsService
}): Module<BatchService> {
  const service = createBatchService(deps)
  return { service, routes: batchRoutes(service) }
}
