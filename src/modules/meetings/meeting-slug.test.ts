import { describe, expect, it } from 'vitest'
import { meetingSlug } from './meeting-slug.ts'

describe('meetingSlug', () => {
  it.each([
    { taken: [], expected: '2024-01-25-scrutiny' },
    { taken: ['2024-01-25-other'], expected: '2024-01-25-scrutiny' },
    { taken: ['2024-01-25-scrutiny'], expected: '2024-01-25-scrutiny-2' },
    { taken: ['2024-01-25-scrutiny', '2024-01-25-scrutiny-2'], expected: '2024-01-25-scrutiny-3' },
    { taken: ['2024-01-25-scrutiny', '2024-01-25-scrutiny-3'], expected: '2024-01-25-scrutiny-2' },
  ])('is $expected when $taken are taken', ({ taken, expected }) => {
    expect(meetingSlug('2024-01-25', 'scrutiny', taken)).toBe(expected)
  })
})
