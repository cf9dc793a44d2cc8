import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { type MeetingRecord, builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_BASE_URL, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, fieldError, text } from '../../../test/support/html.ts'

/** Email alerts: subscribe to a body, confirm by the emailed link, hear of each paper once, leave. */
describe.each(testDatabases())('email alerts on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord
  const BODY = '/bodies/alerts-panel'

  const messagesTo = (recipient: string) =>
    t.db.selectFrom('outboxMessages').selectAll().where('recipient', '=', recipient).orderBy('createdAt').execute()
  /** The address of the last link of this kind in the last message to `recipient`. */
  const linkIn = async (recipient: string, kind: 'confirm' | 'unsubscribe') => {
    const body = (await messagesTo(recipient)).at(-1)?.body ?? ''
    const match = new RegExp(`${TEST_BASE_URL}(/alerts/[A-Za-z0-9_-]{43}/${kind})`).exec(body)
    expect(match, body).not.toBeNull()
    return match![1]
  }

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody({ name: 'Alerts panel' })
    expect(body.url).toBe(BODY)
    meeting = await build.aMeeting(body, { date: '2024-02-08', agenda: 'draft' })
  })
  afterAll(() => t?.close())

  it('offers alerts on the body’s page, and checks the address next to the field', async () => {
    expect((await t.visitor().get(BODY)).body).toContain(
      `href="${BODY}/alerts">Get emails when this body publishes papers`,
    )
    const page = await t.visitor().get(`${BODY}/alerts`)
    expect(text(page.body)).toContain('Get emails from Alerts panel')
    const bad = await t.visitor().post(`${BODY}/alerts`, { email: 'not an address' })
    expect(bad.statusCode).toBe(400)
    expect(errorSummary(bad.body)).toEqual(['Enter an email address in the correct format, like name@example.org'])
    expect(fieldError(bad.body, 'email')).toContain('Enter an email address in the correct format')
    expect((await t.visitor().get('/bodies/nobody/alerts')).statusCode).toBe(404)
  })

  it('sends a link to confirm, and tells everyone the same whether or not the address is subscribed', async () => {
    const asked = await t.visitor().post(`${BODY}/alerts`, { email: 'Resident@Example.org' })
    expect(asked.statusCode).toBe(303)
    expect(asked.headers.location).toBe(`${BODY}/alerts/check-your-email`)
    const check = text((await t.visitor().get(asked.headers.location!)).body)
    expect(check).toContain('Check your email')
    const [message] = await messagesTo('resident@example.org')
    expect(message.subject).toBe('Confirm your email alerts from Alerts panel')
    const first = await linkIn('resident@example.org', 'confirm')

    // Asked again before confirming: a new link, and the old one no longer works.
    await t.visitor().post(`${BODY}/alerts`, { email: 'resident@example.org' })
    const second = await linkIn('resident@example.org', 'confirm')
    expect(second).not.toBe(first)
    expect((await t.visitor().get(first)).statusCode).toBe(404)

    const confirmPage = await t.visitor().get(second)
    expect(text(confirmPage.body)).toContain('Confirm emails from Alerts panel')
    const confirmed = await t.visitor().post(second)
    expect(confirmed.statusCode).toBe(303)
    expect(text((await t.visitor().get(second)).body)).toContain('Emails confirmed')

    // Asked once more, now confirmed: the same answer, and nothing sent.
    const again = await t.visitor().post(`${BODY}/alerts`, { email: 'resident@example.org' })
    expect(again.headers.location).toBe(`${BODY}/alerts/check-your-email`)
    expect(await messagesTo('resident@example.org')).toHaveLength(2)
    // The audit trail records the asking, never the address.
    const events = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('subjectType', '=', 'alert subscription')
      .execute()
    expect(events.map((event) => event.action).sort()).toEqual([
      'asked again for email alerts',
      'asked for email alerts',
      'confirmed email alerts',
    ])
    expect(JSON.stringify(events)).not.toContain('resident@example.org')
  })

  it('emails each confirmed subscriber once when the body publishes an agenda', async () => {
    expect(await t.app.scheduled.sendAlerts()).toBe(0)
    expect((await scrutiny.post(`${meeting.url}/agenda/publish`, { lateReason: 'Papers were late' })).statusCode).toBe(
      303,
    )
    expect(await t.app.scheduled.sendAlerts()).toBe(1)
    expect(await t.app.scheduled.sendAlerts()).toBe(0)
    const alert = (await messagesTo('resident@example.org')).at(-1)!
    expect(alert.subject).toBe('Alerts panel: Agenda for the meeting on Thursday 8 February 2024')
    expect(alert.body).toContain(`Read it here: ${TEST_BASE_URL}${meeting.url}`)
    expect(alert.body).toMatch(
      /To stop these emails: https:\/\/oversight\.example\.gov\.uk\/alerts\/[A-Za-z0-9_-]{43}\/unsubscribe/,
    )
  })

  it('stops the emails by the link in each, and forgets the address', async () => {
    const leave = await linkIn('resident@example.org', 'unsubscribe')
    expect(text((await t.visitor().get(leave)).body)).toContain('Stop emails from Alerts panel')
    const left = await t.visitor().post(leave)
    expect(left.statusCode).toBe(303)
    expect(text((await t.visitor().get(left.headers.location!)).body)).toContain(
      'You will get no more emails from Alerts panel',
    )
    expect((await t.visitor().get(leave)).statusCode).toBe(404)
    expect(await t.db.selectFrom('alertSubscriptions').selectAll().execute()).toEqual([])
    expect(await messagesTo('resident@example.org')).toEqual([])
    expect(await t.app.scheduled.sendAlerts()).toBe(0)
  })

  it('answers a link that is not one as not found', async () => {
    expect((await t.visitor().get('/alerts/abc/confirm')).statusCode).toBe(404)
    expect((await t.visitor().get(`/alerts/${'a'.repeat(43)}/unsubscribe`)).statusCode).toBe(404)
    expect((await t.visitor().post(`/alerts/${'a'.repeat(43)}/unsubscribe`)).statusCode).toBe(404)
  })

  it('limits how often one address may ask', async () => {
    const visitor = t.visitor({ remoteAddress: '203.0.113.9' })
    const statuses = []
    for (let n = 0; n < 6; n++)
      statuses.push((await visitor.post(`${BODY}/alerts`, { email: `someone${n}@example.org` })).statusCode)
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429])
  })
})
