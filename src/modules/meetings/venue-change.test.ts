import { describe, expect, it } from 'vitest'
import { isVenueChange } from './venue-change.ts'

describe('isVenueChange', () => {
  it.each([
    ['Committee Room A', 'Council Chamber', true, 'moved to another room'],
    ['Committee Room A', '', true, 'the venue withdrawn'],
    ['', 'Committee Room A', false, 'the first venue given'],
    ['Committee Room A', 'Committee Room A', false, 'unchanged'],
    ['Committee Room A', ' Committee Room A ', false, 'the same, with spaces'],
  ])('from "%s" to "%s" is %s (%s)', (before, after, changed) => {
    expect(isVenueChange(before, after)).toBe(changed)
  })
})
