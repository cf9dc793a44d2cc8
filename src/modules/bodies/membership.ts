import type { MembershipRole } from './tables.ts'

/** True when a membership covers `today` (inclusive at both ends; open ends never lapse). */
export function membershipIsCurrent(membership: { startsOn: string | null; endsOn: string | null }, today: string) {
  if (membership.startsOn && membership.startsOn > today) return false
  return !(membership.endsOn && membership.endsOn < today)
}

const ROLE_ORDER: Record<MembershipRole, number> = { chair: 0, 'vice-chair': 1, member: 2, 'co-opted member': 3 }

/** Chair, then vice-chair, then members, then co-optees; by name within each. */
export function compareMemberships(
  a: { role: MembershipRole; name: string },
  b: { role: MembershipRole; name: string },
): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name)
}

export const MEMBERSHIP_ROLE_LABELS: Record<MembershipRole, string> = {
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  member: 'Member',
  'co-opted member': 'Co-opted member',
}
