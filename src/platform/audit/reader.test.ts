import { CompiledQuery, type LogEvent } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestDatabaseHandle, testDatabases } from '../../../test/support/databases.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { type AuditFilter, createAuditReader } from './reader.ts'

const admin: Context = {
  user: {
    id: crypto.randomUUID(),
    email: 'a@example.org',
    name: 'Admin',
    role: 'admin',
    personId: null,
    sessionId: 's',
  },
  requestId: 'audit-reader-test',
}

/**
 * Every view of the audit trail reads its page of events through an index, newest first, whatever it
 * is filtered by, so that a council with hundreds of thousands of events never has them all read and
 * sorted for one page. With sequential scans made as dear as the planner allows, a filter no index
 * could serve would still be read by one: the plan says so.
 */
describe.each(testDatabases())('the audit trail’s filters on $name', (database) => {
  let handle: TestDatabaseHandle
  const statements: CompiledQuery[] = []

  beforeAll(async () => {
    const log = (event: LogEvent) => {
      if (event.level === 'query') statements.push(event.query)
    }
    handle = await database.openPrepared('migrated', { log })
  })
  afterAll(() => handle?.close())

  /** The plans of the statements that read events for one page of `filter`, seq scans discouraged. */
  async function plansOf(filter: AuditFilter): Promise<string[]> {
    await handle.db
      .insertInto('auditEvents')
      .values({ actorLabel: 'Sam Officer', action: 'updated meeting', subjectType: 'meeting', subjectId: 'm1' })
      .execute()
    statements.length = 0
    const page = await createAuditReader(handle.db).search(admin, filter, 1)
    expect(page.total).toBeGreaterThan(0)
    const reads = statements.filter((query) => /from "audit_events"/.test(query.sql))
    expect(reads).toHaveLength(2) // the count and the page
    return handle.db.connection().execute(async (db) => {
      await db.executeQuery(CompiledQuery.raw('set enable_seqscan = off'))
      try {
        const plans: string[] = []
        for (const read of reads) {
          const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
            CompiledQuery.raw(`explain (costs off) ${read.sql}`, [...read.parameters]),
          )
          plans.push(plan.rows.map((row) => Object.values(row)[0]).join('\n'))
        }
        return plans
      } finally {
        await db.executeQuery(CompiledQuery.raw('reset enable_seqscan'))
      }
    })
  }

  it.each<[string, AuditFilter]>([
    ['every event', {}],
    ['an action, by part of its words', { action: 'updated meet' }],
    ['a person, by part of their name', { actor: 'sam' }],
    ['a kind of record', { subjectType: 'meeting' }],
    ['one record', { subjectType: 'meeting', subjectId: 'm1' }],
    ['a week', { from: '2020-03-01', to: '2099-03-07' }],
  ])('reads %s through an index', async (_what, filter) => {
    for (const plan of await plansOf(filter)) {
      expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/)
      expect(plan).not.toMatch(/Seq Scan on audit_events/)
    }
  })
})
