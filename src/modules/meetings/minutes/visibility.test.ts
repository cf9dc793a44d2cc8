import { describe, expect, it } from 'vitest'
import type { Role, User } from '#src/platform/auth/user.ts'
import { mayReadMinutes } from './visibility.ts'

const as = (role: Role): User => ({ id: 'u', email: 'u@example.org', name: 'U', role, personId: null, sessionId: 's' })

describe('mayReadMinutes', () => {
  it.each([
    { status: undefined, user: as('scrutiny_officer'), readable: false },
    { status: 'draft', user: null, readable: false },
    { status: 'draft', user: as('member'), readable: false },
    { status: 'draft', user: as('officer'), readable: false },
    { status: 'draft', user: as('scrutiny_officer'), readable: true },
    { status: 'draft', user: as('admin'), readable: true },
    { status: 'published', user: null, readable: true },
    { status: 'approved', user: null, readable: true },
  ] as const)('$status minutes to $user.role: $readable', ({ status, user, readable }) => {
    expect(mayReadMinutes(user, status)).toBe(readable)
  })
})
