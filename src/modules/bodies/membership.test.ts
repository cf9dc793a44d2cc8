import { describe, expect, it } from 'vitest'
import { compareMemberships, membershipIsCurrent } from './membership.ts'

describe('membershipIsCurrent', () => {
  it.each([
    [{ startsOn: null, endsOn: null }, true],
    [{ startsOn: '2024-01-22', endsOn: null }, true],
    [{ startsOn: '2024-01-23', endsOn: null }, false],
    [{ startsOn: null, endsOn: '2024-01-22' }, true],
    [{ startsOn: null, endsOn: '2024-01-21' }, false],
  ])('%o on 22 January 2024 → %s', (membership, expected) => {
    expect(membershipIsCurrent(membership, '2024-01-22')).toBe(expected)
  })
})

describe('compareMemberships', () => {
  it('puts the chair first and co-optees last', () => {
    const sorted = [
      { role: 'co-opted member' as const, name: 'Gemma Clayton' },
      { role: 'member' as const, name: 'Cooper' },
      { role: 'chair' as const, name: 'Flanagan' },
      { role: 'member' as const, name: 'Bamborough' },
    ].sort(compareMemberships)
    expect(sorted.map((m) => m.name)).toEqual(['Flanagan', 'Bamborough', 'Cooper', 'Gemma Clayton'])
  })
})
