import type { Module } from '#src/platform/module.ts'
import { batchRoutes } from './batch-routes.ts'
import { type BatchService, type BatchServiceDeps, createBatchService } from './batch-service.ts'

export { IMPORT_USAGE, type ImportCommandIo, importCommand } from './command.ts'
export type { ImportsTables } from './tables.ts'
export { createSourceReader } from './sources.ts'
export type { BatchService } from './batch-service.ts'

/** Imports from other systems (Modern.gov): the batches an admin reviews, then applies or discards. */
export function createImports(deps: BatchServiceDeps): Module<BatchService> {
  const service = createBatchService(deps)
  return { service, routes: batchRoutes(service) }
}
