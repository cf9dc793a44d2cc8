import { describe, expect, it } from 'vitest'
import { makesParentCycle } from './parent-body.ts'

// scrutiny at the top; a task and finish group under it; a sub-group under that; council apart.
const parentOf = new Map<string, string | null>([
  ['scrutiny', null],
  ['task-group', 'scrutiny'],
  ['sub-group', 'task-group'],
  ['council', null],
])

describe('makesParentCycle', () => {
  it.each([
    ['itself', 'scrutiny', 'scrutiny', true],
    ['its own child', 'scrutiny', 'task-group', true],
    ['its grandchild', 'scrutiny', 'sub-group', true],
    ['a body above it', 'sub-group', 'scrutiny', false],
    ['an unrelated body', 'scrutiny', 'council', false],
    ['a new body (no id yet in the map) under any body', 'new', 'sub-group', false],
  ])('under %s: %s → %s is a cycle: %s', (_case, bodyId, parentId, expected) => {
    expect(makesParentCycle(bodyId, parentId, parentOf)).toBe(expected)
  })

  it('stops on a chain that already loops', () => {
    const looped = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ])
    expect(makesParentCycle('c', 'a', looped)).toBe(false)
  })
})
