import { describe, expect, it } from 'vitest'
import { csvText } from './csv-writer.ts'

/** One field written alone, without the byte-order mark and the row's end. */
const field = (value: string | number | null | undefined) => csvText([[value]]).slice(1, -2)

describe('a field of a CSV for Excel', () => {
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
    expect(field(value)).toBe(expected)
  })

  it.each(['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', '＝1+1'])(
    'defuses a spreadsheet formula: %j',
    (value) => {
      expect(field(value).startsWith(`"'`)).toBe(true)
    },
  )

  it('leaves a negative number a number', () => {
    expect(field(-4)).toBe('"-4"')
  })
})

describe('a CSV for Excel', () => {
  it('starts with a byte-order mark, joins fields with commas and rows with CRLF, ending with one', () => {
    expect(
      csvText([
        ['Number', 'Text'],
        ['1', 'a "b", c'],
      ]),
    ).toBe('\uFEFF"Number","Text"\r\n"1","a ""b"", c"\r\n')
  })
})
