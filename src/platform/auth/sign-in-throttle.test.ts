import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_PASSWORD, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary } from '../../../test/support/html.ts'
import type { Db } from '#src/database.ts'
import { hashPassword } from './passwords.ts'
import { checkCredentials } from './sign-in.ts'
import { ACCOUNT_FROM_SOURCE, SOURCE } from './sign-in-delay.ts'
import type { Role } from './user.ts'

const WRONG = 'Enter a correct email address and password'
const WAIT = /^Too many failed attempts\. Wait (\d+) seconds? before trying again$/
const SECOND = 1000

let passwordHash: string

/** An account straight in the database, with TEST_PASSWORD; returns its id. */
async function account(db: Db, email: string, role: Role = 'officer') {
  passwordHash ??= await hashPassword(TEST_PASSWORD)
  const row = await db
    .insertInto('users')
    .values({ email, name: `Person ${email}`, role, passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Failed sign-ins recorded against an account: one per password actually checked. */
async function failuresRecorded(db: Db, userId: string) {
  const rows = await db
    .selectFrom('auditEvents')
    .select('id')
    .where('action', '=', 'sign-in failed')
    .where('subjectId', '=', userId)
    .execute()
  return rows.length
}

/** A throttled answer: 429, the wait in seconds in the message and in Retry-After. */
function expectThrottled(page: LightMyRequestResponse, maxSeconds: number) {
  expect(page.statusCode).toBe(429)
  const [message] = errorSummary(page.body)
  const seconds = Number(WAIT.exec(message ?? '')?.[1])
  expect(seconds, message).toBeGreaterThan(0)
  expect(seconds).toBeLessThanOrEqual(maxSeconds)
  expect(page.headers['retry-after']).toBe(String(seconds))
  expect(page.cookies.find((cookie) => cookie.name === '__Host-session')).toBeUndefined()
}

describe.each(testDatabases())('sign-in throttling (ADR 4) on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
  })
  afterAll(() => t?.close())

  const wrong = (from: string, email: string, n = 0) =>
    t.visitor({ remoteAddress: from }).post('/sign-in', { email, password: `wrong guess ${n}` })

  /** Sign-in attempts from one address at instants counted from now, as the route makes them. */
  function attemptsFrom(source: string, email: string) {
    const start = Date.now()
    return (password: string, afterMs: number) =>
      checkCredentials(t.db, { email, password, source, requestId: 'test' }, new Date(start + afterMs))
  }

  /** Sends `count` wrong passwords for one account from one address, all at once. */
  async function burst(email: string, from: string, count: number) {
    const attacker = t.visitor({ remoteAddress: from })
    await attacker.token()
    return Promise.all(
      Array.from({ length: count }, (_, n) => attacker.post('/sign-in', { email, password: `wrong guess ${n}` })),
    )
  }

  it(`checks ${ACCOUNT_FROM_SOURCE.freeFailures} of 30 wrong passwords sent at once, and tells the rest how long to wait`, async () => {
    const email = 'burst@example.org'
    const id = await account(t.db, email)
    const pages = await burst(email, '198.51.100.1', 30)
    const checked = pages.filter((page) => page.statusCode === 400)
    expect(checked).toHaveLength(ACCOUNT_FROM_SOURCE.freeFailures)
    for (const page of checked) expect(errorSummary(page.body)).toEqual([WRONG])
    const throttled = pages.filter((page) => page.statusCode !== 400)
    expect(throttled).toHaveLength(30 - ACCOUNT_FROM_SOURCE.freeFailures)
    for (const page of throttled) expectThrottled(page, 30)
    expect(await failuresRecorded(t.db, id)).toBe(ACCOUNT_FROM_SOURCE.freeFailures)
  })

  it(`checks at most ${ACCOUNT_FROM_SOURCE.freeFailures} of 40 wrong passwords sent at once`, async () => {
    const email = 'bigger.burst@example.org'
    const id = await account(t.db, email)
    const pages = await burst(email, '198.51.100.9', 40)
    // Beyond 30 at once the form's flood limit (@fastify/rate-limit) may answer some or all of them.
    expect(pages.filter((page) => page.statusCode === 400).length).toBeLessThanOrEqual(ACCOUNT_FROM_SOURCE.freeFailures)
    expect(pages.every((page) => page.statusCode === 400 || page.statusCode === 429)).toBe(true)
    expect(await failuresRecorded(t.db, id)).toBeLessThanOrEqual(ACCOUNT_FROM_SOURCE.freeFailures)
  })

  it('refuses even the right password from a source inside its wait, unchecked; the admin elsewhere signs in', async () => {
    const email = 'the.admin@example.org'
    const id = await account(t.db, email, 'admin')
    const attacker = t.visitor({ remoteAddress: '198.51.100.2' })
    for (let n = 0; n < ACCOUNT_FROM_SOURCE.freeFailures; n++) {
      expect((await attacker.post('/sign-in', { email, password: `guess ${n}` })).statusCode).toBe(400)
    }
    expectThrottled(await attacker.post('/sign-in', { email, password: TEST_PASSWORD }), 30)
    expect(await failuresRecorded(t.db, id)).toBe(ACCOUNT_FROM_SOURCE.freeFailures)

    // However many more the attacker sends, the admin elsewhere signs in.
    for (let n = 0; n < 5; n++) expectThrottled(await wrong('198.51.100.2', email, n), 30)
    const admin = t.visitor({ remoteAddress: '192.0.2.10' })
    await admin.signIn(email, TEST_PASSWORD)
    expect((await admin.get('/admin/accounts')).statusCode).toBe(200)
  })

  it('lets the source try again once its wait has passed, and doubles the wait with each failure', async () => {
    const email = 'patient@example.org'
    await account(t.db, email)
    const attempt = attemptsFrom('198.51.100.3', email)
    for (let n = 0; n < ACCOUNT_FROM_SOURCE.freeFailures; n++) {
      expect(await attempt(`guess ${n}`, 0)).toEqual({ ok: false, reason: 'invalid' })
    }
    expect(await attempt(TEST_PASSWORD, 29 * SECOND)).toEqual({ ok: false, reason: 'throttled', waitMs: SECOND })
    expect(await attempt('one more guess', 30 * SECOND)).toEqual({ ok: false, reason: 'invalid' })
    expect(await attempt(TEST_PASSWORD, 89 * SECOND)).toEqual({ ok: false, reason: 'throttled', waitMs: SECOND })
    expect(await attempt(TEST_PASSWORD, 90 * SECOND)).toMatchObject({ ok: true })
  })

  it('clears the failures of an account from a source when it signs in there', async () => {
    const email = 'fumbler@example.org'
    await account(t.db, email)
    const from = '198.51.100.4'
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < ACCOUNT_FROM_SOURCE.freeFailures - 1; n++) {
        expect((await wrong(from, email, n)).statusCode).toBe(400)
      }
      await t.visitor({ remoteAddress: from }).signIn(email, TEST_PASSWORD)
    }
  })

  it('forgets failures a day after the last', async () => {
    const email = 'forgiven@example.org'
    await account(t.db, email)
    const attempt = attemptsFrom('198.51.100.5', email)
    // Fifteen minutes apart, the longest wait: every guess is checked.
    for (let n = 0; n < 12; n++) {
      expect(await attempt(`guess ${n}`, n * 15 * 60 * SECOND)).toEqual({ ok: false, reason: 'invalid' })
    }
    const last = 11 * 15 * 60 * SECOND
    expect(await attempt(TEST_PASSWORD, last + 60 * SECOND)).toMatchObject({ reason: 'throttled' })
    expect(await attempt(TEST_PASSWORD, last + 24 * 60 * 60 * SECOND)).toMatchObject({ ok: true })
  })

  it(`slows a source after ${SOURCE.freeFailures} failures across accounts, for every account, and no other source`, async () => {
    const from = '198.51.100.6'
    const email = 'sprayed@example.org'
    await account(t.db, email)
    for (let n = 0; n < SOURCE.freeFailures; n++) {
      const result = await checkCredentials(t.db, {
        email: `someone-${n}@example.org`,
        password: 'Summer2024!',
        source: from,
        requestId: 'test',
      })
      expect(result).toEqual({ ok: false, reason: 'invalid' })
    }
    expectThrottled(await t.visitor({ remoteAddress: from }).post('/sign-in', { email, password: TEST_PASSWORD }), 30)
    await t.visitor({ remoteAddress: '198.51.100.7' }).signIn(email, TEST_PASSWORD)
  })

  it('records each checked failure in the audit trail, with the source but never the password', async () => {
    const email = 'audited@example.org'
    const id = await account(t.db, email)
    await wrong('198.51.100.8', email, 1)
    await t.visitor({ remoteAddress: '198.51.100.8' }).post('/sign-in', {
      email: 'typed.secret@example.org',
      password: 'another secret',
    })
    const events = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'sign-in failed')
      .where('subjectId', 'in', [id, '198.51.100.8'])
      .orderBy('id')
      .execute()
    expect(events.map((event) => [event.subjectType, event.subjectId])).toEqual([
      ['user', id],
      ['sign-in', '198.51.100.8'],
    ])
    const stored = JSON.stringify(events)
    expect(stored).toContain('198.51.100.8')
    for (const typed of ['wrong guess 1', 'typed.secret', 'another secret']) expect(stored).not.toContain(typed)
  })
})

