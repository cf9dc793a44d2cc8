import { describe, expect, it } from 'vitest'
import { responseDueOn, responseIsOverdue } from './response-due.ts'

describe('responseDueOn: two calendar months after referral', () => {
  it.each([
    ['2024-01-25', '2024-03-25'],
    ['2023-12-31', '2024-02-29'],
    ['2024-12-31', '2025-02-28'],
    ['2023-08-31', '2023-10-31'],
    ['2024-06-30', '2024-08-30'],
    ['2023-11-15', '2024-01-15'],
  ])('referred %s → due %s', (referredOn, due) => {
    expect(responseDueOn(referredOn)).toBe(due)
  })
})

describe('responseIsOverdue', () => {
  const referred = { toExecutive: true, referredOn: '2023-11-15', responseReceivedOn: null }

  it.each([
    ['due date passed, no response', referred, '2024-01-16', true],
    ['due today', referred, '2024-01-15', false],
    ['response received', { ...referred, responseReceivedOn: '2024-01-20' }, '2024-02-01', false],
    ['not referred to the Executive', { ...referred, toExecutive: false }, '2024-02-01', false],
    ['no referral date', { ...referred, referredOn: null }, '2024-02-01', false],
  ])('%s → %s', (_case, facts, today, expected) => {
    expect(responseIsOverdue(facts, today)).toBe(expected)
  })
})
