import { describe, expect, it } from 'vitest'
import { attack, listEquations, tableEquations } from './disclosure-attack.ts'
import {
  type Figure,
  type PublishedTable,
  publicView,
  publishCount,
  publishList,
  publishRate,
  publishTable,
} from './disclosure.ts'

const shown = (figures: Figure[]) => figures.map((figure) => figure.shown)
const whyOf = (figures: Figure[]) => figures.map((figure) => figure.suppressed)
/** A table as published, laid out as it is read: rows with their totals, then column totals and the grand total. */
function laidOut(table: PublishedTable) {
  const view = publicView(table)
  return [...view.cells.map((row, i) => [...row, view.rowTotals[i]]), [...view.columnTotals, view.grandTotal]]
}

describe('publishCount', () => {
  it.each([
    [0, 0],
    [1, 'c'],
    [5, 'c'],
    [6, 6],
    [40, 40],
  ] as const)('%d is shown as %s', (count, expected) => {
    expect(publishCount(count)).toBe(expected)
  })

  it('takes the council’s own threshold', () => {
    expect(publishCount(10, { threshold: 10 })).toBe('c')
    expect(publishCount(11, { threshold: 10 })).toBe(11)
    expect(publishCount(3, { threshold: 2 })).toBe(3)
  })

  it.each([-1, 1.5, Number.NaN, 10_000_001])('refuses a count of %d', (count) => {
    expect(() => publishCount(count)).toThrow(RangeError)
  })

  it.each([0, -5, 2.5, 100])('refuses a threshold of %d', (threshold) => {
    expect(() => publishCount(10, { threshold })).toThrow(RangeError)
  })
})

describe('publishRate', () => {
  it('is the percentage of published counts, to one decimal place', () => {
    expect(publishRate(12, 40)).toBe(30)
    expect(publishRate(7, 9)).toBe(77.8)
    expect(publishRate(7, 9, { decimals: 0 })).toBe(78)
  })

  it('rounds a half up, whatever the order of the arithmetic would give', () => {
    expect(publishRate(23, 80)).toBe(28.8)
    expect(publishRate(1, 8)).toBe(12.5)
    expect(publishRate(1, 16, { decimals: 2 })).toBe(6.25)
    expect(publishRate(1, 16)).toBe(6.3)
    expect(publishRate(3, 80, { per: 10_000, decimals: 0 })).toBe(375)
  })

  it('is a rate per 10,000 children when asked', () => {
    expect(publishRate(422, 50_000, { per: 10_000 })).toBe(84.4)
  })

  it('is c when the numerator is c: 5% of 40 gives back 2', () => {
    expect(publishRate('c', 40)).toBe('c')
  })

  it('is c when the denominator is c', () => {
    expect(publishRate(12, 'c')).toBe('c')
    expect(publishRate('c', 'c')).toBe('c')
  })

  it('is c when built on a count that was suppressed', () => {
    expect(publishRate(publishCount(3), publishCount(40))).toBe('c')
  })

  it('has no value when the denominator is 0', () => {
    expect(publishRate(0, 0)).toBeNull()
  })

  it('refuses a base or places it cannot use', () => {
    expect(() => publishRate(1, 2, { per: 0 })).toThrow(RangeError)
    expect(() => publishRate(1, 2, { decimals: 7 })).toThrow(RangeError)
  })
})

describe('publishList', () => {
  it('shows a list with no small counts as it is', () => {
    const list = publishList([10, 0, 25])
    expect(shown(list.counts)).toEqual([10, 0, 25])
    expect(list.total.shown).toBe(35)
  })

  it('suppresses a second count, the smallest, or the total would give the first away', () => {
    const list = publishList([20, 3, 12, 10, 0])
    expect(shown(list.counts)).toEqual([20, 'c', 12, 'c', 0])
    expect(whyOf(list.counts)).toEqual([null, 'primary', null, 'secondary', null])
    expect(list.total).toEqual({ count: 45, shown: 45, suppressed: null })
  })

  it('suppresses a third when the two small ones could only be 1 each (a c is never 0)', () => {
    // c + c = 2 with neither 0 gives both away; c + c + c = 12 does not.
    const list = publishList([1, 1, 10])
    expect(shown(list.counts)).toEqual(['c', 'c', 'c'])
    expect(list.total.shown).toBe(12)
  })

  it('suppresses a small total, after which nothing can be worked out', () => {
    const list = publishList([2, 0, 1])
    expect(shown(list.counts)).toEqual(['c', 0, 'c'])
    expect(list.total).toEqual({ count: 3, shown: 'c', suppressed: 'primary' })
  })
})

