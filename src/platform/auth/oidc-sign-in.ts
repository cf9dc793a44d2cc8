import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { normaliseEmail } from './sign-in.ts'
import { systemContext } from './user.ts'

export type OidcAccountResult =
  { ok: true; userId: string } | { ok: false; reason: 'no account' | 'disabled'; email: string }

/** Why a sign-in through the provider failed, as the audit trail gives it. */
export type OidcFailure =
  'no sign-in under way' | 'refused by provider' | 'no verified email' | 'no account' | 'disabled'

interface Attempt {
  /** The client's address (request.ip). */
  source: string
  requestId: string
}

/**
 * The Oversight account for an address the council's provider verified: matched by the normalised
 * address, and only an account an admin made and has not disabled. No account is ever made here.
 */
export async function accountForVerifiedEmail(
  db: Db,
  verifiedEmail: string,
  attempt: Attempt,
): Promise<OidcAccountResult> {
  const email = normaliseEmail(verifiedEmail)
  const user = await db.selectFrom('users').select(['id', 'disabledAt']).where('email', '=', email).executeTakeFirst()
  if (user && !user.disabledAt) return { ok: true, userId: user.id }
  const reason = user ? 'disabled' : 'no account'
  await recordOidcFailure(db, attempt, reason, user ? { userId: user.id } : { email })
  return { ok: false, reason, email }
}

/**
 * A failed sign-in through the provider, in the audit trail as a failed password sign-in is: against
 * the account when there is one, otherwise against the source address. No token is ever recorded.
 */
export async function recordOidcFailure(
  db: Db,
  attempt: Attempt,
  reason: OidcFailure,
  who: { userId?: string; email?: string } = {},
) {
  await recordAudit(db, systemContext(attempt.requestId), {
    action: 'sign-in failed',
    subjectType: who.userId ? 'user' : 'sign-in',
    subjectId: who.userId ?? attempt.source,
    after: { source: attempt.source, method: 'oidc', reason, ...(who.email ? { email: who.email } : {}) },
  })
}
