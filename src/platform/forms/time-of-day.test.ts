import { describe, expect, it } from 'vitest'
import { parseTimeOfDay } from './time-of-day.ts'

describe('parseTimeOfDay', () => {
  it.each([
    ['19:56', '19:56'],
    ['7.56pm', '19:56'],
    ['7:56 pm', '19:56'],
    ['7.56 p.m.', '19:56'],
    ['7pm', '19:00'],
    ['12pm', '12:00'],
    ['12.30am', '00:30'],
    ['09:05', '09:05'],
    ['9:05', '09:05'],
    ['midday', '12:00'],
    [' 8:15PM ', '20:15'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseTimeOfDay(input)).toBe(expected)
  })

  it.each(['', 'later', '19', '24:00', '7:60pm', '13pm', '0am', '19:5', '7:56xm'])('refuses %j', (input) => {
    expect(parseTimeOfDay(input)).toBeNull()
  })
})
