import { ForbiddenError, SignInRequiredError } from '#src/platform/http/errors.ts'
import type { Role, User } from './user.ts'

/**
 * Everything a role may do beyond reading what is public. Anything not listed is refused:
 * a new action is denied to everyone until it is added here.
 */
export const GRANTS = {
  'accounts:manage': ['admin'],
  'audit:read': ['admin'],
  /** See when the record was last backed up (the backup itself is a command on the server). */
  'backups:read': ['admin'],
  /** The council's settings: its name, call-in period, publication notice, report template, reference formats. */
  'settings:edit': ['admin'],
  /** Review the batches an import from another system (Modern.gov) makes, and apply or discard them. */
  'imports:manage': ['admin'],
  /** Read the outbox: every email sent, to whom. */
  'outbox:read': ['admin'],
  /** Send again a message that could not be sent. */
  'outbox:retry': ['admin'],
  'history:read': ['member', 'officer', 'scrutiny_officer', 'analyst', 'admin'],
  'bodies:edit': ['scrutiny_officer', 'admin'],
  'people:edit': ['scrutiny_officer', 'admin'],
  'meetings:edit': ['scrutiny_officer', 'admin'],
  /** Read a meeting's agenda, reports and appendices while they are a draft (staff who prepare the papers). */
  'agendas:read-draft': ['officer', 'scrutiny_officer', 'admin'],
  'reports:edit': ['officer', 'scrutiny_officer', 'admin'],
  'minutes:edit': ['scrutiny_officer', 'admin'],
  'recommendations:edit': ['scrutiny_officer', 'admin'],
  /** Post dated updates: on one's own recommendations (the service checks), or any with 'recommendations:edit'. */
  'recommendations:update': ['officer', 'scrutiny_officer', 'admin'],
  /** The decisions register and the forward plan. */
  'decisions:edit': ['scrutiny_officer', 'admin'],
  'workprogramme:edit': ['scrutiny_officer', 'admin'],
  /** Health services' month-end waiting-list figures. */
  'waitinglists:edit': ['analyst', 'admin'],
  /** Petitions presented to the council, their signatures and the council's response. */
  'petitions:edit': ['scrutiny_officer', 'admin'],
  /** The outcomes framework: indicators' figures, imports, the population of children. */
  'indicators:edit': ['analyst', 'admin'],
  /**
   * The statutory returns: take in extracts, read what their validation found (counts), compute the
   * indicators, review them and publish them into the framework, delete an extract.
   */
  'returns:manage': ['analyst', 'admin'],
  /** Read the returns' child-level rows (which child, which row): also needs the account's own grant. */
  'returns:child-level': ['analyst'],
  /** Say which work-programme items look at an indicator: analysts and those who keep the programme. */
  'indicators:link': ['analyst', 'scrutiny_officer', 'admin'],
  /** Post updates on improvement-plan milestones one leads, and change the structure of a plan one owns. */
  'improvement:update': ['officer', 'admin'],
  /** Add and change inspections and their findings. */
  'inspections:edit': ['scrutiny_officer', 'admin'],
  /** Add improvement plans, and keep the themes of any plan. */
  'improvement:plans': ['scrutiny_officer', 'admin'],
  /** Update and change any improvement plan. */
  'improvement:edit-any': ['admin'],
  /** Read exempt material of any body (staff who prepare and manage the papers). */
  'exempt:read-any': ['officer', 'scrutiny_officer', 'admin'],
  /** Read exempt material of the bodies one belongs to. */
  'exempt:read-own-bodies': ['member'],
} as const satisfies Record<string, readonly Role[]>

export type Action = keyof typeof GRANTS

export function can(user: User | null, action: Action): boolean {
  if (!user || !Object.hasOwn(GRANTS, action)) return false
  return (GRANTS[action] as readonly Role[]).includes(user.role)
}

/** Throws unless the user may do `action`: sign in first when signed out, forbidden otherwise. */
export function assertCan(user: User | null, action: Action): asserts user is User {
  if (!user) throw new SignInRequiredError()
  if (!can(user, action)) throw new ForbiddenError()
}
