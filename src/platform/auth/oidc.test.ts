import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { TEST_BASE_URL, TEST_PASSWORD, type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { attribute, count, errorSummary, heading, summaryList } from '../../../test/support/html.ts'
import { OIDC_CLIENT_SECRET, type TestOidcProvider, startOidcProvider } from '../../../test/support/oidc-provider.ts'
import { openTransaction, sealTransaction } from './oidc-transaction.ts'
import { hashPassword } from './passwords.ts'
import type { Role } from './user.ts'

const SESSION = '__Host-session'
const TRANSACTION = '__Host-oidc'
const FAILED = 'Sign-in did not work'

/** The people the council's provider knows, by the name they sign in with there. */
const PEOPLE = {
  officer: { email: 'Officer@Example.org', email_verified: true, name: 'Olu Officer' },
  admin: { email: 'admin@example.org', email_verified: true },
  stranger: { email: 'stranger@example.org', email_verified: true },
  leaver: { email: 'leaver@example.org', email_verified: true },
  unverified: { email: 'officer@example.org', email_verified: false },
  'no-email': {},
  // Microsoft Entra ID's way: no email_verified, the domain owner's verification instead.
  entra: { email: 'analyst@example.org', xms_edov: true },
}

const setCookie = (response: LightMyRequestResponse, name: string) =>
  response.cookies.find((cookie) => cookie.name === name)

describe.each(testDatabases())('signing in through the council’s OpenID Connect provider on $name', (database) => {
  let provider: TestOidcProvider
  let elsewhere: TestOidcProvider
  let t: TestApp

  async function account(email: string, role: Role, disabled = false) {
    await t.db
      .insertInto('users')
      .values({
        email,
        name: `Person ${email}`,
        role,
        passwordHash: await hashPassword(TEST_PASSWORD),
        disabledAt: disabled ? new Date() : null,
      })
      .execute()
  }

  /** Starts signing in at Oversight, signs in at the provider as `login`, and comes back to the callback. */
  async function viaProvider(agent: Agent, login: string | null, returnTo?: string) {
    const start = await agent.get(`/sign-in/oidc${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`)
    expect(start.statusCode).toBe(303)
    expect(start.headers.location).toMatch(new RegExp(`^${provider.issuer}/`))
    const back = await provider.signIn(String(start.headers.location), login)
    expect(`${back.origin}${back.pathname}`).toBe(provider.settings.redirectUrl)
    return agent.get(back.pathname + back.search)
  }

  const events = (action: string) =>
    t.db.selectFrom('auditEvents').select(['subjectType', 'actorLabel', 'after']).where('action', '=', action).execute()
  const failures = async () =>
    (await events('sign-in failed')).map(({ subjectType, after }) => ({ subjectType, after }))

  beforeAll(async () => {
    ;[provider, elsewhere] = await Promise.all([startOidcProvider(PEOPLE), startOidcProvider(PEOPLE)])
    // With the page cache on, as in production: nothing of a sign-in may be kept for the next visitor.
    t = await startTestApp(database, { demo: false, oidc: provider.settings, publicCache: true })
    await account('officer@example.org', 'officer')
    await account('admin@example.org', 'admin')
    await account('analyst@example.org', 'analyst')
    await account('leaver@example.org', 'officer', true)
  })
  afterAll(async () => {
    await t?.close()
    await Promise.all([provider?.close(), elsewhere?.close()])
  })

  it('offers the council account first on the sign-in page, and a password as well', async () => {
    const page = await t.visitor().get('/sign-in?returnTo=%2Faccount')
    expect(attribute(page.body, '#sign-in-with-provider', 'href')).toBe('/sign-in/oidc?returnTo=%2Faccount')
    expect(count(page.body, 'input[name="password"]')).toBe(1)
    // Each start is its own: a new state and nonce, never a copy of the last visitor's.
    const [first, second] = [await t.visitor().get('/sign-in/oidc'), await t.visitor().get('/sign-in/oidc')]
    expect(first.headers.location).not.toBe(second.headers.location)
    expect(first.headers['cache-control']).toBe('no-store')
  })

  it('signs in by the verified email address, with the role the account has, where the link asked', async () => {
    const agent = t.visitor()
    const start = await agent.get('/sign-in/oidc?returnTo=%2Faccount')
    const cookie = setCookie(start, TRANSACTION)!
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAge: 600 })
    const back = await provider.signIn(String(start.headers.location), 'officer')
    const landed = await agent.get(back.pathname + back.search)
    expect(landed.statusCode).toBe(303)
    expect(landed.headers.location).toBe('/account')
    expect(setCookie(landed, SESSION)?.value).toBeTruthy()
    expect(setCookie(landed, TRANSACTION)?.value).toBe('')

    const mine = await agent.get('/account')
    expect(mine.statusCode).toBe(200)
    expect(summaryList(mine.body)).toMatchObject({ 'Email address': 'officer@example.org', Role: 'Officer' })
    const [signedIn] = await events('signed in')
    expect(signedIn.actorLabel).toContain('officer@example.org')
    expect(signedIn.after).toEqual({ method: 'oidc' })

    // The transaction is used once: the same answer from the provider again is refused.
    const replayed = await agent.get(back.pathname + back.search)
    expect(replayed.statusCode).toBe(400)
  })

  it('never leads off the site afterwards', async () => {
    const landed = await viaProvider(t.visitor(), 'admin', '//evil.example/')
    expect(landed.headers.location).toBe('/')
  })

  it('accepts Microsoft Entra ID’s verified domain in place of email_verified', async () => {
    const agent = t.visitor()
    expect((await viaProvider(agent, 'entra')).statusCode).toBe(303)
    expect(summaryList((await agent.get('/account')).body)).toMatchObject({ Role: 'Analyst' })
  })

  it('refuses an address with no Oversight account, saying whom to ask, and makes none', async () => {
    const page = await viaProvider(t.visitor(), 'stranger')
    expect(page.statusCode).toBe(403)
    expect(heading(page.body)).toBe('There is no Oversight account for stranger@example.org')
    expect(page.body).toContain('Oversight administrator')
    expect(setCookie(page, SESSION)).toBeUndefined()
    const made = await t.db.selectFrom('users').select('id').where('email', '=', 'stranger@example.org').execute()
    expect(made).toEqual([])
    expect(await failures()).toContainEqual({
      subjectType: 'sign-in',
      after: { source: '127.0.0.1', method: 'oidc', reason: 'no account', email: 'stranger@example.org' },
    })
  })

  it('refuses a disabled account', async () => {
    const page = await viaProvider(t.visitor(), 'leaver')
    expect(page.statusCode).toBe(403)
    expect(heading(page.body)).toBe('Your Oversight account is disabled')
    expect(setCookie(page, SESSION)).toBeUndefined()
  })

  it.each(['unverified', 'no-email'])('refuses a token whose email address is not verified (%s)', async (login) => {
    const page = await viaProvider(t.visitor(), login)
    expect(page.statusCode).toBe(403)
    expect(heading(page.body)).toBe('Your council account did not confirm your email address')
    expect(setCookie(page, SESSION)).toBeUndefined()
  })

  it('refuses an answer whose state is not the one sent', async () => {
    const agent = t.visitor()
    const start = await agent.get('/sign-in/oidc')
    const back = await provider.signIn(String(start.headers.location), 'officer')
    back.searchParams.set('state', 'someone-elses-state')
    const page = await agent.get(back.pathname + back.search)
    expect(page.statusCode).toBe(400)
    expect(heading(page.body)).toBe(FAILED)
    expect(setCookie(page, SESSION)).toBeUndefined()
  })

  /** Signs in at the provider, then comes back with the transaction cookie changed by `change`. */
  async function withTransaction(change: (cookie: string) => string | undefined) {
    const start = await t.app.inject({ method: 'GET', url: '/sign-in/oidc' })
    const back = await provider.signIn(String(start.headers.location), 'officer')
    const cookie = change(setCookie(start, TRANSACTION)!.value)
    return t.app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      headers: cookie === undefined ? {} : { cookie: `${TRANSACTION}=${cookie}` },
    })
  }
  const resealed = (cookie: string, changes: object) =>
    sealTransaction(OIDC_CLIENT_SECRET, { ...openTransaction(OIDC_CLIENT_SECRET, cookie)!, ...changes })

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const page = await withTransaction((cookie) => resealed(cookie, { nonce: 'another-nonce' }))
    expect(page.statusCode).toBe(400)
    expect(heading(page.body)).toBe(FAILED)
  })

  it('refuses an answer with the wrong PKCE verifier, an expired sign-in, and one from another browser', async () => {
    for (const change of [
      (cookie: string) => resealed(cookie, { codeVerifier: 'x'.repeat(43) }),
      (cookie: string) => resealed(cookie, { expiresAt: Date.now() - 1 }),
      () => undefined,
    ]) {
      const page = await withTransaction(change)
      expect(page.statusCode).toBe(400)
      expect(heading(page.body)).toBe(FAILED)
      expect(setCookie(page, SESSION)).toBeUndefined()
    }
    expect(await failures()).toContainEqual({
      subjectType: 'sign-in',
      after: { source: '127.0.0.1', method: 'oidc', reason: 'no sign-in under way' },
    })
  })

  it('refuses an answer from another provider', async () => {
    const agent = t.visitor()
    const start = new URL(String((await agent.get('/sign-in/oidc')).headers.location))
    // The same request, sent to another provider where Oversight is also a client (a mix-up).
    const back = await elsewhere.signIn(`${elsewhere.issuer}${start.pathname}${start.search}`, 'officer')
    expect(back.searchParams.get('iss')).toBe(elsewhere.issuer)
    const page = await agent.get(back.pathname + back.search)
    expect(page.statusCode).toBe(400)
    expect(heading(page.body)).toBe(FAILED)
  })

  it('refuses an error from the provider, and records the failure without any token', async () => {
    const page = await viaProvider(t.visitor(), null)
    expect(page.statusCode).toBe(400)
    expect(heading(page.body)).toBe(FAILED)
    expect(await failures()).toContainEqual({
      subjectType: 'sign-in',
      after: { source: '127.0.0.1', method: 'oidc', reason: 'refused by provider' },
    })
  })

  it('signs out of the provider too, after a sign-in through it; a password sign-in signs out here only', async () => {
    const agent = t.visitor()
    await viaProvider(agent, 'officer')
    const out = await agent.post('/sign-out')
    expect(out.statusCode).toBe(303)
    const metadata = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as {
      end_session_endpoint: string
    }
    const location = new URL(String(out.headers.location))
    expect(`${location.origin}${location.pathname}`).toBe(metadata.end_session_endpoint)
    expect(location.searchParams.get('client_id')).toBe(provider.settings.clientId)
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${TEST_BASE_URL}/signed-out`)
    expect((await agent.get('/account')).statusCode).toBe(303)

    // The browser may follow a sent form's redirect there: the CSP's form-action allows the provider.
    expect(out.headers['content-security-policy']).toContain(`form-action 'self' ${provider.issuer}`)

    const withPassword = t.visitor()
    await withPassword.signIn('officer@example.org', TEST_PASSWORD)
    expect((await withPassword.post('/sign-out')).headers.location).toBe('/signed-out')
  })

  describe('with password sign-in switched off', () => {
    let closed: TestApp

    beforeAll(async () => {
      closed = await startTestApp(database, { demo: false, oidc: provider.settings, passwordSignIn: false })
      await closed.db
        .insertInto('users')
        .values({
          email: 'officer@example.org',
          name: 'Olu',
          role: 'officer',
          passwordHash: await hashPassword(TEST_PASSWORD),
        })
        .execute()
    })
    afterAll(() => closed?.close())

    it('shows only the button, and refuses a password even when it is right', async () => {
      const page = await closed.visitor().get('/sign-in')
      expect(count(page.body, '#sign-in-with-provider')).toBe(1)
      expect(count(page.body, 'input[name="password"]')).toBe(0)

      // Signed in through the provider, the layout's sign-out form gives a CSRF token to post with.
      const agent = closed.visitor()
      const start = await agent.get('/sign-in/oidc')
      const back = await provider.signIn(String(start.headers.location), 'officer')
      expect((await agent.get(back.pathname + back.search)).statusCode).toBe(303)
      await agent.get('/account')
      const refused = await agent.post('/sign-in', { email: 'officer@example.org', password: TEST_PASSWORD })
      expect(refused.statusCode).toBe(403)
      expect(errorSummary(refused.body)).toEqual([
        'Sign in with your council account: signing in with a password is switched off',
      ])
      expect(setCookie(refused, SESSION)).toBeUndefined()
    })
  })

  it('answers 503 when the provider cannot be reached, and starts all the same', async () => {
    const unreachable = await startTestApp(database, {
      demo: false,
      oidc: { ...provider.settings, issuer: 'http://127.0.0.1:9' },
    })
    try {
      const page = await unreachable.visitor().get('/sign-in/oidc')
      expect(page.statusCode).toBe(503)
      expect(heading(page.body)).toBe('Sorry, signing in with your council account is not working at the moment')
      expect((await unreachable.visitor().get('/sign-in')).statusCode).toBe(200)
    } finally {
      await unreachable.close()
    }
  })
})
