import { describe, expect, it } from 'vitest'
import { moveResolution, renumber, withoutResolution } from './resolution-numbers.ts'

const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]
const order = (rows: { id: string; number: number }[]) => rows.map((row) => `${row.number}${row.id}`).join(' ')

describe('resolution numbers', () => {
  it('numbers from 1 in order', () => {
    expect(order(renumber(list))).toBe('1a 2b 3c 4d')
    expect(renumber([])).toEqual([])
  })

  it.each([
    ['closes the gap when the first goes', 'a', '1b 2c 3d'],
    ['closes the gap when a middle one goes', 'c', '1a 2b 3d'],
    ['keeps the rest when the last goes', 'd', '1a 2b 3c'],
    ['changes nothing for an unknown one', 'x', '1a 2b 3c 4d'],
  ])('%s', (_name, id, expected) => {
    expect(order(withoutResolution(list, id))).toBe(expected)
  })

  it.each<[string, string, number, string]>([
    ['moves one up', 'c', 1, '1c 2a 3b 4d'],
    ['moves one down', 'a', 3, '1b 2c 3a 4d'],
    ['keeps one in place', 'b', 2, '1a 2b 3c 4d'],
    ['moves to the end when the position is past it', 'b', 9, '1a 2c 3d 4b'],
    ['moves to the start when the position is below 1', 'd', 0, '1d 2a 3b 4c'],
  ])('%s', (_name, id, position, expected) => {
    expect(order(moveResolution(list, id, position))).toBe(expected)
  })
})
