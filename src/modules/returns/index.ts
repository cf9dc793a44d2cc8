import { join } from 'node:path'
import type { Db } from '#src/database.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { Module } from '#src/platform/module.ts'
import { returnsRoutes } from './routes.ts'
import { type ReturnsFramework, type ReturnsService, type ReturnsSettings, createReturnsService } from './service.ts'
import { type ReturnsStore, openReturnsStore } from './store.ts'

export type { ReturnsTables } from './tables.ts'
export type { ReturnsService } from './service.ts'
export { RETURNS_FILE } from './store.ts'
export { DEFAULT_RETURN_RETENTION_MONTHS, DEFAULT_THRESHOLD } from './settings.ts'
export { extractsCommand } from './extracts-command.ts'
export { PSEUDONYM_KEY_VARIABLE, createPseudonymiser } from './pseudonym.ts'
export { DEMO_PSEUDONYM_KEY, loadDemoReturns } from './demo.ts'
// For the bench, which measures each step on its own.
export { computeIndicators, listDefinitions } from './definitions.ts'
export { readExtractInBatches } from './ingest.ts'
export { TABLES_903, TABLES_CIN, type Table903 } from './records.ts'
export { validateExtract } from './rules.ts'
export { type ReturnsStore, openReturnsStore } from './store.ts'
/** Made-up returns for tests: the same files for the same seed. */
export { SYNTH_903_FILES, SYNTH_FILES, writeSyntheticReturns } from './synth.ts'

/**
 * Whether any extract was ever taken in, deleted ones too: a demo whose returns were never taken in
 * (its first start stopped before they were) takes them in on its next start.
 */
export async function anyExtractEverTaken(db: Db): Promise<boolean> {
  const row = await db.selectFrom('returnExtracts').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

/**
 * What the command line gives the returns of the framework: nothing, since it only takes extracts in;
 * computing and publishing are done on the returns' pages.
 */
export const commandLineFramework: ReturnsFramework = {
  importTargets: () => Promise.reject(new Error('Compute the indicators on the statutory returns page')),
  populationOf: () => Promise.reject(new Error('Compute the indicators on the statutory returns page')),
  computedWriter: () => Promise.reject(new Error('Publish the indicators on the statutory returns page')),
}

/**
 * The statutory returns: extracts of the CIN census, the SSDA903 and Annex A taken in, pseudonymised,
 * validated and kept in a store of their own at `storePath`; the national indicators computed from
 * them, reviewed by an analyst and published into the outcomes framework under disclosure control.
 */
export function createReturns(deps: {
  db: Db
  clock: Clock
  storePath: string
  pseudonymKey: string | undefined
  framework: ReturnsFramework
  settings: ReturnsSettings
}): Module<ReturnsService> & { close(): Promise<void> } {
  let opened: Promise<ReturnsStore> | undefined
  const store = () => (opened ??= openReturnsStore(deps.storePath))
  const workDir = join(deps.storePath, '..', 'incoming')
  const service = createReturnsService({ ...deps, store, workDir })
  return {
    service,
    routes: returnsRoutes({ service, workDir }),
    async close() {
      if (opened) (await opened).close()
      opened = undefined
    },
  }
}
