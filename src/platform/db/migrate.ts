import { Migrator, type MigrationResultSet, sql } from 'kysely'
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

/**
 * True when the migrations recorded as applied are exactly this version's: two small reads, where
 * Kysely's Migrator reads the whole catalogue several times (most of a restart's migration check).
 */
async function upToDate(db: AnyDb): Promise<boolean> {
  const table = await sql<{ found: boolean }>`select to_regclass('kysely_migration') is not null as found`.execute(db)
  if (!table.rows[0]?.found) return false
  const recorded = (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows
    .map((row) => row.name)
    .sort()
  const names = await migrationNames()
  return recorded.length === names.length && recorded.every((name, index) => name === names[index])
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: AnyDb): Promise<string[]> {
  if (await upToDate(db)) return []
  return applied(await new Migrator({ db, provider: migrationProvider }).migrateToLatest())
}

/** Brings the schema up to the migration `name` and no further (a restore loads rows at their backup's schema). */
export async function migrateTo(db: AnyDb, name: string): Promise<string[]> {
  return applied(await new Migrator({ db, provider: migrationProvider }).migrateTo(name))
}

/**
 * Applies every migration before `name` and none after: how a test of a migration starts from a
 * database as it stood before it. Throws for a name this version does not have.
 */
export async function migrateToJustBefore(db: AnyDb, name: string): Promise<string[]> {
  const names = await migrationNames()
  const at = names.indexOf(name)
  if (at < 1) throw new Error(`No migration comes before ${name}`)
  return migrateTo(db, names[at - 1])
}

/** The names of this version's migrations, oldest first. */
export async function migrationNames(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort()
}
