import { afterEach, describe, expect, it } from 'vitest'
import { cellText } from './xlsx-cells.ts'

const date = (serial: string, date1904 = false) => cellText('n', serial, 'date', [], date1904)

describe('cellText for a date serial', () => {
  const zone = process.env.TZ
  afterEach(() => {
    process.env.TZ = zone
  })

  it.each([
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['60', '1900-02-28'], // Lotus's 29 February 1900, which never was
    ['61', '1900-03-01'],
    ['45292', '2024-01-01'],
    ['45292.75', '2024-01-01'], // the time of day does not move the date
    ['2958465', '9999-12-31'],
  ])('reads %s as %s', (serial, expected) => {
    expect(date(serial)).toBe(expected)
  })

  it('counts from 1 January 1904 in a workbook that says so', () => {
    expect(date('0', true)).toBe('1904-01-01')
    expect(date('43830', true)).toBe('2024-01-01')
  })

  it('gives the same dates whatever the machine’s time zone', () => {
    for (const tz of ['Europe/London', 'America/Sao_Paulo', 'Pacific/Kiritimati']) {
      process.env.TZ = tz
      expect([date('45292'), date('45382'), date('0', true)]).toEqual(['2024-01-01', '2024-03-31', '1904-01-01'])
    }
  })

  it('leaves a number beyond the calendar as a number', () => {
    expect(date('2958466')).toBe('2958466')
    expect(date('-1')).toBe('-1')
  })
})
