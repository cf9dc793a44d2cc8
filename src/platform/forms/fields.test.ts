import { describe, expect, it } from 'vitest'
import {
  MAX_INTEGER,
  isRealDate,
  isWholeNumber,
  isoDate,
  joinDateParts,
  joinMonthParts,
  optionalWholeNumber,
} from './fields.ts'

describe('isRealDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2024-01-22', true],
    ['1000-01-01', true],
    ['9999-12-31', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-02-32', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['0000-00-00', false],
    ['0024-01-22', false],
    ['2024-1-22', false],
    ['22/01/2024', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isRealDate(value)).toBe(expected)
  })
})

describe('isoDate and joinDateParts', () => {
  const date = isoDate('Enter a real date')
  const joined = (day: string, month: string, year: string) =>
    joinDateParts({ 'd-day': day, 'd-month': month, 'd-year': year }, 'd')

  it('takes a real date typed into the three boxes', () => {
    expect(date.parse(joined('29', '2', '2024'))).toBe('2024-02-29')
  })

  it.each([
    ['month 13', joined('1', '13', '2024')],
    ['day 0', joined('0', '1', '2024')],
    ['30 February', joined('30', '2', '2024')],
    ['year 0', joined('1', '1', '0')],
    ['letters', joined('a', 'b', 'c')],
  ])('refuses %s with its message', (_, value) => {
    expect(date.safeParse(value).error?.issues[0].message).toBe('Enter a real date')
  })
})

describe('joinMonthParts', () => {
  it.each([
    [{ 'm-month': '3', 'm-year': '2024' }, '2024-03'],
    [{ 'm-month': ' 12 ', 'm-year': '2023' }, '2023-12'],
    [{}, ''],
    [{ 'm-month': 'March', 'm-year': '2024' }, 'invalid'],
    [{ 'm-month': '3', 'm-year': '24' }, 'invalid'],
    [{ 'm-month': ['3', '4'], 'm-year': '2024' }, 'invalid'],
  ])('%j → %j', (body, expected) => {
    expect(joinMonthParts(body, 'm')).toBe(expected)
  })
})

describe('whole numbers', () => {
  it('holds up to the largest an integer column takes', () => {
    expect(isWholeNumber(String(MAX_INTEGER))).toBe(true)
    expect(isWholeNumber(String(MAX_INTEGER + 1))).toBe(false)
    expect(isWholeNumber('28,400', 1)).toBe(true)
    expect(isWholeNumber('0', 1)).toBe(false)
    expect(isWholeNumber('1e309')).toBe(false)
    expect(isWholeNumber('-1')).toBe(false)
  })

  it('reads a blank box as not known, and says so for a number too big to keep', () => {
    const count = optionalWholeNumber('Count must be a whole number, like 1,200')
    expect(count.parse('')).toBeNull()
    expect(count.parse(' 1,008 ')).toBe(1008)
    expect(count.safeParse('2147483648').error?.issues[0].message).toBe('Count must be a whole number, like 1,200')
  })
})
