import { Migrator, type MigrationResultSet } from 'kysely'
import type { AnyDb } from './database.ts'
import { migrationProvider } from './migrations/index.ts'

function applied({ error, results }: MigrationResultSet): string[] {
  const failed = results?.find((result) => result.status === 'Error')
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : ''
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : JSON.stringify(error)}`, {
      cause: error,
    })
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: AnyDb): Promise<string[]> {
  return applied(await new Migrator({ db, provider: migrationProvider }).migrateToLatest())
}

/** Brings the schema up to the migration `name` and no further (a restore loads rows at their backup's schema). */
export async function migrateTo(db: AnyDb, name: string): Promise<string[]> {
  return applied(await new Migrator({ db, provider: migrationProvider }).migrateTo(name))
}

/** The names of this version's migrations, oldest first. */
export async function migrationNames(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort()
}
