import { describe, expect, it } from 'vitest'
import { loadOrder } from './load-order.ts'

describe('loadOrder', () => {
  it.each<{ case: string; tables: Record<string, string[]>; order: string[] }>([
    { case: 'no references: by name', tables: { b: [], a: [], c: [] }, order: ['a', 'b', 'c'] },
    {
      case: 'a table after the one it refers to',
      tables: { appendices: ['documents'], documents: [] },
      order: ['documents', 'appendices'],
    },
    {
      case: 'a chain, listed backwards',
      tables: { resolutions: ['agenda_items'], agenda_items: ['meetings'], meetings: ['bodies'], bodies: [] },
      order: ['bodies', 'meetings', 'agenda_items', 'resolutions'],
    },
    {
      case: 'two references: after both',
      tables: { memberships: ['people', 'bodies'], people: [], bodies: [], users: ['people'] },
      order: ['bodies', 'people', 'memberships', 'users'],
    },
    { case: 'a reference to a table not backed up is no reference', tables: { a: ['elsewhere'] }, order: ['a'] },
  ])('$case', ({ tables, order }) => {
    expect(loadOrder(Object.entries(tables).map(([name, references]) => ({ name, references })))).toEqual(order)
  })

  it('refuses a table that refers to itself', () => {
    expect(() => loadOrder([{ name: 'people', references: ['people'] }])).toThrow('The table people refers to itself')
  })

  it('refuses tables that refer to each other in a circle, naming them', () => {
    const tables = [
      { name: 'a', references: ['b'] },
      { name: 'b', references: ['c'] },
      { name: 'c', references: ['a'] },
      { name: 'd', references: [] },
    ]
    expect(() => loadOrder(tables)).toThrow('The tables a, b, c refer to each other in a circle')
  })
})
