import type { CoOptionCategory, MembershipRole, VotingRights } from './tables.ts'

/** True when a membership covers `today` (inclusive at both ends; open ends never lapse). */
export function membershipIsCurrent(membership: { startsOn: string | null; endsOn: string | null }, today: string) {
  if (membership.startsOn && membership.startsOn > today) return false
  return !(membership.endsOn && membership.endsOn < today)
}

const ROLE_ORDER: Record<MembershipRole, number> = {
  chair: 0,
  'vice-chair': 1,
  member: 2,
  'co-opted member': 3,
  observer: 4,
}

/** Chair, then vice-chair, then members, then co-optees, then observers; by name within each. */
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
  observer: 'Observer',
}

export const VOTING_RIGHTS_LABELS: Record<VotingRights, string> = {
  none: 'Non-voting',
  'all matters': 'Votes on all matters',
  'education matters only': 'Votes on education matters only',
}

export const CO_OPTION_CATEGORY_LABELS: Record<CoOptionCategory, string> = {
  'parent governor': 'Parent governor representative',
  diocesan: 'Diocesan representative',
  other: 'Other co-optee',
}
