import type * as Client from 'openid-client'
import type { OidcSettings } from '#src/config.ts'
import { type OidcTransaction, TRANSACTION_TTL_MS } from './oidc-transaction.ts'

/** The council's provider could not be reached (or answered nonsense) when asked for its settings. */
export class ProviderUnavailableError extends Error {}

/** What the provider's ID token says about who signed in, as far as Oversight reads it. */
export interface IdClaims {
  email?: unknown
  email_verified?: unknown
  /** Microsoft Entra ID's "email domain owner verified", its way of saying the email is the user's. */
  xms_edov?: unknown
}

export interface OidcProvider {
  settings: OidcSettings
  /** Where to send the browser to sign in, and the transaction to keep until it comes back. */
  start(returnTo: string, now?: number): Promise<{ url: URL; transaction: OidcTransaction }>
  /** Checks the provider's answer (state, PKCE, issuer, nonce, signature) and gives the ID token's claims. */
  finish(callback: URL, transaction: OidcTransaction): Promise<IdClaims>
  /** The provider's end-session address for after signing out of Oversight, when it has one. */
  endSessionUrl(postLogoutRedirect: string): Promise<URL | null>
}

/** openid-client, loaded the first time someone signs in through the provider, not at every start. */
let loading: Promise<typeof Client> | undefined
const openidClient = () => (loading ??= import('openid-client'))

/**
 * The council's OpenID Connect provider, through openid-client (ADR 20). Its settings are discovered
 * the first time someone signs in, not at start-up, and kept; a failed discovery is tried again the
 * next time, so a provider that is down stops sign-in through it and nothing else.
 */
export function createOidcProvider(settings: OidcSettings, options: { timeoutSeconds?: number } = {}): OidcProvider {
  let discovered: Promise<Client.Configuration> | undefined
  const issuer = new URL(settings.issuer)

  function configuration(): Promise<Client.Configuration> {
    discovered ??= openidClient()
      .then((client) =>
        client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
          timeout: options.timeoutSeconds ?? 10,
          // Plain http only for a provider on this machine: config.ts refuses it anywhere else.
          execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        }),
      )
      .catch((error: unknown) => {
        discovered = undefined
        throw new ProviderUnavailableError(`The OpenID Connect provider at ${settings.issuer} could not be reached`, {
          cause: error,
        })
      })
    return discovered
  }

  return {
    settings,

    async start(returnTo, now = Date.now()) {
      const config = await configuration()
      const client = await openidClient()
      const transaction: OidcTransaction = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
        expiresAt: now + TRANSACTION_TTL_MS,
      }
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
        code_challenge_method: 'S256',
        state: transaction.state,
        nonce: transaction.nonce,
      })
      return { url, transaction }
    },

    async finish(callback, transaction) {
      const config = await configuration()
      const client = await openidClient()
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      })
      return tokens.claims() ?? {}
    },

    async endSessionUrl(postLogoutRedirect) {
      let config: Client.Configuration
      try {
        config = await configuration()
      } catch {
        return null
      }
      if (!config.serverMetadata().end_session_endpoint) return null
      const client = await openidClient()
      return client.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: postLogoutRedirect,
      })
    },
  }
}

/**
 * The address the ID token vouches for, or null: `email` only when the provider says it verified it,
 * with `email_verified: true` or, from Microsoft Entra ID, which never sends that claim, `xms_edov: true`.
 */
export function verifiedEmail(claims: IdClaims): string | null {
  if (typeof claims.email !== 'string' || !claims.email.includes('@')) return null
  const verified = claims.email_verified === undefined ? claims.xms_edov === true : claims.email_verified === true
  return verified ? claims.email : null
}