describe('publishTable', () => {
  it('shows a table with no small counts as it is, with its totals', () => {
    expect(
      laidOut(
        publishTable([
          [10, 0],
          [7, 12],
        ]),
      ),
    ).toEqual([
      [10, 0, 10],
      [7, 12, 19],
      [17, 12, 29],
    ])
  })

  it('suppresses a rectangle of the smallest counts around a lone c in its row and column', () => {
    // Row 1: 3 + 8 = 11 and column 1: 3 + 7 = 10, but each c could be anything from 1 to 9.
    const table = publishTable([
      [3, 10, 8],
      [7, 12, 9],
    ])
    expect(laidOut(table)).toEqual([
      ['c', 10, 'c', 21],
      ['c', 12, 'c', 28],
      [10, 22, 17, 49],
    ])
    expect(table.cells.map(whyOf)).toEqual([
      ['primary', null, 'secondary'],
      ['secondary', null, 'secondary'],
    ])
  })

  it('suppresses more when two c share a row but each is alone in its column', () => {
    // Column 1 would give 22 - 20 = 2 and column 2 29 - 25 = 4.
    expect(
      laidOut(
        publishTable([
          [2, 4, 30],
          [20, 25, 40],
        ]),
      ),
    ).toEqual([
      ['c', 'c', 30, 36],
      ['c', 'c', 40, 85],
      [22, 29, 70, 121],
    ])
  })

  it('suppresses small totals, and totals too where they are the cheapest cover; never a zero', () => {
    // The column total 3 is small. With the zero below the 3 never chosen, the cheapest cover is the
    // 12 beside it and its column's total.
    const table = publishTable([
      [3, 0, 12],
      [0, 7, 9],
    ])
    expect(laidOut(table)).toEqual([
      ['c', 0, 'c', 15],
      [0, 7, 9, 16],
      ['c', 7, 'c', 31],
    ])
    expect(whyOf(table.columnTotals)).toEqual(['primary', null, 'secondary'])
  })

  it('suppresses everything but zeros when the grand total is small', () => {
    expect(
      laidOut(
        publishTable([
          [1, 0],
          [2, 1],
        ]),
      ),
    ).toEqual([
      ['c', 0, 'c'],
      ['c', 'c', 'c'],
      ['c', 'c', 'c'],
    ])
  })

  it('gives the same table every time', () => {
    const counts = [
      [4, 9, 9, 2],
      [9, 4, 2, 9],
      [2, 9, 9, 4],
    ]
    expect(publishTable(counts)).toEqual(publishTable(counts))
  })

  it('takes the council’s own threshold', () => {
    expect(
      laidOut(
        publishTable(
          [
            [8, 20],
            [30, 40],
          ],
          { threshold: 10 },
        ),
      ),
    ).toEqual([
      ['c', 'c', 28],
      ['c', 'c', 70],
      [38, 60, 98],
    ])
  })

  it('keeps counts and reasons out of what is published', () => {
    const view = JSON.stringify(
      publicView(
        publishTable([
          [3, 10],
          [7, 12],
        ]),
      ),
    )
    expect(view).not.toMatch(/primary|secondary|count/)
    expect(view).not.toMatch(/\b3\b/)
  })

  it.each([
    ['no rows', []],
    ['no columns', [[]]],
    ['ragged rows', [[1, 2], [3]]],
    ['a negative count', [[1, -2]]],
    ['26 rows', Array.from({ length: 26 }, () => [1])],
  ])('refuses %s', (_, counts: number[][]) => {
    expect(() => publishTable(counts)).toThrow(RangeError)
  })
})

describe('the attacker', () => {
  const attackTable = (
    cells: (number | 'c')[][],
    rowTotals: (number | 'c')[],
    columnTotals: (number | 'c')[],
    grand: number | 'c',
  ) => {
    const { figures, equations } = tableEquations({ cells, rowTotals, columnTotals, grandTotal: grand })
    return attack(figures, equations)
  }

  it('works out a lone c in a row from the row total', () => {
    const { figures, equations } = listEquations({ counts: ['c', 10], total: 13 })
    expect(attack(figures, equations)[0]).toEqual({ recovered: 3 })
  })

  it('works out a c alone in its column, though not alone in its row', () => {
    const findings = attackTable(
      [
        ['c', 'c', 30],
        [20, 25, 40],
      ],
      [36, 85],
      [22, 29, 70],
      121,
    )
    expect(findings.slice(0, 2)).toEqual([{ recovered: 2 }, { recovered: 4 }])
  })

  it('works out two c that cannot be 0 and add up to 2', () => {
    const { figures, equations } = listEquations({ counts: ['c', 'c', 10], total: 12 })
    expect(attack(figures, equations).slice(0, 2)).toEqual([{ recovered: 1 }, { recovered: 1 }])
  })

  it('works out a c joining two rectangles of c, each safe on its own', () => {
    // The counts: [3, 4, 20, 20], [2, 5, 8, 20], [20, 20, 4, 3], [20, 20, 2, 5]. The 8 is on no
    // cycle of c: its row less 20 is 15, and the c beside it add up to the first two columns' totals
    // less row 1's and the 20s: 5 + 9 - 7 = 7.
    const findings = attackTable(
      [
        ['c', 'c', 20, 20],
        ['c', 'c', 'c', 20],
        [20, 20, 'c', 'c'],
        [20, 20, 'c', 'c'],
      ],
      [47, 35, 47, 47],
      [45, 49, 34, 48],
      176,
    )
    expect(findings[6]).toEqual({ recovered: 8 })
    expect(findings[0]).toHaveProperty('possible')
    expect(findings[15]).toHaveProperty('possible')
  })

  it('cannot work out the rectangle of c', () => {
    const findings = attackTable(
      [
        ['c', 10, 'c'],
        ['c', 12, 'c'],
      ],
      [21, 28],
      [10, 22, 17],
      49,
    )
    const found = findings.filter((finding) => finding !== null)
    expect(found).toHaveLength(4)
    for (const finding of found) expect(finding).toHaveProperty('possible')
  })
})
