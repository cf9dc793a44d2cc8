import { describe, expect, it } from 'vitest'
import type { Role, User } from '#src/platform/auth/user.ts'
import { exemptReach, mayReadAnyExempt, mayReadExempt } from './readers.ts'

const user = (role: Role, personId: string | null = null): User => ({
  id: `user-${role}`,
  email: `${role}@example.org`,
  name: role,
  role,
  personId,
  sessionId: 'session',
})

describe('who may read exempt material', () => {
  it.each([
    { who: 'an officer', viewer: user('officer'), reach: { kind: 'every body' }, any: true },
    { who: 'a scrutiny officer', viewer: user('scrutiny_officer'), reach: { kind: 'every body' }, any: true },
    { who: 'an administrator', viewer: user('admin'), reach: { kind: 'every body' }, any: true },
    {
      who: 'a member linked to a person',
      viewer: user('member', 'person-1'),
      reach: { kind: 'own bodies', personId: 'person-1' },
      any: false,
    },
    { who: 'a member not linked to a person', viewer: user('member'), reach: { kind: 'none' }, any: false },
    { who: 'an analyst', viewer: user('analyst', 'person-2'), reach: { kind: 'none' }, any: false },
    { who: 'the public', viewer: null, reach: { kind: 'none' }, any: false },
  ])('$who reaches $reach.kind', ({ viewer, reach, any }) => {
    expect(exemptReach(viewer)).toEqual(reach)
    expect(mayReadAnyExempt(viewer)).toBe(any)
  })

  it('is readable by staff for every body, by members for their own bodies, by the public never', () => {
    expect(mayReadExempt(null, 'body-a')).toBe(true)
    expect(mayReadExempt(['body-a'], 'body-a')).toBe(true)
    expect(mayReadExempt(['body-b'], 'body-a')).toBe(false)
    expect(mayReadExempt([], 'body-a')).toBe(false)
  })
})
