import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { heading, links, text } from '../../../test/support/html.ts'

const DAY = 24 * 60 * 60 * 1000
const STAFF: TestRole[] = ['member', 'officer', 'scrutiny_officer', 'analyst']

describe.each(testDatabases())('the backups page on $name', (database) => {
  let t: TestApp
  const agents = {} as Record<TestRole, Agent>

  /** A backup as the backup command records it, taken `days` ago. */
  const taken = (fileName: string, days: number) =>
    t.db
      .insertInto('backups')
      .values({
        id: randomUUID(),
        takenAt: new Date(Date.now() - days * DAY),
        fileName,
        sizeBytes: 3_565_158,
        manifestSha256: 'a'.repeat(64),
        appVersion: '0.1.0',
        schemaVersion: '2024-01-08-0012-backups',
        databaseKind: 'postgres',
        host: 'oversight-1',
        takenBy: 'oversight',
        tableCount: 45,
        rowCount: 1234,
        fileCount: 12,
      })
      .execute()

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    for (const role of ALL_ROLES) agents[role] = await t.as(role)
  })
  afterAll(() => t?.close())

  it('sends the public to sign in, and refuses everyone but admins', async () => {
    const page = await agents.public.get('/admin/backups')
    expect(page.statusCode).toBe(303)
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fadmin%2Fbackups')
    for (const role of STAFF) {
      const refused = await agents[role].get('/admin/backups')
      expect(refused.statusCode, role).toBe(403)
      expect(heading(refused.body), role).toBe('You do not have permission to see this page')
    }
  })

  it('links to the page from the admin page', async () => {
    expect(links((await agents.admin.get('/admin')).body)).toContain('/admin/backups')
  })

  it('warns an admin when no backup has been taken', async () => {
    const page = await agents.admin.get('/admin/backups')
    expect(page.statusCode).toBe(200)
    expect(heading(page.body)).toBe('Backups')
    expect(text(page.body)).toContain('No backup of this database has been taken.')
    expect(text(page.body)).toContain('at least every 7 days')
    expect(text(page.body)).toContain('No backups recorded')
  })

  it('warns when the newest backup is a week old or more, and lists them newest first', async () => {
    await taken('oversight-2024-01-01.tar', 20)
    await taken('oversight-2024-01-12.tar', 8)
    const page = text((await agents.admin.get('/admin/backups')).body)
    expect(page).toContain('The last backup was taken 8 days ago.')
    expect(page.indexOf('oversight-2024-01-12.tar')).toBeLessThan(page.indexOf('oversight-2024-01-01.tar'))
    expect(page).toContain('oversight-2024-01-12.tar 3.4MB 1,234 rows in 45 tables, 12 uploaded files')
    expect(page).toContain('A PostgreSQL server by oversight on oversight-1')
  })

  it('stops warning once a backup has been taken within the week', async () => {
    await taken('oversight-today.tar', 0)
    const page = text((await agents.admin.get('/admin/backups')).body)
    expect(page).not.toContain('Important')
    expect(page).not.toContain('The last backup was taken')
    expect(page.indexOf('oversight-today.tar')).toBeLessThan(page.indexOf('oversight-2024-01-12.tar'))
  })
})
