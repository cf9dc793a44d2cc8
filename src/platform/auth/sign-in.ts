import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { dummyPasswordHash, verifyPassword } from './passwords.ts'
import type { SessionStore } from './sessions.ts'
import type { SignInMethod } from './tables.ts'
import { reserveAttempt, settleSuccess, throttleKeys } from './sign-in-throttle.ts'
import { type Context, systemContext } from './user.ts'

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

/**
 * Signs in an account whose credentials were checked: a new session (a new id at every sign-in,
 * so nothing from before carries over; the one it replaces is ended) and the sign-in in the audit
 * trail, recorded as that user so that the trail's "who" filter finds it. Returns the cookie token.
 */
export async function startSession(
  db: Db,
  sessions: SessionStore,
  signIn: { userId: string; requestId: string; replacing: string | null; method?: SignInMethod },
): Promise<string> {
  if (signIn.replacing) await sessions.end(signIn.replacing)
  const token = await sessions.start(signIn.userId, signIn.method ?? null)
  const account = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'personId'])
    .where('id', '=', signIn.userId)
    .executeTakeFirstOrThrow()
  await recordAudit(
    db,
    { user: { ...account, sessionId: '' }, requestId: signIn.requestId },
    {
      action: 'signed in',
      subjectType: 'user',
      subjectId: signIn.userId,
      // Through the council's provider: said in the trail, as a password sign-in is not.
      ...(signIn.method ? { after: { method: signIn.method } } : {}),
    },
  )
  return token
}

/** Signs out: the session ends, and the sign-out is in the audit trail. Nothing to do when signed out. */
export async function endSession(db: Db, sessions: SessionStore, ctx: Context) {
  if (!ctx.user) return
  await sessions.end(ctx.user.sessionId)
  await recordAudit(db, ctx, { action: 'signed out', subjectType: 'user', subjectId: ctx.user.id })
}
