import type { Db } from '#src/database.ts'
import { dummyPasswordHash, verifyPassword } from './passwords.ts'

export const MAX_FAILURES = 10
export const FAILURE_WINDOW_MS = 5 * 60 * 1000

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'locked' }

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * Checks an email and password. After MAX_FAILURES failures for one account within
 * FAILURE_WINDOW_MS, refuses even the right password until the window has passed.
 */
export async function checkCredentials(db: Db, emailInput: string, password: string, now = new Date()) {
  const email = normaliseEmail(emailInput)
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS)
  const { failures } = await db
    .selectFrom('signInFailures')
    .select((eb) => eb.fn.countAll<number>().as('failures'))
    .where('email', '=', email)
    .where('at', '>', since)
    .executeTakeFirstOrThrow()
  if (Number(failures) >= MAX_FAILURES) return { ok: false, reason: 'locked' } as const

  const user = await db
    .selectFrom('users')
    .select(['id', 'passwordHash', 'disabledAt'])
    .where('email', '=', email)
    .executeTakeFirst()
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password)
  if (user && valid && !user.disabledAt) return { ok: true, userId: user.id } as const

  await db.insertInto('signInFailures').values({ email, at: now }).execute()
  return { ok: false, reason: 'invalid' } as const
}
