import type { Database } from '#src/database.ts'
import { loadDemo } from '#src/demo/index.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { migrateToLatest } from '#src/platform/db/migrate.ts'
import type { TestDatabase } from './databases.ts'
import { TEST_PASSWORD } from './test-password.ts'

/** A fresh, migrated database of the kind `database` opens, with the demo data loaded: for the demo's own tests. */
export async function openDemoDatabase(database: TestDatabase): Promise<DatabaseHandle<Database>> {
  const handle = await database.open()
  await migrateToLatest(handle.db)
  await loadDemo(handle.db, { password: TEST_PASSWORD })
  return handle
}
