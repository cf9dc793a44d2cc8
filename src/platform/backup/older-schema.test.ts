import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type RecordSnapshot, snapshotRecord, withoutRestoreOf } from '../../../test/support/record-snapshot.ts'
import type { Database } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { type DatabaseHandle, openPglite } from '#src/platform/db/database.ts'
import { migrateTo, migrateToLatest, migrationNames } from '#src/platform/db/migrate.ts'
import { recordRestore } from './records.ts'
import { restoreBackup } from './restore-backup.ts'
import { verifyBackup } from './verify-backup.ts'
import { type WrittenBackup, writeBackup } from './write-backup.ts'

/**
 * A backup taken before the latest migration (the database of an older Oversight) restores into
 * this one: loaded at its own schema, then brought up to date.
 */
describe('a backup from a schema one migration older', () => {
  let source: DatabaseHandle<Database>
  let folder: string
  let names: string[]
  let original: RecordSnapshot
  let backup: WrittenBackup

  beforeAll(async () => {
    names = await migrationNames()
    folder = mkdtempSync(join(tmpdir(), 'oversight-older-'))
    source = await openPglite<Database>()
    await migrateTo(source.db, names.at(-2)!)
    // Rows in tables every schema has had: people, an uploaded file, audit events with their identity counter.
    const person = await source.db
      .insertInto('people')
      .values({ slug: 'jo-bloggs', name: 'Jo Bloggs', kind: 'officer' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await source.db
      .insertInto('documents')
      .values({
        filename: 'minutes.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 4,
        sha256: 'x',
        content: Buffer.from([0, 1, 2, 255]),
      })
      .execute()
    for (const action of ['created person', 'changed person']) {
      await recordAudit(source.db, systemContext('test'), {
        action,
        subjectType: 'person',
        subjectId: person.id,
        after: { name: 'Jo Bloggs' },
      })
    }
    original = await snapshotRecord(source.db)
    backup = await writeBackup(source.db, { file: join(folder, 'older.tar'), database: 'pglite', appVersion: '0.0.9' })
  }, 120_000)
  afterAll(async () => {
    await source?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('says in its manifest which schema it was taken at', () => {
    expect(backup.manifest.schemaVersion).toBe(names.at(-2))
  })

  it.each(testDatabases())(
    'restores into the current app on $name, which then applies the newer migration',
    async (database) => {
      const target = await database.open()
      try {
        const restored = await restoreBackup(target.db, await verifyBackup(backup.file, names))
        await recordRestore(target.db, backup)
        expect(restored).toEqual({ applied: [names.at(-1)], changedByUpgrade: [] })
        const now = withoutRestoreOf(await snapshotRecord(target.db), backup.manifest.backupId)
        // The newer migration may add a column (null on these rows): compare the columns the older schema had.
        for (const [table, rows] of Object.entries(original.tables)) {
          const was = rows.map((row) => JSON.parse(row) as Record<string, unknown>)
          const restoredRows = (now.tables[table] ?? []).map((row, index) => {
            const values = JSON.parse(row) as Record<string, unknown>
            return Object.fromEntries(Object.keys(was[index] ?? values).map((key) => [key, values[key]]))
          })
          expect(restoredRows, table).toEqual(was)
        }
        expect(now.tables.people).toHaveLength(1)
      } finally {
        await target.close()
      }
    },
    120_000,
  )

  it('is refused by an Oversight older than the backup, before anything is written', async () => {
    await expect(verifyBackup(backup.file, names.slice(0, -2))).rejects.toThrow(
      `${backup.file} was made by a newer Oversight (0.0.9, schema ${names.at(-2)}); this one knows the schema up to ${names.at(-3)}. Upgrade Oversight, then restore`,
    )
  })

  it('is refused by a target whose schema is already newer, even with no rows', async () => {
    const target = await openPglite<Database>()
    try {
      await migrateToLatest(target.db)
      await expect(restoreBackup(target.db, await verifyBackup(backup.file, names))).rejects.toThrow(
        `The target database already has a newer schema (${names.at(-1)}) than the backup (${names.at(-2)})`,
      )
    } finally {
      await target.close()
    }
  }, 60_000)
})