describe.each(testDatabases())('the source address behind a proxy on $name', (database) => {
  let behindProxy: TestApp
  let direct: TestApp
  beforeAll(async () => {
    // app.inject's requests come from 127.0.0.1: the proxy, when loopback is trusted.
    behindProxy = await startTestApp(database, { demo: false, trustProxy: ['loopback'] })
    direct = await startTestApp(database, { demo: false })
  })
  afterAll(async () => {
    await behindProxy?.close()
    await direct?.close()
  })

  const from = (t: TestApp, client: string) => t.visitor({ headers: { 'x-forwarded-for': client } })

  async function throttleFrom(t: TestApp, client: string, email: string) {
    for (let n = 0; n < ACCOUNT_FROM_SOURCE.freeFailures; n++) {
      expect((await from(t, client).post('/sign-in', { email, password: `guess ${n}` })).statusCode).toBe(400)
    }
    expectThrottled(await from(t, client).post('/sign-in', { email, password: TEST_PASSWORD }), 30)
  }

  it('with OVERSIGHT_TRUST_PROXY, throttles the client that X-Forwarded-For names', async () => {
    const email = 'proxied@example.org'
    await account(behindProxy.db, email)
    await throttleFrom(behindProxy, '203.0.113.1', email)
    await from(behindProxy, '203.0.113.2').signIn(email, TEST_PASSWORD)
  })

  it('without it, ignores X-Forwarded-For: a client cannot pick a fresh address for each guess', async () => {
    const email = 'direct@example.org'
    await account(direct.db, email)
    await throttleFrom(direct, '203.0.113.1', email)
    expectThrottled(await from(direct, '203.0.113.2').post('/sign-in', { email, password: TEST_PASSWORD }), 30)
  })
})
