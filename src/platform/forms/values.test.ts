import { describe, expect, it } from 'vitest'
import { dateValues, postedValues, selectItems, withJoinedDates } from './values.ts'

describe('form values', () => {
  it('shows a date as the three fields of a date input, without leading zeros', () => {
    expect(dateValues('dueOn', '2024-03-09')).toEqual({ 'dueOn-day': '9', 'dueOn-month': '3', 'dueOn-year': '2024' })
    expect(dateValues('dueOn', null)).toEqual({ 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' })
  })

  it('joins each named date input, leaving the parts as typed', () => {
    const posted = { 'on-day': '9', 'on-month': '3', 'on-year': '2024', text: 'x' }
    expect(withJoinedDates(posted, ['on', 'by'])).toEqual({ ...posted, on: '2024-03-09', by: '' })
  })

  it('reads a missing body as no values', () => {
    expect(postedValues(undefined)).toEqual({})
    expect(postedValues(null)).toEqual({})
  })

  it('marks the chosen select item, or the blank first one when none is chosen', () => {
    const choices = [
      { value: 'a', text: 'A' },
      { value: 'b', text: 'B' },
    ]
    expect(selectItems('None', choices, 'b').map((item) => item.selected)).toEqual([false, false, true])
    expect(selectItems('None', choices, undefined)).toEqual([
      { value: '', text: 'None', selected: true },
      { value: 'a', text: 'A', selected: false },
      { value: 'b', text: 'B', selected: false },
    ])
  })
})
