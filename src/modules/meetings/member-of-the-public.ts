import { can } from '#src/platform/auth/permissions.ts'
import type { User } from '#src/platform/auth/user.ts'

/** Who the public reads as a member of the public who did not consent to be named. */
export const UNNAMED_MEMBER_OF_THE_PUBLIC = 'A member of the public'

/** A member of the public as a record holds them: their name ('' when not given), and whether they may be named. */
export interface MemberOfThePublic {
  name: string
  named: boolean
}

/**
 * The name this viewer reads: those who record questions and speakers see it, others only with
 * the person's consent. Questions and speakers at meetings both follow it.
 */
export function nameShown(user: User | null, person: MemberOfThePublic): string {
  if (person.name === '') return UNNAMED_MEMBER_OF_THE_PUBLIC
  return person.named || can(user, 'meetings:edit') ? person.name : UNNAMED_MEMBER_OF_THE_PUBLIC
}

/** The name in open data, which answers everyone as the public: null unless they consented. */
export function openDataName(person: MemberOfThePublic): string | null {
  return (person.named && person.name) || null
}
