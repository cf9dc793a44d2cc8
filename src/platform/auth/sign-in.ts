import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { dummyPasswordHash, verifyPassword } from './passwords.ts'
import { reserveAttempt, settleSuccess, throttleKeys } from './sign-in-throttle.ts'
import { systemContext } from './user.ts'

export type SignInResult =
  { ok: true; userId: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; waitMs: number }

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export interface SignInAttempt {
  email: string
  password: string
  /** The client's address (request.ip: the socket's, or the proxy's report of it under trustProxy). */
  source: string
  requestId: string
}

/**
 * Checks an email and password, throttled per account and source and per source (ADR 4): an
 * attempt inside its wait is refused without looking at the password; otherwise it is counted
 * before it is checked, and a failure is recorded in the audit trail (never the password).
 * Unknown accounts cost the same argon2 verification as known ones, and answer the same.
 */
export async function checkCredentials(db: Db, attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(attempt.email)
  const keys = throttleKeys(email, attempt.source)
  const reservation = await reserveAttempt(db, keys, now)
  if (!reservation.ok) return { ok: false, reason: 'throttled', waitMs: reservation.waitMs }

  const user = await db
    .selectFrom('users')
    .select(['id', 'passwordHash', 'disabledAt'])
    .where('email', '=', email)
    .executeTakeFirst()
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), attempt.password)
  if (user && valid && !user.disabledAt) {
    await settleSuccess(db, keys, now)
    return { ok: true, userId: user.id }
  }
  // Recorded against the account, in its history; for an unknown account against the source
  // address, since what was typed is sometimes a password in the wrong field.
  await recordAudit(db, systemContext(attempt.requestId), {
    action: 'sign-in failed',
    subjectType: user ? 'user' : 'sign-in',
    subjectId: user?.id ?? attempt.source,
    after: { source: attempt.source },
  })
  return { ok: false, reason: 'invalid' }
}
