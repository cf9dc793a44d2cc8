import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '#src/database.ts'
import type { SignInMethod } from './tables.ts'
import type { User } from './user.ts'

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000
/** The session cookie's attributes: httpOnly, Lax, for the whole site, as long as a session can last. */
export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, secure, sameSite: 'lax' as const, maxAge: ABSOLUTE_TIMEOUT_MS / 1000 }
}

/** Refresh last_seen_at at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000

/** The cookie holds a random 256-bit token; the database keeps only its SHA-256. */
function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** True while a session is inside both its idle and its absolute limit. */
export function sessionIsLive(session: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null }, now: Date) {
  if (session.endedAt) return false
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return false
  return now.getTime() - session.createdAt.getTime() <= ABSOLUTE_TIMEOUT_MS
}

export function createSessionStore(db: Db) {
  return {
    /** Starts a new session (a new id at every sign-in) and returns the cookie token. */
    async start(userId: string, signedInWith: SignInMethod | null = null): Promise<string> {
      const token = randomBytes(32).toString('base64url')
      await db
        .insertInto('sessions')
        .values({ id: sessionKey(token), userId, signedInWith })
        .execute()
      return token
    },

    /** How a session was signed in: null for a password (or an unknown session). */
    async signedInWith(sessionId: string): Promise<SignInMethod | null> {
      const row = await db.selectFrom('sessions').select('signedInWith').where('id', '=', sessionId).executeTakeFirst()
      return row?.signedInWith ?? null
    },

    /** The signed-in user for a cookie token, or null when the session is unknown, ended or timed out. */
    async resolve(token: string | undefined, now = new Date()): Promise<User | null> {
      if (!token) return null
      const id = sessionKey(token)
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.userId')
        .select([
          'sessions.id as sessionId',
          'sessions.createdAt',
          'sessions.lastSeenAt',
          'sessions.endedAt',
          'users.id',
          'users.email',
          'users.name',
          'users.role',
          'users.personId',
          'users.disabledAt',
        ])
        .where('sessions.id', '=', id)
        .executeTakeFirst()
      if (!row || row.disabledAt || !sessionIsLive(row, now)) return null
      if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', id).execute()
      }
      return { id: row.id, email: row.email, name: row.name, role: row.role, personId: row.personId, sessionId: id }
    },

    async end(sessionId: string): Promise<void> {
      await db.updateTable('sessions').set({ endedAt: new Date() }).where('id', '=', sessionId).execute()
    },

    /** Ends every session of a user: on disabling the account or changing its role. */
    async endAllFor(userId: string, trx: Pick<Db, 'updateTable'> = db): Promise<void> {
      await trx
        .updateTable('sessions')
        .set({ endedAt: new Date() })
        .where('userId', '=', userId)
        .where('endedAt', 'is', null)
        .execute()
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
