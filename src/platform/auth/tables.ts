import type { ColumnType } from 'kysely'
import type { CreatedAt, Instant, Uuid } from '#src/platform/db/column-types.ts'

export type Role = 'member' | 'officer' | 'scrutiny_officer' | 'analyst' | 'admin'

export interface UsersTable {
  id: Uuid
  email: string
  name: string
  role: Role
  personId: string | null
  passwordHash: string
  disabledAt: Instant
  createdAt: CreatedAt
  /** Granted by an admin: an analyst may read the returns' child-level rows (every read is audited). */
  childLevelData: ColumnType<boolean, boolean | undefined, boolean>
}

export interface SessionsTable {
  id: string
  userId: string
  createdAt: CreatedAt
  lastSeenAt: CreatedAt
  endedAt: Instant
  /** Null for a password; 'oidc' through the council's OpenID Connect provider. */
  signedInWith: SignInMethod | null
}

export type SignInMethod = 'oidc'

/** Failures per throttled key (ADR 4); the key is a hash of the account and source, or the source. */
export interface SignInThrottlesTable {
  key: string
  failures: number
  lastFailureAt: Date
}

export interface AuthTables {
  users: UsersTable
  sessions: SessionsTable
  signInThrottles: SignInThrottlesTable
}
