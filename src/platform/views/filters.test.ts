import { describe, expect, it } from 'vitest'
import { fileSize, importedFrom, itemHeading, itemReference } from './filters.ts'

describe('fileSize', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1KB'],
    [14_600, '14KB'],
    [3_565_158, '3.4MB'],
    [1_288_490_189, '1.2GB'],
  ])('%i bytes is %s', (bytes, text) => {
    expect(fileSize(bytes)).toBe(text)
  })
})

describe('itemHeading', () => {
  it.each([
    ['4a', '4a. Fostering'],
    ['12.', '12. Fostering'],
    ['A1', 'A1. Fostering'],
    [null, 'Fostering'],
  ])('for number %s is "%s"', (number, heading) => {
    expect(itemHeading({ number, title: 'Fostering' })).toBe(heading)
  })
})

describe('itemReference', () => {
  it('names a numbered item by its number and an unnumbered one by its title', () => {
    expect(itemReference({ number: '4a', title: 'Fostering' })).toBe('item 4a')
    expect(itemReference({ number: null, title: 'Any other business' })).toBe('item “Any other business”')
  })
})

describe('importedFrom', () => {
  it.each([
    [null, ''],
    [
      {
        system: 'moderngov' as const,
        id: '2001',
        address: 'meeting-2001.xml',
        importedAt: new Date('2026-11-30T10:00:00Z'),
      },
      'Imported from Modern.gov (id 2001) on 30 November 2026',
    ],
    // Just after midnight in London in summer is still the day before in UTC.
    [
      {
        system: 'moderngov' as const,
        id: '101',
        address: 'committees.xml',
        importedAt: new Date('2026-06-30T23:30:00Z'),
      },
      'Imported from Modern.gov (id 101) on 1 July 2026',
    ],
  ])('%o → %s', (source, line) => {
    expect(importedFrom(source)).toBe(line)
  })
})
