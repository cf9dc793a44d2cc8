import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Account, type Context } from 'oidc-provider'
import { OIDC_CALLBACK_PATH, type OidcSettings } from '#src/config.ts'
import { TEST_BASE_URL } from './harness.ts'

export const OIDC_CLIENT_ID = 'oversight'
export const OIDC_CLIENT_SECRET = 'a client secret for the tests only'

/** The claims of a person the provider knows, by the name they sign in with there. */
export type ProviderAccounts = Record<string, Record<string, unknown>>

export interface TestOidcProvider {
  issuer: string
  /** The app's settings for this provider. */
  settings: OidcSettings
  /** The people who can sign in here; change it between tests. */
  accounts: ProviderAccounts
  /**
   * Follows an authorization address as a browser would, signs in there as `login` (or, with
   * `login: null`, cancels), and gives the address the provider sends the browser back to.
   */
  signIn(authorizationUrl: string, login: string | null): Promise<URL>
  close(): Promise<void>
}

/**
 * A real OpenID Connect provider (node-oidc-provider) on 127.0.0.1 at a port of its own, with
 * Oversight registered as a client. People sign in with its development login form (any password),
 * and consent is taken as given, as a council's own provider does for its own applications.
 */
export async function startOidcProvider(
  accounts: ProviderAccounts = {},
  /** The app's address, to which the provider sends people back. */
  siteUrl = TEST_BASE_URL,
): Promise<TestOidcProvider> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const redirectUrl = `${siteUrl}${OIDC_CALLBACK_PATH}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [redirectUrl],
        post_logout_redirect_uris: [`${siteUrl}/signed-out`],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount: (_ctx: Context, sub: string): Account | undefined =>
      accounts[sub] ? { accountId: sub, claims: () => ({ sub, ...accounts[sub] }) } : undefined,
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
    // The claims in the ID token itself, as Microsoft Entra ID sends them.
    conformIdTokenClaims: false,
    loadExistingGrant: async (ctx: Context) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
    cookies: { keys: ['a cookie key for the tests only'] },
    // Set, so that the provider does not print a notice for each default it falls back on.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  })
  server.on('request', provider.callback())

  return {
    issuer,
    accounts,
    settings: {
      issuer,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      redirectUrl,
      providerName: 'your council account',
    },
    signIn: (authorizationUrl, login) => browse(authorizationUrl, login, new URL(redirectUrl).origin),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}

/** Redirect by redirect, with the provider's cookies, until the provider sends the browser back to `home`. */
async function browse(start: string, login: string | null, home: string): Promise<URL> {
  const cookies = new Map<string, string>()
  let request: { url: URL; form?: URLSearchParams } = { url: new URL(start) }
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      body: request.form,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const at = pair.indexOf('=')
      cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    const location = response.headers.get('location')
    if (!location) throw new Error(`The provider answered ${response.status} at ${request.url.href}`)
    const next = new URL(location, request.url)
    if (next.origin === home) return next
    if (/^\/interaction\/[^/]+$/.test(next.pathname)) {
      // The login page: sign in, or cancel.
      request =
        login === null
          ? { url: new URL(`${next.pathname}/abort`, next) }
          : { url: next, form: new URLSearchParams({ prompt: 'login', login, password: 'any' }) }
    } else {
      request = { url: next }
    }
  }
  throw new Error('The provider did not send the browser back')
}
