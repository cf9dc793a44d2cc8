import { describe, expect, it } from 'vitest'
import { nextItemNumber } from './item-number.ts'

describe('nextItemNumber', () => {
  it.each<[string | null | undefined, string | null, string]>([
    [undefined, '1', 'the first item'],
    ['7', '8', 'a whole number'],
    ['12.', '13.', 'with the council’s full stop'],
    ['A1', 'A2', 'with a letter before'],
    ['CYP 9', 'CYP 10', 'with a prefix and a space'],
    ['4a', null, 'a sub-item: the officer decides'],
    [null, '1', 'when no item has a number yet'],
  ])('after %s suggests %s (%s)', (last, next) => {
    expect(nextItemNumber(last)).toBe(next)
  })
})
