import type { Role } from '#src/platform/auth/user.ts'

/** What each role may do, in the words shown to admins when they choose one. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  member:
    'A councillor or co-opted member. Reads the exempt papers of the bodies they sit on (link the account to their person record).',
  officer: 'A council officer. Writes reports and reads exempt papers.',
  scrutiny_officer: 'Keeps the committee’s record: bodies, people, meetings, papers and minutes.',
  analyst: 'Reads the record and the history of changes.',
  admin: 'Manages accounts and roles, reads the audit trail, and can do everything a scrutiny officer can.',
}
