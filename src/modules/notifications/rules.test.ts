import { describe, expect, it } from 'vitest'
import { reminderDue, updateRequestDay, updateRequestsDue } from './rules.ts'

describe('update requests before a meeting', () => {
  it('go out on the first of the ten clear working days before it', () => {
    expect(updateRequestDay('2024-01-25', 10)).toBe('2024-01-11')
    // Over Christmas: 25 and 26 December and 1 January are bank holidays.
    expect(updateRequestDay('2024-01-11', 10)).toBe('2023-12-27')
  })

  it.each([
    ['2024-01-10', false, 'the day before their day'],
    ['2024-01-11', true, 'their day'],
    ['2024-01-22', true, 'late, when the server was down on their day'],
    ['2024-01-24', true, 'the day before the meeting'],
    ['2024-01-25', false, 'the day of the meeting'],
    ['2024-01-26', false, 'after the meeting'],
  ])('on %s: %s (%s)', (today, due) => {
    expect(updateRequestsDue(today, '2024-01-25', 10)).toBe(due)
  })
})

describe('the reminder of an update request', () => {
  it.each([
    ['2024-01-15', false, 'two working days after the request'],
    ['2024-01-16', true, 'the third clear working day after it'],
    ['2024-01-24', true, 'the day before the meeting'],
    ['2024-01-25', false, 'the day of the meeting'],
  ])('sent on 11 January, on %s: %s (%s)', (today, due) => {
    expect(reminderDue(today, '2024-01-11', '2024-01-25')).toBe(due)
  })

  it('has no day when the request went out too late', () => {
    expect(reminderDue('2024-01-24', '2024-01-22', '2024-01-25')).toBe(false)
  })
})
