import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attack, listEquations, tableEquations } from './disclosure-attack.ts'
import { type Figure, publicView, publishList, publishRate, publishTable, type Shown } from './disclosure.ts'

// Counts as the returns give them for one council: mostly small, so that most tables need suppressing.
const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, fc.integer({ min: 0, max: 40 }))
const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
  )
const list = fc.array(count, { minLength: 1, maxLength: 8 })
const threshold = fc.oneof({ weight: 3, arbitrary: fc.constant(5) }, fc.integer({ min: 1, max: 10 }))

const figuresOf = (published: ReturnType<typeof publishTable>): Figure[] => [
  ...published.cells.flat(),
  ...published.rowTotals,
  ...published.columnTotals,
  published.grandTotal,
]

/** Every c could be either of two values for all anyone can work out from what is published. */
function expectNoneRecovered(figures: Shown[], findings: ReturnType<typeof attack>, counts: number[]) {
  findings.forEach((finding, index) => {
    if (figures[index] !== 'c') return expect(finding).toBeNull()
    expect(finding, `the c in place ${index} (${counts[index]}) is given away`).toHaveProperty('possible')
  })
}

describe('publishTable, for any table', () => {
  it('leaves no c that an attacker who knows everything published can work out', () => {
    fc.assert(
      fc.property(table, threshold, (counts, t) => {
        const published = publishTable(counts, { threshold: t })
        const { figures, equations } = tableEquations(publicView(published))
        expectNoneRecovered(
          figures,
          attack(figures, equations),
          figuresOf(published).map((f) => f.count),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('shows the true count wherever it shows one, and only 0 or more than the threshold', () => {
    fc.assert(
      fc.property(table, threshold, (counts, t) => {
        const published = publishTable(counts, { threshold: t })
        const truth = [
          ...counts.flat(),
          ...counts.map((row) => row.reduce((a, b) => a + b, 0)),
          ...counts[0].map((_, j) => counts.reduce((sum, row) => sum + row[j], 0)),
          counts.flat().reduce((a, b) => a + b, 0),
        ]
        figuresOf(published).forEach((figure, index) => {
          expect(figure.count).toBe(truth[index])
          if (figure.shown === 'c') return expect(figure.suppressed).not.toBeNull()
          expect(figure.shown).toBe(truth[index])
          expect(figure.shown === 0 || figure.shown > t).toBe(true)
          expect(figure.suppressed).toBeNull()
        })
      }),
      { numRuns: 300 },
    )
  })

  it('suppresses every small count as primary, and never a zero', () => {
    fc.assert(
      fc.property(table, threshold, (counts, t) => {
        for (const figure of figuresOf(publishTable(counts, { threshold: t }))) {
          if (figure.count === 0) expect(figure.shown).toBe(0)
          expect(figure.suppressed === 'primary').toBe(figure.count >= 1 && figure.count <= t)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('gives every rate built on a c as c, and other rates as they are', () => {
    fc.assert(
      fc.property(table, (counts) => {
        const published = publishTable(counts)
        published.cells.forEach((row, i) =>
          row.forEach((cell, j) => {
            for (const whole of [published.rowTotals[i], published.columnTotals[j], published.grandTotal]) {
              const rate = publishRate(cell.shown, whole.shown)
              if (cell.shown === 'c' || whole.shown === 'c') expect(rate).toBe('c')
              else if (whole.count === 0) expect(rate).toBeNull()
              else expect(rate).toBe(Math.round((cell.count / whole.count) * 1000) / 10)
            }
          }),
        )
      }),
      { numRuns: 100 },
    )
  })

  it('gives the same table every time', () => {
    fc.assert(
      fc.property(table, (counts) => {
        expect(publishTable(counts)).toEqual(publishTable(counts.map((row) => [...row])))
      }),
      { numRuns: 50 },
    )
  })
})

describe('publishList, for any list', () => {
  it('leaves no c that can be worked out, and shows true counts of 0 or more than the threshold', () => {
    fc.assert(
      fc.property(list, threshold, (counts, t) => {
        const published = publishList(counts, { threshold: t })
        const all = [...published.counts, published.total]
        const { figures, equations } = listEquations({ counts: shown(published.counts), total: published.total.shown })
        expectNoneRecovered(
          figures,
          attack(figures, equations),
          all.map((f) => f.count),
        )
        all.forEach((figure) => {
          if (figure.shown !== 'c') expect(figure.shown === 0 || figure.shown > t).toBe(true)
          if (figure.shown !== 'c') expect(figure.shown).toBe(figure.count)
        })
      }),
      { numRuns: 300 },
    )
  })
})

describe('the attacker, on tables with primary suppression alone', () => {
  it('works out a c often enough to show it can', () => {
    // Primary suppression alone leaves a lone c in a row with its total: the attacker must find it.
    let recovered = 0
    fc.assert(
      fc.property(table, (counts) => {
        const published = figuresOf(publishTable(counts))
        const figures: Shown[] = published.map((f) => (f.suppressed === 'primary' ? 'c' : f.count))
        const findings = attack(figures, tableEquations(publicView(publishTable(counts))).equations)
        findings.forEach((finding, index) => {
          if (!finding || !('recovered' in finding)) return
          recovered++
          expect(finding.recovered).toBe(published[index].count)
        })
      }),
      { numRuns: 100 },
    )
    expect(recovered).toBeGreaterThan(10)
  })
})

const shown = (figures: Figure[]) => figures.map((figure) => figure.shown)
