import { describe, expect, it } from 'vitest'
import { joinDateParts } from '#src/platform/forms/fields.ts'
import { monthOrDateField, monthOrDateLabel, monthOrDateValues, parseMonthOrDate } from './month-or-date.ts'

describe('parseMonthOrDate', () => {
  it.each([
    ['2024-06-00', { month: '2024-06', on: null }],
    ['2024-01-25', { month: '2024-01', on: '2024-01-25' }],
    ['2024-02-29', { month: '2024-02', on: '2024-02-29' }],
    ['2023-02-29', null],
    ['2024-02-32', null],
    ['2024-13-00', null],
    ['2024-00-05', null],
    ['0024-06-00', null],
    ['June 2024', null],
  ])('%s → %o', (joined, expected) => {
    expect(parseMonthOrDate(joined)).toEqual(expected)
  })
})

describe('monthOrDateLabel', () => {
  it.each([
    [{ month: '2024-06', on: null }, 'June 2024'],
    [{ month: '2024-01', on: '2024-01-25' }, '25 January 2024'],
    [{ month: null, on: null }, ''],
  ])('%o → %s', (value, label) => {
    expect(monthOrDateLabel(value)).toBe(label)
  })
})

describe('parseMonthOrDate of the three fields joined', () => {
  const joined = (day: string, month: string, year: string) =>
    joinDateParts({ 'when-day': day, 'when-month': month, 'when-year': year }, 'when')
  it('takes a blank day as the month alone, but not a day of 0', () => {
    expect(parseMonthOrDate(joined('', '6', '2024'))).toEqual({ month: '2024-06', on: null })
    expect(parseMonthOrDate(joined('0', '6', '2024'))).toBeNull()
    expect(parseMonthOrDate(joined('00', '6', '2024'))).toBeNull()
    expect(parseMonthOrDate(joined('', '0', '2024'))).toBeNull()
  })
})

describe('monthOrDateField', () => {
  const required = monthOrDateField({ required: 'Enter the month and year', invalid: 'Enter a real month' })
  it('asks for a month when it is required and blank', () => {
    expect(required.safeParse('').error?.issues[0].message).toBe('Enter the month and year')
    expect(monthOrDateField({ invalid: 'x' }).parse('')).toBeNull()
  })
  it('says when it cannot read the date', () => {
    expect(required.safeParse('2024-13-00').error?.issues[0].message).toBe('Enter a real month')
  })
  it('round-trips through the form fields', () => {
    expect(monthOrDateValues('when', { month: '2024-06', on: null })).toEqual({
      'when-day': '',
      'when-month': '6',
      'when-year': '2024',
    })
    expect(monthOrDateValues('when', { month: '2023-10', on: '2023-10-02' })).toEqual({
      'when-day': '2',
      'when-month': '10',
      'when-year': '2023',
    })
  })
})
