import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '#src/database.ts'
import { ACCOUNT_FROM_SOURCE, SOURCE, type ThrottlePolicy, recentFailures, waitBeforeAttempt } from './sign-in-delay.ts'

/** The two keys an attempt counts against. Hashed, so the table keeps no email addresses. */
export function throttleKeys(email: string, source: string) {
  const hash = (value: string) => createHash('sha256').update(value).digest('hex')
  return { accountFromSource: hash(`account ${email} from ${source}`), source: hash(`source ${source}`) }
}
export type ThrottleKeys = ReturnType<typeof throttleKeys>

export type Reservation = { ok: true } | { ok: false; waitMs: number }

/**
 * Takes one attempt for both keys, or refuses it with the time to wait. The attempt is counted
 * as a failure before the password is checked, under a row lock, so a burst of requests at once
 * evaluates no more guesses than one after another would; `settleSuccess` gives it back.
 * Keys are locked in a fixed order, so two attempts never wait on each other's locks.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKeys, now = new Date()): Promise<Reservation> {
  const policies = new Map<string, ThrottlePolicy>([
    [keys.accountFromSource, ACCOUNT_FROM_SOURCE],
    [keys.source, SOURCE],
  ])
  const ordered = [...policies.keys()].sort()
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('signInThrottles')
      .values(ordered.map((key) => ({ key, failures: 0, lastFailureAt: now })))
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute()
    const rows = await trx
      .selectFrom('signInThrottles')
      .select(['key', 'failures', 'lastFailureAt'])
      .where('key', 'in', ordered)
      .orderBy('key')
      .forUpdate()
      .execute()
    const waitMs = Math.max(...rows.map((row) => waitBeforeAttempt(row, policies.get(row.key)!, now)))
    if (waitMs > 0) return { ok: false, waitMs }
    for (const row of rows) {
      const failures = recentFailures(row, policies.get(row.key)!, now) + 1
      await trx
        .updateTable('signInThrottles')
        .set({ failures, lastFailureAt: now })
        .where('key', '=', row.key)
        .execute()
    }
    return { ok: true }
  })
}

/**
 * After the right password: the account's failures from this source are cleared, and the source
 * gets back its reserved attempt and one failure more (its users are signing in, so it is not
 * only guessing). Failures forgotten by every policy are deleted on the way.
 */
export async function settleSuccess(db: Db, keys: ThrottleKeys, now = new Date()): Promise<void> {
  const forgotten = new Date(now.getTime() - Math.max(ACCOUNT_FROM_SOURCE.forgetAfterMs, SOURCE.forgetAfterMs))
  await db
    .deleteFrom('signInThrottles')
    .where((eb) => eb.or([eb('key', '=', keys.accountFromSource), eb('lastFailureAt', '<', forgotten)]))
    .execute()
  await db
    .updateTable('signInThrottles')
    .set({ failures: sql<number>`greatest(failures - 2, 0)` })
    .where('key', '=', keys.source)
    .execute()
}
