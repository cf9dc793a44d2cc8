import type { Role } from './tables.ts'

export type { Role }

/** A signed-in user as services see them. */
export interface User {
  id: string
  email: string
  name: string
  role: Role
  /** The person record (councillor, officer) this account belongs to, if any. */
  personId: string | null
  sessionId: string
}

/** Who is asking, and under which request: the first argument of every service method. */
export interface Context {
  user: User | null
  requestId: string
  /** The app's today when its clock is pinned (the demo's date): audit events carry it, for history panels. */
  appToday?: string
}

export const ROLE_LABELS: Record<Role, string> = {
  member: 'Member',
  officer: 'Officer',
  scrutiny_officer: 'Scrutiny officer',
  analyst: 'Analyst',
  admin: 'Admin',
}

export const ROLES = Object.keys(ROLE_LABELS) as Role[]

/** A context for the command line and the demo loader. */
export function systemContext(requestId = 'system'): Context {
  return { user: null, requestId }
}
