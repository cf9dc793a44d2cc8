import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '#src/app.ts'
import { createClock } from '#src/platform/clock.ts'
import type { Agent } from '../../../test/support/agent.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_BASE_URL, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { confirmation, text } from '../../../test/support/html.ts'
import { type NotifyStandIn, startNotifyStandIn } from '../../../test/support/notify-stand-in.ts'
import { compose } from './templates.ts'

const MINUTE = 60_000
const COMMITTEE = "Children and Young People's Scrutiny Committee"
const BODY = '/bodies/children-and-young-peoples-scrutiny-committee'

/**
 * Delivery through GOV.UK Notify, against a local stand-in of its API: what each kind of message sends
 * (its template and personalisation), retries with back-off, giving up, sending again, Notify's delivery
 * status in the outbox, and two processes sending each message once. With the demo, on 22 January 2024.
 */
describe.each(testDatabases())('GOV.UK Notify delivery on $name', (database) => {
  let t: TestApp
  let notify: NotifyStandIn
  let admin: Agent
  let build: ReturnType<typeof builders>

  let visitors = 0
  /** Asks for alerts as a resident from an address of their own (the form allows five a minute from one). */
  const subscribe = (email: string, body = BODY) =>
    t.visitor({ remoteAddress: `192.0.2.${(visitors += 1)}` }).post(`${body}/alerts`, { email })
  const outbox = () => t.db.selectFrom('outboxMessages').selectAll().orderBy('recipient').execute()
  const jobs = () => t.db.selectFrom('jobs').selectAll().orderBy('createdAt').execute()
  /** An app on the same database whose clock says `today`, sending through the stand-in. */
  const appOn = (today: string) =>
    buildApp({
      db: t.db,
      dbKind: t.handle.kind,
      clock: createClock(today),
      cookieSecure: true,
      baseUrl: TEST_BASE_URL,
      notify: notify.settings,
    })

  beforeAll(async () => {
    notify = await startNotifyStandIn()
    t = await startTestApp(database, { notify: notify.settings })
    admin = await t.as('admin')
    build = builders(t)
  })
  afterAll(async () => {
    await t?.close()
    await notify?.close()
  })
  beforeEach(async () => {
    await t.db.deleteFrom('jobs').execute()
    await t.db.deleteFrom('outboxMessages').execute()
    notify.clear()
  })

  it('sends each update request through its template, with the values its text is written from', async () => {
    expect(await t.app.scheduled.sendUpdateRequests()).toBe(1)
    const [kept] = await outbox()
    expect(kept.delivery).toBe('queued')
    expect(notify.sent).toEqual([])
    expect(await t.app.scheduled.runJobs()).toEqual({ done: 1, retried: 0, failed: 0 })
    expect(notify.sent).toHaveLength(1)
    const [request] = notify.sent
    expect(request.templateId).toBe(notify.templates['update request'])
    expect(request.emailAddress).toBe('officer@example.org')
    expect(request.reference).toBe(kept.id)
    expect(request.oneClickUnsubscribeURL).toBeUndefined()
    expect(request.personalisation).toEqual({
      name: 'Demo officer',
      body_name: COMMITTEE,
      meeting_date: 'Thursday 25 January 2024',
      items: expect.arrayContaining([
        expect.stringMatching(
          /^Recommendation 4: .+ \(Green\): https:\/\/oversight\.example\.gov\.uk\/recommendations\//,
        ),
        expect.stringMatching(/^Action 7\.1: .+ \(red\): https:\/\/oversight\.example\.gov\.uk\/improvement-plans\//),
      ]),
    })
    expect((request.personalisation.items as string[]).length).toBe(6)
    // What the outbox shows is what Notify writes from the same template and values.
    expect(compose('update request', request.personalisation as never)).toEqual({
      subject: kept.subject,
      body: kept.body,
    })
    const sent = (await outbox())[0]
    expect(sent.delivery).toBe('sent')
    expect(sent.notifyId).toBe(request.id)
    expect(sent.notifyStatus).toBe('created')
  })

  it('sends a reminder through its own template', async () => {
    for (const today of ['2024-01-11', '2024-01-16']) {
      const app = await appOn(today)
      try {
        await app.scheduled.sendUpdateRequests()
        await app.scheduled.runJobs()
      } finally {
        await app.close()
      }
    }
    const reminder = notify.sent.find((request) => request.templateId === notify.templates['update reminder'])!
    expect(reminder.emailAddress).toBe('officer@example.org')
    expect(reminder.personalisation).toMatchObject({
      name: 'Demo officer',
      body_name: COMMITTEE,
      meeting_date: 'Thursday 25 January 2024',
    })
    expect(notify.sent.map((request) => request.templateId)).toEqual([
      notify.templates['update request'],
      notify.templates['update reminder'],
    ])
  })

  it('sends the overdue digest through its template', async () => {
    const app = await appOn('2024-04-01')
    try {
      expect(await app.scheduled.sendOverdueDigest()).toBe(1)
      await app.scheduled.runJobs()
    } finally {
      await app.close()
    }
    const [digest] = notify.sent
    expect(digest.templateId).toBe(notify.templates['overdue digest'])
    expect(digest.emailAddress).toBe('scrutiny@example.org')
    expect(digest.personalisation).toMatchObject({
      name: 'Demo scrutiny officer',
      count: '6',
      week_to: '1 April 2024',
      week_to_with_day: 'Monday 1 April 2024',
    })
    expect(digest.personalisation.items).toHaveLength(6)
  })

  it('sends the confirming email and the alert, with Notify’s one-click unsubscribe, and nothing once they leave', async () => {
    const panel = await build.aBody({ name: 'Alerts panel' })
    const meeting = await build.aMeeting(panel, { date: '2024-02-08', agenda: 'draft' })
    expect((await subscribe('resident@example.org', panel.url)).statusCode).toBe(303)
    await t.app.scheduled.runJobs()
    const [asked] = notify.sent
    expect(asked.templateId).toBe(notify.templates['alert confirmation'])
    expect(asked.emailAddress).toBe('resident@example.org')
    expect(Object.keys(asked.personalisation)).toEqual(['body_name', 'confirm_url'])
    expect(asked.personalisation.body_name).toBe('Alerts panel')
    const confirmUrl = String(asked.personalisation.confirm_url)
    expect(confirmUrl).toMatch(/^https:\/\/oversight\.example\.gov\.uk\/alerts\/[A-Za-z0-9_-]{43}\/confirm$/)
    expect((await t.visitor().post(confirmUrl.slice(TEST_BASE_URL.length))).statusCode).toBe(303)

    const scrutiny = await t.as('scrutiny_officer')
    expect((await scrutiny.post(`${meeting.url}/agenda/publish`, { lateReason: 'Papers were late' })).statusCode).toBe(
      303,
    )
    expect(await t.app.scheduled.sendAlerts()).toBe(1)
    await t.app.scheduled.runJobs()
    const alert = notify.sent.find((request) => request.templateId === notify.templates.alert)!
    expect(alert.emailAddress).toBe('resident@example.org')
    expect(alert.personalisation).toMatchObject({
      body_name: 'Alerts panel',
      title: 'Agenda for the meeting on Thursday 8 February 2024',
      url: `${TEST_BASE_URL}${meeting.url}`,
    })
    expect(Object.keys(alert.personalisation).sort()).toEqual(['body_name', 'title', 'unsubscribe_url', 'url'])
    expect(alert.personalisation.unsubscribe_url).toMatch(/\/alerts\/[A-Za-z0-9_-]{43}\/unsubscribe$/)
    expect(alert.oneClickUnsubscribeURL).toBe(alert.personalisation.unsubscribe_url)

    // Messages still waiting when the subscriber leaves are not sent: the address is forgotten.
    const waiting = await t.db.selectFrom('outboxMessages').select('id').where('delivery', '=', 'sent').execute()
    await t.db.updateTable('outboxMessages').set({ delivery: 'queued', notifyId: null }).execute()
    for (const { id } of waiting)
      await t.db.insertInto('jobs').values({ kind: 'deliver email', subjectId: id }).execute()
    const before = notify.sent.length
    await t.visitor().post(String(alert.personalisation.unsubscribe_url).slice(TEST_BASE_URL.length))
    await t.app.scheduled.runJobs()
    expect(notify.sent).toHaveLength(before)
    expect((await outbox()).every((message) => message.recipient === 'removed on leaving')).toBe(true)
  })

  it('tries again later when Notify fails, waiting longer each time', async () => {
    await t.app.scheduled.sendUpdateRequests()
    notify.failNext(500, 'Internal server error')
    const now = new Date()
    expect(await t.app.scheduled.runJobs(now)).toEqual({ done: 0, retried: 1, failed: 0 })
    const [job] = await jobs()
    expect(job).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'GOV.UK Notify answered 500: Internal server error',
    })
    expect(job.runAfter.getTime()).toBe(now.getTime() + MINUTE)
    // Not before its time.
    expect(await t.app.scheduled.runJobs(new Date(now.getTime() + 30_000))).toEqual({ done: 0, retried: 0, failed: 0 })
    notify.failNext(429, 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds')
    expect((await t.app.scheduled.runJobs(new Date(now.getTime() + MINUTE))).retried).toBe(1)
    expect((await jobs())[0].runAfter.getTime()).toBe(now.getTime() + 5 * MINUTE)
    expect((await t.app.scheduled.runJobs(new Date(now.getTime() + 5 * MINUTE))).done).toBe(1)
    expect(notify.sent).toHaveLength(1)
    expect((await outbox())[0].delivery).toBe('sent')
  })

  it('gives up at once when Notify refuses the request, and shows admins, who can send it again', async () => {
    await t.app.scheduled.sendUpdateRequests()
    notify.failNext(400, 'Missing personalisation: items')
    expect((await t.app.scheduled.runJobs()).failed).toBe(1)
    const [message] = await outbox()
    expect(message.delivery).toBe('failed')
    expect(message.deliveryError).toBe('GOV.UK Notify answered 400: Missing personalisation: items')

    const page = text((await admin.get('/admin/outbox')).body)
    expect(page).toContain('1 message could not be sent.')
    const failed = await admin.get('/admin/outbox?show=failed')
    expect(text(failed.body)).toContain('Messages that could not be sent')
    expect(text(failed.body)).toContain('Not sent')
    expect(text(failed.body)).toContain('GOV.UK Notify answered 400: Missing personalisation: items')
    for (const role of ['public', 'officer', 'scrutiny_officer'] as const) {
      const other = await t.as(role)
      expect((await other.post(`/admin/outbox/${message.id}/retry`)).statusCode, role).toBe(
        role === 'public' ? 303 : 403,
      )
    }
    const again = await admin.post(`/admin/outbox/${message.id}/retry`)
    expect(again.statusCode).toBe(303)
    expect(again.headers.location).toBe('/admin/outbox?show=failed')
    expect(confirmation((await admin.get(again.headers.location!)).body)).toBe('The message will be sent again')
    expect(text((await admin.get('/admin/outbox?show=failed')).body)).toContain('Every message has been sent.')
    expect((await t.app.scheduled.runJobs()).done).toBe(1)
    expect(notify.sent).toHaveLength(1)
    // Only a failed message can be sent again; an unknown one is not found.
    expect((await admin.post(`/admin/outbox/${message.id}/retry`)).statusCode).toBe(404)
    expect((await admin.post('/admin/outbox/not-an-id/retry')).statusCode).toBe(404)
    const events = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', message.id)
      .orderBy('at')
      .execute()
    expect(events.map((event) => event.action)).toEqual([
      'could not send an email',
      'tried sending an email again',
      'sent an email through GOV.UK Notify',
    ])
  })

  it('gives up after the last attempt when Notify keeps failing', async () => {
    await t.app.scheduled.sendUpdateRequests()
    notify.failNext(503, 'Service unavailable', 6)
    let at = Date.now()
    const results = []
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      results.push(await t.app.scheduled.runJobs(new Date(at)))
      at += 24 * 60 * MINUTE
    }
    expect(results.map((result) => result.retried)).toEqual([1, 1, 1, 1, 1, 0])
    expect(results[5].failed).toBe(1)
    expect((await jobs())[0]).toMatchObject({ status: 'failed', attempts: 6 })
    expect((await outbox())[0].deliveryError).toBe('GOV.UK Notify answered 503: Service unavailable')
  })

  it('tries again when Notify cannot be reached', async () => {
    const app = await buildApp({
      db: t.db,
      dbKind: t.handle.kind,
      clock: createClock('2024-01-22'),
      cookieSecure: true,
      baseUrl: TEST_BASE_URL,
      // Nothing listens on port 9 of this machine.
      notify: { ...notify.settings, baseUrl: 'http://127.0.0.1:9' },
    })
    try {
      await app.scheduled.sendUpdateRequests()
      expect((await app.scheduled.runJobs()).retried).toBe(1)
    } finally {
      await app.close()
    }
    expect((await jobs())[0].lastError).toMatch(/^GOV\.UK Notify could not be reached: ECONNREFUSED/)
  })

  it('shows admins Notify’s id and delivery status, and a failure to deliver as not sent', async () => {
    await subscribe('one@example.org')
    await subscribe('two@example.org')
    const now = Date.now()
    await t.app.scheduled.runJobs(new Date(now))
    const [one, two] = notify.sent
    expect(text((await admin.get('/admin/outbox')).body)).toContain(`GOV.UK Notify: created · Notify’s id ${one.id}`)
    notify.setStatus(one.id, 'delivered')
    notify.setStatus(two.id, 'sending')
    // A minute after sending, Oversight asks; one is still sending, so it asks again later.
    expect(await t.app.scheduled.runJobs(new Date(now + MINUTE))).toEqual({ done: 1, retried: 1, failed: 0 })
    notify.setStatus(two.id, 'permanent-failure')
    expect((await t.app.scheduled.runJobs(new Date(now + 2 * MINUTE))).done).toBe(1)
    const byAddress = Object.fromEntries((await outbox()).map((message) => [message.recipient, message]))
    expect(byAddress['one@example.org']).toMatchObject({ delivery: 'sent', notifyStatus: 'delivered' })
    expect(byAddress['two@example.org']).toMatchObject({
      delivery: 'failed',
      notifyStatus: 'permanent-failure',
      deliveryError: 'GOV.UK Notify could not deliver it: the address does not exist or refused it',
    })
    const page = text((await admin.get('/admin/outbox')).body)
    expect(page).toContain('GOV.UK Notify: delivered')
    expect(page).toContain('1 message could not be sent.')
  })

  it('sends each message once when two app processes run the jobs at the same moment', async () => {
    await subscribe('one@example.org')
    await subscribe('two@example.org')
    await subscribe('three@example.org')
    const second = await appOn('2024-01-22')
    try {
      const [a, b] = await Promise.all([t.app.scheduled.runJobs(), second.scheduled.runJobs()])
      expect(a.done + b.done).toBe(3)
    } finally {
      await second.close()
    }
    expect(notify.sent.map((request) => request.emailAddress).sort()).toEqual([
      'one@example.org',
      'three@example.org',
      'two@example.org',
    ])
  })
})
