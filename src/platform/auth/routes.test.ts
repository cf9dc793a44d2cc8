import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_PASSWORD, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, heading, text } from '../../../test/support/html.ts'
import { hashPassword } from './passwords.ts'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, type SessionStore, createSessionStore } from './sessions.ts'
import type { Role } from './user.ts'

const COOKIE = '__Host-session'
const WRONG = 'Enter a correct email address and password'
const MINUTE = 60_000

/** The session token a response set, if any. */
function sessionToken(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((cookie) => cookie.name === COOKIE)?.value
}

describe.each(testDatabases())('signing in, sessions and the HTTP platform on $name', (database) => {
  let t: TestApp
  let store: SessionStore
  let passwordHash: string

  /** An account straight in the database (no demo data here), with TEST_PASSWORD. */
  async function account(email: string, role: Role = 'officer') {
    const row = await t.db
      .insertInto('users')
      .values({ email, name: `Person ${email}`, role, passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  /** A GET with just this session cookie, as a browser holding an old cookie would send. */
  const getWithToken = (url: string, token: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: `${COOKIE}=${token}` } })

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    store = createSessionStore(t.db)
    passwordHash = await hashPassword(TEST_PASSWORD)
  })
  afterAll(() => t?.close())

  describe('signing in', () => {
    beforeAll(() => account('signer@example.org'))

    it('asks for both fields', async () => {
      const page = await t.visitor().post('/sign-in', { email: '', password: '' })
      expect(page.statusCode).toBe(400)
      expect(errorSummary(page.body)).toEqual(['Enter your email address', 'Enter your password'])
    })

    it('gives the same answer for a wrong password and for an unknown email address', async () => {
      const wrong = await t
        .visitor()
        .post('/sign-in', { email: 'signer@example.org', password: 'not the password at all' })
      const unknown = await t.visitor().post('/sign-in', { email: 'nobody@example.org', password: TEST_PASSWORD })
      for (const page of [wrong, unknown]) {
        expect(page.statusCode).toBe(400)
        expect(heading(page.body)).toBe('Sign in')
        expect(errorSummary(page.body)).toEqual([WRONG])
        expect(sessionToken(page)).toBeUndefined()
      }
      expect(wrong.body).toContain('value="signer@example.org"')
    })

    it('signs in whatever the case of the email address, with a __Host- cookie the page scripts cannot read', async () => {
      const agent = t.visitor()
      const page = await agent.post('/sign-in', {
        email: '  Signer@Example.ORG ',
        password: TEST_PASSWORD,
        returnTo: '/account',
      })
      expect(page.statusCode).toBe(303)
      expect(page.headers.location).toBe('/account')
      const header = [page.headers['set-cookie']].flat().find((cookie) => cookie?.startsWith(`${COOKIE}=`))
      expect(header).toBeDefined()
      expect(header).toMatch(/; HttpOnly/i)
      expect(header).toMatch(/; Secure/i)
      expect(header).toMatch(/; SameSite=Lax/i)
      expect(header).toMatch(/; Path=\/(;|$)/)
      expect(header).not.toMatch(/Domain=/i)
      const mine = await agent.get('/account')
      expect(mine.statusCode).toBe(200)
      expect(text(mine.body)).toContain('signer@example.org')
    })

    it('starts a new session at every sign-in and ends the one before', async () => {
      const agent = t.visitor()
      const first = sessionToken(await agent.post('/sign-in', { email: 'signer@example.org', password: TEST_PASSWORD }))
      const second = sessionToken(
        await agent.post('/sign-in', { email: 'signer@example.org', password: TEST_PASSWORD }),
      )
      expect(first).toBeTruthy()
      expect(second).toBeTruthy()
      expect(second).not.toBe(first)
      expect(await store.resolve(first)).toBeNull()
      expect((await store.resolve(second))?.email).toBe('signer@example.org')
    })

    it('signs out: the old cookie no longer works', async () => {
      const agent = t.visitor()
      const token = sessionToken(
        await agent.post('/sign-in', { email: 'signer@example.org', password: TEST_PASSWORD }),
      )!
      expect((await getWithToken('/account', token)).statusCode).toBe(200)

      const out = await agent.post('/sign-out')
      expect(out.statusCode).toBe(303)
      expect(out.headers.location).toBe('/signed-out')
      expect(heading((await agent.get('/signed-out')).body)).toBe('You have signed out')

      const replayed = await getWithToken('/account', token)
      expect(replayed.statusCode).toBe(303)
      expect(replayed.headers.location).toBe('/sign-in?returnTo=%2Faccount')
      expect(await store.resolve(token)).toBeNull()
    })
  })

  describe('where signing in leads (returnTo)', () => {
    const HOSTILE = [
      '//evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      '/.//evil.example',
      'https://evil.example/',
      '/account\r\nSet-Cookie: stolen=1',
      '/account\nLocation: https://evil.example',
    ]

    it('keeps the first of two returnTo values, and offers / for anything that is not a path on this site', async () => {
      const visitor = t.visitor()
      const returnToField = (body: string) => /name="returnTo" value="([^"]*)"/.exec(body)?.[1]
      const twice = await visitor.get('/sign-in?returnTo=a&returnTo=b')
      expect(twice.statusCode).toBe(200)
      expect(returnToField(twice.body)).toBe('/')
      const first = await visitor.get('/sign-in?returnTo=%2Faccount&returnTo=%2F%2Fevil.example')
      expect(returnToField(first.body)).toBe('/account')
      for (const value of HOSTILE) {
        const page = await visitor.get(`/sign-in?returnTo=${encodeURIComponent(value)}`)
        expect(page.statusCode, value).toBe(200)
        expect(returnToField(page.body), value).toBe('/')
      }
    })

    it('never sends anyone off the site after signing in, and never fails on a strange returnTo', async () => {
      for (const returnTo of [...HOSTILE, ['a', 'b'], ['//evil.example', '/account']]) {
        const page = await t
          .visitor({ remoteAddress: '192.0.2.20' })
          .post('/sign-in', { email: 'signer@example.org', password: TEST_PASSWORD, returnTo })
        expect(page.statusCode, String(returnTo)).toBe(303)
        expect(page.headers.location, String(returnTo)).toBe('/')
      }
      const kept = await t
        .visitor({ remoteAddress: '192.0.2.20' })
        .post('/sign-in', { email: 'signer@example.org', password: TEST_PASSWORD, returnTo: ['/account', '/admin'] })
      expect(kept.headers.location).toBe('/account')
    })

    it('answers a form with a field sent twice as it would the first value', async () => {
      const page = await t.visitor({ remoteAddress: '192.0.2.21' }).post('/sign-in', {
        email: ['signer@example.org', 'other@example.org'],
        password: [TEST_PASSWORD, 'not it'],
      })
      expect(page.statusCode).toBe(303)
      const missing = await t.visitor({ remoteAddress: '192.0.2.21' }).post('/sign-in', {})
      expect(missing.statusCode).toBe(400)
      expect(errorSummary(missing.body)).toEqual(['Enter your email address', 'Enter your password'])
    })
  })

  describe('session lifetime', () => {
    /** A new session and the instants the database gave it. */
    async function newSession(email: string) {
      const userId = await account(email)
      const token = await store.start(userId)
      const row = await t.db.selectFrom('sessions').selectAll().where('userId', '=', userId).executeTakeFirstOrThrow()
      const user = await store.resolve(token, row.createdAt)
      expect(user?.email).toBe(email)
      return { token, createdAt: row.createdAt.getTime() }
    }

    it(`ends after ${IDLE_TIMEOUT_MS / MINUTE} minutes without a request`, async () => {
      const { token, createdAt } = await newSession('idle@example.org')
      expect(await store.resolve(token, new Date(createdAt + IDLE_TIMEOUT_MS + 1))).toBeNull()
      expect((await store.resolve(token, new Date(createdAt + IDLE_TIMEOUT_MS)))?.email).toBe('idle@example.org')
    })

    it(`stays alive with activity, but never beyond ${ABSOLUTE_TIMEOUT_MS / 60 / MINUTE} hours`, async () => {
      const { token, createdAt } = await newSession('busy@example.org')
      const step = IDLE_TIMEOUT_MS - MINUTE
      for (let elapsed = step; elapsed < ABSOLUTE_TIMEOUT_MS; elapsed += step) {
        expect(
          await store.resolve(token, new Date(createdAt + elapsed)),
          `after ${elapsed / MINUTE} minutes`,
        ).not.toBeNull()
      }
      expect(await store.resolve(token, new Date(createdAt + ABSOLUTE_TIMEOUT_MS))).not.toBeNull()
      expect(await store.resolve(token, new Date(createdAt + ABSOLUTE_TIMEOUT_MS + 1))).toBeNull()
    })

    it('knows no session for a made-up or missing token', async () => {
      expect(await store.resolve('made-up-token')).toBeNull()
      expect(await store.resolve(undefined)).toBeNull()
      expect((await getWithToken('/account', 'made-up-token')).statusCode).toBe(303)
    })
  })

  describe('forms need their CSRF token', () => {
    it('refuses a sign-in without one', async () => {
      const page = await t
        .visitor()
        .post('/sign-in', { email: 'signer@example.org', password: TEST_PASSWORD }, { csrf: false })
      expect(page.statusCode).toBe(403)
      expect(heading(page.body)).toBe('Your form could not be sent')
      expect(sessionToken(page)).toBeUndefined()
    })

    it('gives a visitor a token (and its cookie) only with a page that has a form, and takes it back', async () => {
      const agent = t.visitor()
      const plain = await agent.get('/meetings')
      expect(plain.statusCode).toBe(200)
      expect(plain.body).not.toContain('name="_csrf"')
      expect(plain.cookies.map((cookie) => cookie.name)).toEqual([])
      const form = await agent.get('/sign-in')
      expect(form.cookies.map((cookie) => cookie.name)).toContain('__Host-csrf')
      expect(form.body).toContain(`value="${await agent.token()}"`)
      expect((await agent.post('/sign-in', { email: 'signer@example.org', password: TEST_PASSWORD })).statusCode).toBe(
        303,
      )
    })

    it('refuses a signed-in post without one, with a forged one or with one sent twice, and changes nothing', async () => {
      const agent = t.visitor()
      await agent.signIn('signer@example.org', TEST_PASSWORD)
      expect((await agent.post('/sign-out', {}, { csrf: false })).statusCode).toBe(403)
      expect((await agent.post('/sign-out', { _csrf: 'forged-token' }, { csrf: false })).statusCode).toBe(403)
      const token = await agent.token()
      expect((await agent.post('/sign-out', { _csrf: [token, token] }, { csrf: false })).statusCode).toBe(403)
      expect((await agent.get('/account')).statusCode).toBe(200)
    })
  })

  describe('the HTTP platform', () => {
    it('sends security headers: a strict CSP whose nonce covers the one inline script', async () => {
      const page = await t.visitor().get('/sign-in')
      const csp = String(page.headers['content-security-policy'])
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      )
      const scriptSrc = directives.get('script-src') ?? []
      expect(scriptSrc).toContain("'self'")
      expect(scriptSrc).not.toContain("'unsafe-inline'")
      expect(scriptSrc).not.toContain("'unsafe-eval'")
      expect(directives.get('frame-ancestors')).toEqual(["'none'"])
      expect(directives.get('object-src')).toEqual(["'none'"])
      expect(page.headers['x-frame-options']).toBeDefined()
      expect(page.headers['x-content-type-options']).toBe('nosniff')
      expect(page.headers['referrer-policy']).toBe('same-origin')
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/)

      const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice(7, -1)
      expect(nonce).toBeTruthy()
      const inline = [...page.body.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)]
      expect(inline.length).toBeGreaterThan(0)
      for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`)
      expect(page.body).not.toMatch(/\sstyle="/)
    })

    it('answers the health check', async () => {
      const health = await t.app.inject({ method: 'GET', url: '/health' })
      expect(health.statusCode).toBe(200)
      expect(health.json()).toEqual({ status: 'ok' })
    })

    it('shows "Page not found" for an unknown page', async () => {
      const page = await t.visitor().get('/no-such-page')
      expect(page.statusCode).toBe(404)
      expect(heading(page.body)).toBe('Page not found')
    })
  })
})
