import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from './csv.ts'

describe('csvField', () => {
  it.each([
    ['plain', '"plain"'],
    ['with, comma', '"with, comma"'],
    ['say "hello"', '"say ""hello"""'],
    ['two\nlines', '"two\nlines"'],
    ['', '""'],
    [null, '""'],
    [undefined, '""'],
    [12, '"12"'],
    ['Children’s services – £4.5m', '"Children’s services – £4.5m"'],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it.each(['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)', '\tx'])('defuses a spreadsheet formula: %j', (value) => {
    expect(csvField(value).startsWith(`"'`)).toBe(true)
  })
})

describe('toCsv', () => {
  it('joins fields with commas and rows with CRLF, ending with one', () => {
    expect(
      toCsv([
        ['Number', 'Text'],
        ['1', 'a "b", c'],
      ]),
    ).toBe('"Number","Text"\r\n"1","a ""b"", c"\r\n')
  })
})
