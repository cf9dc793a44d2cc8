import { describe, expect, it } from 'vitest'
import { ForbiddenError, SignInRequiredError } from '#src/platform/http/errors.ts'
import { type Action, GRANTS, assertCan, can } from './permissions.ts'
import { ROLES, type Role, type User } from './user.ts'

const userWith = (role: Role): User => ({
  id: 'u1',
  email: 'x@example.org',
  name: 'X',
  role,
  personId: null,
  sessionId: 's1',
})

/** Who may do what: written out here, so a change to a grant must change this table too. */
const EXPECTED: Record<string, Role[]> = {
  'accounts:manage': ['admin'],
  'audit:read': ['admin'],
  'backups:read': ['admin'],
  'settings:edit': ['admin'],
  'imports:manage': ['admin'],
  'outbox:read': ['admin'],
  'outbox:retry': ['admin'],
  'history:read': ['member', 'officer', 'scrutiny_officer', 'analyst', 'admin'],
  'bodies:edit': ['scrutiny_officer', 'admin'],
  'people:edit': ['scrutiny_officer', 'admin'],
  'meetings:edit': ['scrutiny_officer', 'admin'],
  'agendas:read-draft': ['officer', 'scrutiny_officer', 'admin'],
  'reports:edit': ['officer', 'scrutiny_officer', 'admin'],
  'minutes:edit': ['scrutiny_officer', 'admin'],
  'exempt:read-any': ['officer', 'scrutiny_officer', 'admin'],
  'exempt:read-own-bodies': ['member'],
  'recommendations:edit': ['scrutiny_officer', 'admin'],
  'recommendations:update': ['officer', 'scrutiny_officer', 'admin'],
  'decisions:edit': ['scrutiny_officer', 'admin'],
  'workprogramme:edit': ['scrutiny_officer', 'admin'],
  'waitinglists:edit': ['analyst', 'admin'],
  'petitions:edit': ['scrutiny_officer', 'admin'],
  'indicators:edit': ['analyst', 'admin'],
  'returns:manage': ['analyst', 'admin'],
  // And only with the account's own grant, which the returns' service checks.
  'returns:child-level': ['analyst'],
  'indicators:link': ['analyst', 'scrutiny_officer', 'admin'],
  'improvement:update': ['officer', 'admin'],
  'inspections:edit': ['scrutiny_officer', 'admin'],
  'improvement:plans': ['scrutiny_officer', 'admin'],
  'improvement:edit-any': ['admin'],
}

const cases = Object.entries(EXPECTED).flatMap(([action, allowed]) =>
  ROLES.map((role) => ({ action: action as Action, role, allowed: allowed.includes(role) })),
)

describe('can', () => {
  it('has an expectation for every action it grants', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(GRANTS).sort())
  })

  it.each(cases)('$action for $role is $allowed', ({ action, role, allowed }) => {
    expect(can(userWith(role), action)).toBe(allowed)
  })

  it.each(Object.keys(EXPECTED) as Action[])('refuses %s to the public', (action) => {
    expect(can(null, action)).toBe(false)
  })

  it('refuses a role it does not know', () => {
    const stranger = { ...userWith('admin'), role: 'superuser' as Role }
    for (const action of Object.keys(EXPECTED) as Action[]) expect(can(stranger, action)).toBe(false)
  })

  it.each(['accounts:delete', 'toString', 'constructor', '__proto__', ''])(
    'refuses an action it does not know (%j), even to an admin',
    (action) => {
      expect(can(userWith('admin'), action as Action)).toBe(false)
    },
  )
})

describe('assertCan', () => {
  it('asks the public to sign in', () => {
    expect(() => assertCan(null, 'bodies:edit')).toThrow(SignInRequiredError)
  })

  it('forbids a signed-in user without the grant', () => {
    expect(() => assertCan(userWith('member'), 'accounts:manage')).toThrow(ForbiddenError)
    expect(() => assertCan(userWith('admin'), 'no-such-action' as Action)).toThrow(ForbiddenError)
  })

  it('lets a user with the grant through', () => {
    expect(() => assertCan(userWith('admin'), 'accounts:manage')).not.toThrow()
    expect(() => assertCan(userWith('member'), 'exempt:read-own-bodies')).not.toThrow()
  })
})
