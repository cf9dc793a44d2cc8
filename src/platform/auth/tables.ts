import type { Generated } from 'kysely'
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
}

export interface SessionsTable {
  id: string
  userId: string
  createdAt: CreatedAt
  lastSeenAt: CreatedAt
  endedAt: Instant
}

export interface SignInFailuresTable {
  id: Generated<number>
  email: string
  at: CreatedAt
}

export interface AuthTables {
  users: UsersTable
  sessions: SessionsTable
  signInFailures: SignInFailuresTable
}
