import { can } from '#src/platform/auth/permissions.ts'
import type { User } from '#src/platform/auth/user.ts'

/**
 * Who may read exempt material, from their permission: staff with 'exempt:read-any' read every
 * body's; a member with 'exempt:read-own-bodies' whose account is linked to a person reads the
 * papers of the bodies that person sits on; everyone else, the public included, reads none.
 */
export type ExemptReach = { kind: 'every body' } | { kind: 'own bodies'; personId: string } | { kind: 'none' }

export function exemptReach(user: User | null): ExemptReach {
  if (can(user, 'exempt:read-any')) return { kind: 'every body' }
  if (user?.personId && can(user, 'exempt:read-own-bodies')) return { kind: 'own bodies', personId: user.personId }
  return { kind: 'none' }
}

/**
 * Whether a viewer may read exempt material of a body. `readableBodyIds` is the reach made
 * concrete (BodiesService.exemptReadableBodyIds): null means every body, [] means none.
 */
export function mayReadExempt(readableBodyIds: string[] | null, bodyId: string): boolean {
  return readableBodyIds === null || readableBodyIds.includes(bodyId)
}

/** Exempt material of no body (executive decisions, the forward plan): only those who read every body's. */
export function mayReadAnyExempt(user: User | null): boolean {
  return exemptReach(user).kind === 'every body'
}
