import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '#src/app.ts'
import { createClock } from '#src/platform/clock.ts'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_BASE_URL, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { text } from '../../../test/support/html.ts'

/** Update requests before a meeting, kept in the outbox: with the demo, the 25 January 2024 committee. */
describe.each(testDatabases())('update requests on $name', (database) => {
  let t: TestApp
  let admin: Agent

  const messages = () => t.db.selectFrom('outboxMessages').selectAll().orderBy('recipient').execute()

  beforeAll(async () => {
    t = await startTestApp(database)
    admin = await t.as('admin')
    const person = async (slug: string) =>
      (await t.db.selectFrom('people').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id
    // The demo's officer account stands for Chris Coyle.
    await t.newAccount('officer', {
      personId: await person('victoria-gent'),
      email: 'victoria.gent@example.org',
      name: 'Victoria Gent',
    })
    await t.newAccount('officer', {
      personId: await person('annette-algie'),
      email: 'annette.algie@example.org',
      name: 'Annette Algie',
    })
    await t.db
      .updateTable('users')
      .set({ disabledAt: new Date() })
      .where('email', '=', 'annette.algie@example.org')
      .execute()
  })
  afterAll(() => t?.close())

  it('shows admins an empty outbox before anything is sent, and refuses everyone else', async () => {
    const page = await admin.get('/admin/outbox')
    expect(page.statusCode).toBe(200)
    expect(text(page.body)).toContain('No messages have been sent yet.')
    expect((await t.visitor().get('/admin/outbox')).headers.location).toMatch(/^\/sign-in/)
    for (const role of ['member', 'officer', 'scrutiny_officer', 'analyst'] as const)
      expect((await (await t.as(role)).get('/admin/outbox')).statusCode, role).toBe(403)
  })

  it('asks each active officer responsible, once, for updates on what the meeting will look at', async () => {
    expect(await t.app.scheduled.sendUpdateRequests()).toBe(2)
    const sent = await messages()
    expect(sent.map((message) => message.recipient)).toEqual(['officer@example.org', 'victoria.gent@example.org'])
    const chris = sent[0]
    expect(chris.subject).toMatch(
      /^Updates wanted before Children and Young People.s Scrutiny Committee on Thursday 25 January 2024$/,
    )
    expect(chris.createdOn).toBe('2024-01-22')
    expect(chris.body).toMatch(/^Dear Demo officer,/)
    // His recommendation, and the milestones of the plan actions he leads that are red or due by the meeting.
    expect(chris.body).toMatch(/- Recommendation \S+: .+improvement plan.+\((Red|Amber|Green)\)/)
    expect(chris.body).toContain(`${TEST_BASE_URL}/recommendations/`)
    expect(chris.body).toMatch(
      /- Action \S+: .+ \((red|due)\): https:\/\/oversight\.example\.gov\.uk\/improvement-plans\//,
    )
    // Annette's account is disabled: nothing goes to it.
    expect(sent.some((message) => message.recipient.startsWith('annette'))).toBe(false)

    // Run again (the next hour, or another process): nothing more.
    expect(await t.app.scheduled.sendUpdateRequests()).toBe(0)
    expect(await messages()).toHaveLength(2)
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', '=', 'sent an update request')
      .execute()
    expect(audit).toHaveLength(2)
  })

  it('lists what was sent in the outbox, newest first, with each message to read', async () => {
    const page = text((await admin.get('/admin/outbox')).body)
    expect(page).toContain('2 messages')
    expect(page).toContain('To officer@example.org · Update request · sent on 22 January 2024')
    expect(page).toContain('Dear Victoria Gent,')
    expect(text((await admin.get('/admin')).body)).toContain('Outbox')
  })

  it('sends once when two app processes on one database run at the same moment', async () => {
    await t.db.deleteFrom('outboxMessages').execute()
    const second = await buildApp({
      db: t.db,
      dbKind: t.handle.kind,
      clock: createClock('2024-01-22'),
      cookieSecure: true,
      baseUrl: TEST_BASE_URL,
    })
    try {
      const counts = await Promise.all([t.app.scheduled.sendUpdateRequests(), second.scheduled.sendUpdateRequests()])
      expect(counts[0] + counts[1]).toBe(2)
      expect(await messages()).toHaveLength(2)
    } finally {
      await second.close()
    }
  })

  it('sends nothing for a meeting whose day for requests has not come, or that has taken place', async () => {
    await t.db.deleteFrom('outboxMessages').execute()
    for (const today of ['2024-01-10', '2024-01-25']) {
      const app = await buildApp({ db: t.db, dbKind: t.handle.kind, clock: createClock(today), cookieSecure: true })
      try {
        expect(await app.scheduled.sendUpdateRequests(), today).toBe(0)
      } finally {
        await app.close()
      }
    }
  })

  it('follows the council’s setting of how many working days before a meeting they go out', async () => {
    await t.db.deleteFrom('outboxMessages').execute()
    const saved = await admin.post('/admin/settings/update-requests', {
      ...(await admin.versionOf('/admin/settings/update-requests')),
      updateRequestDays: '2',
    })
    expect(saved.statusCode).toBe(303)
    // Two clear working days before Thursday 25 January is Tuesday the 23rd: not yet on Monday the 22nd.
    expect(await t.app.scheduled.sendUpdateRequests()).toBe(0)
  })

  it('reminds, once and three working days later, those with something not updated since the request', async () => {
    await t.db.deleteFrom('outboxMessages').execute()
    const back = await admin.post('/admin/settings/update-requests', {
      ...(await admin.versionOf('/admin/settings/update-requests')),
      updateRequestDays: '10',
    })
    expect(back.statusCode).toBe(303)
    const runOn = async (today: string) => {
      const app = await buildApp({
        db: t.db,
        dbKind: t.handle.kind,
        clock: createClock(today),
        cookieSecure: true,
        baseUrl: TEST_BASE_URL,
      })
      try {
        return await app.scheduled.sendUpdateRequests()
      } finally {
        await app.close()
      }
    }
    expect(await runOn('2024-01-11')).toBe(2)
    // Victoria Gent updates each of her recommendations the next day; the Demo officer posts nothing.
    const victoria = await t.db
      .selectFrom('people')
      .select('id')
      .where('slug', '=', 'victoria-gent')
      .executeTakeFirstOrThrow()
    const hers = await t.db
      .selectFrom('recommendations')
      .select('id')
      .where('responsiblePersonId', '=', victoria.id)
      .execute()
    await t.db
      .insertInto('recommendationUpdates')
      .values(
        hers.map((row) => ({
          recommendationId: row.id,
          onDate: '2024-01-12',
          authorUserId: null,
          authorName: 'Victoria Gent',
          text: 'Done.',
        })),
      )
      .execute()
    expect(await runOn('2024-01-15')).toBe(0)
    expect(await runOn('2024-01-16')).toBe(1)
    expect(await runOn('2024-01-17')).toBe(0)
    const reminders = await t.db
      .selectFrom('outboxMessages')
      .selectAll()
      .where('kind', '=', 'update reminder')
      .execute()
    expect(reminders.map((message) => message.recipient)).toEqual(['officer@example.org'])
    expect(reminders[0].subject).toMatch(
      /^Reminder: updates wanted before Children and Young People.s Scrutiny Committee/,
    )
    expect(reminders[0].createdOn).toBe('2024-01-16')
  })
})
