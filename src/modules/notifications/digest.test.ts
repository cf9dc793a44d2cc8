import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '#src/app.ts'
import { createClock } from '#src/platform/clock.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_BASE_URL, type TestApp, startTestApp } from '../../../test/support/harness.ts'

/** The scrutiny officer's weekly digest of what turned red: with the demo, on Monday 1 April 2024. */
describe.each(testDatabases())('the overdue digest on $name', (database) => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp(database, { today: '2024-04-01' })
    await t.newAccount('scrutiny_officer', { email: 'gone@example.org', name: 'Gone officer' })
    await t.db.updateTable('users').set({ disabledAt: new Date() }).where('email', '=', 'gone@example.org').execute()
  })
  afterAll(() => t?.close())

  it('sends each active scrutiny officer what turned red in the week, once', async () => {
    expect(await t.app.scheduled.sendOverdueDigest()).toBe(1)
    expect(await t.app.scheduled.sendOverdueDigest()).toBe(0)
    const [digest, ...others] = await t.db.selectFrom('outboxMessages').selectAll().execute()
    expect(others).toEqual([])
    expect(digest.recipient).toBe('scrutiny@example.org')
    expect(digest.subject).toBe('6 turned red in the week to 1 April 2024')
    // Recommendation 4's target was 31 March 2024; the plan's milestones due then too.
    expect(digest.body).toMatch(
      /- Recommendation 4 of Children and Young People.s Scrutiny Committee: To receive the domestic abuse review/,
    )
    expect(digest.body).toContain(`${TEST_BASE_URL}/recommendations/`)
    expect(digest.body).toMatch(/- Children.s Social Care Improvement Plan .+, action 2\.1: /)
  })

  it('sends nothing in a week when nothing turned red', async () => {
    const app = await buildApp({
      db: t.db,
      dbKind: t.handle.kind,
      clock: createClock('2024-01-22'),
      cookieSecure: true,
    })
    try {
      expect(await app.scheduled.sendOverdueDigest()).toBe(0)
    } finally {
      await app.close()
    }
  })
})
