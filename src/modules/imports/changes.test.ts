import { describe, expect, it } from 'vitest'
import { differingFields } from './changes.ts'

describe('differingFields', () => {
  it('names the fields whose values differ', () => {
    expect(
      differingFields({ title: 'A', venue: 'Room 1', position: 2 }, { title: 'B', venue: 'Room 1', position: 3 }),
    ).toEqual(['title', 'position'])
  })

  it('takes an empty text and no value as the same, as forms store either', () => {
    expect(differingFields({ venue: '', webcastUrl: null }, { venue: null, webcastUrl: '' })).toEqual([])
  })

  it('compares instants as ISO strings and line ends alike', () => {
    expect(
      differingFields(
        { at: new Date('2024-03-14T18:00:00Z'), minute: 'One\n\nTwo' },
        { at: '2024-03-14T18:00:00.000Z', minute: 'One\r\n\r\nTwo' },
      ),
    ).toEqual([])
  })

  it('leaves out the fields it is told to', () => {
    expect(differingFields({ title: 'A', position: 1 }, { title: 'A', position: 4 }, ['position'])).toEqual([])
  })
})
