import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { migrateToLatest } from '#src/platform/db/migrate.ts'
import { writeBackup } from './write-backup.ts'

const postgres = testDatabases().find((database) => database.name === 'postgres')

/**
 * On a server the app keeps serving while the backup runs. Each change below adds a person and its
 * audit event in one transaction; the backup reads audit_events before people, so a copy that was
 * not of one instant would catch people whose events it had already passed.
 */
describe.runIf(postgres)('a backup of PostgreSQL while the app writes to it', () => {
  it('is of one instant: every change is in it whole, or not at all', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oversight-snapshot-'))
    const server = await postgres!.open()
    try {
      await migrateToLatest(server.db)
      let writing = true
      let written = 0
      const writer = (async () => {
        while (writing) {
          await withTransaction(server.db, async (trx) => {
            const slug = `person-${++written}`
            const person = await trx
              .insertInto('people')
              .values({ slug, name: slug, kind: 'officer' })
              .returning('id')
              .executeTakeFirstOrThrow()
            await recordAudit(trx, systemContext('test'), {
              action: 'created person',
              subjectType: 'person',
              subjectId: person.id,
            })
          })
        }
      })()
      await new Promise((resolve) => setTimeout(resolve, 200))
      const backup = await writeBackup(server.db, {
        file: join(folder, 'live.tar'),
        database: 'postgres',
        appVersion: '0.1.0',
      })
      writing = false
      await writer
      const rows = Object.fromEntries(backup.manifest.tables.map((table) => [table.name, table.rows]))
      expect(rows.people).toBeGreaterThan(0)
      expect(rows.people).toBe(rows.audit_events)
      expect(written).toBeGreaterThan(rows.people)
    } finally {
      await server.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }, 60_000)
})
