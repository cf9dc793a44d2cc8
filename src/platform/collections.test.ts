import { describe, expect, it } from 'vitest'
import { groupBy } from './collections.ts'

describe('groupBy', () => {
  it('groups items by their key, each group in the order given, keys in the order first seen', () => {
    const rows = [
      { parent: 'b', n: 1 },
      { parent: 'a', n: 2 },
      { parent: 'b', n: 3 },
      { parent: null, n: 4 },
    ]
    const groups = groupBy(rows, (row) => row.parent)
    expect([...groups.keys()]).toEqual(['b', 'a', null])
    expect(groups.get('b')?.map((row) => row.n)).toEqual([1, 3])
    expect(groups.get('a')?.map((row) => row.n)).toEqual([2])
    expect(groups.get('c')).toBeUndefined()
  })
})
