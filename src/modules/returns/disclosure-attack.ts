import type { Shown } from './disclosure.ts'

/**
 * An attacker on published tables, for testing disclosure control: from what is published alone it
 * works out, for each `c`, whether the `c` can be only one value. It knows every figure shown, that
 * the figures add up to their totals, and that counts are whole numbers; and, as zeros are always
 * shown, that a `c` is at least 1. It shares nothing with the suppression rules: it solves the
 * equations as linear programmes in exact fractions (the simplex method), maximising and minimising
 * each `c`, and checks every solution it finds against the equations before believing it.
 */

/** What the attacker learns of a `c`: its one possible value, or two of its possible values. */
export type Finding = { recovered: number } | { possible: [number, number] }

/** An equation of the published figures: the terms (indices into the figures) with their coefficients add up to 0. */
export type Equation = [index: number, coefficient: number][]

/** A table's figures in order (cells by row, row totals, column totals, grand total) with its equations. */
export function tableEquations(table: {
  cells: Shown[][]
  rowTotals: Shown[]
  columnTotals: Shown[]
  grandTotal: Shown
}): { figures: Shown[]; equations: Equation[] } {
  const rows = table.cells.length
  const columns = table.columnTotals.length
  const cell = (i: number, j: number) => i * columns + j
  const rowTotal = (i: number) => rows * columns + i
  const columnTotal = (j: number) => rows * columns + rows + j
  const grand = rows * columns + rows + columns
  const is = (n: number) => Array.from({ length: n }, (_, k) => k)
  const equations: Equation[] = [
    ...is(rows).map((i): Equation => [...is(columns).map((j): [number, number] => [cell(i, j), 1]), [rowTotal(i), -1]]),
    ...is(columns).map((j): Equation => [
      ...is(rows).map((i): [number, number] => [cell(i, j), 1]),
      [columnTotal(j), -1],
    ]),
    [...is(rows).map((i): [number, number] => [rowTotal(i), 1]), [grand, -1]],
    [...is(columns).map((j): [number, number] => [columnTotal(j), 1]), [grand, -1]],
  ]
  const figures = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal]
  return { figures, equations }
}

/** A list's figures (the counts, then the total) with its one equation. */
export function listEquations(list: { counts: Shown[]; total: Shown }): { figures: Shown[]; equations: Equation[] } {
  const equation: Equation = [...list.counts.map((_, k): [number, number] => [k, 1]), [list.counts.length, -1]]
  return { figures: [...list.counts, list.total], equations: [equation] }
}

/** For each figure, what the attacker learns of it: null where it is shown. */
export function attack(figures: Shown[], equations: Equation[]): (Finding | null)[] {
  const unknowns = figures.flatMap((figure, index) => (figure === 'c' ? [index] : []))
  const column = new Map(unknowns.map((index, k) => [index, k]))
  // Each unknown as 1 + y with y >= 0; each equation as sum(a * y) = b.
  const rows = equations.flatMap((equation) => {
    const a = unknowns.map(() => 0)
    let b = 0
    for (const [index, coefficient] of equation) {
      const k = column.get(index)
      if (k === undefined) b -= coefficient * (figures[index] as number)
      else {
        a[k] += coefficient
        b -= coefficient
      }
    }
    if (a.every((x) => x === 0)) {
      if (b !== 0) throw new Error('The published figures do not add up')
      return []
    }
    return [{ a, b }]
  })
  const lp = new Simplex(rows, unknowns.length)
  const seen = unknowns.map(() => new Set<number>())
  const record = () => {
    const y = lp.solution()
    check(rows, y)
    y.forEach((value, k) => seen[k].add(value + 1))
  }
  record()
  unknowns.forEach((_, k) => {
    if (seen[k].size > 1) return
    if (!lp.optimise(k, 'max')) seen[k].add(Infinity)
    else record()
    if (seen[k].size > 1) return
    lp.optimise(k, 'min')
    record()
  })
  const findings = figures.map((): Finding | null => null)
  unknowns.forEach((index, k) => {
    const values = [...seen[k]].sort((x, y) => x - y)
    findings[index] = values.length === 1 ? { recovered: values[0] } : { possible: [values[0], values[1]] }
  })
  return findings
}

/** A solution is believed only when it is whole numbers, none negative, and every equation holds. */
function check(rows: { a: number[]; b: number }[], y: number[]): void {
  if (y.some((value) => !Number.isInteger(value) || value < 0)) throw new Error(`Not a solution: ${y.join(', ')}`)
  for (const { a, b } of rows) {
    if (a.reduce((sum, x, k) => sum + x * y[k], 0) !== b) throw new Error(`Not a solution: ${y.join(', ')}`)
  }
}

/** Exact fractions on safe integers; any overflow throws rather than giving a wrong answer. */
type Fraction = readonly [numerator: number, denominator: number]
const ZERO: Fraction = [0, 1]
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b))
function fraction(n: number, d: number): Fraction {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0) throw new RangeError('Fraction overflow')
  const g = gcd(n, d) * Math.sign(d)
  return [n / g + 0, d / g]
}
const sub = (x: Fraction, y: Fraction) => fraction(x[0] * y[1] - y[0] * x[1], x[1] * y[1])
const mul = (x: Fraction, y: Fraction) => fraction(x[0] * y[0], x[1] * y[1])
const div = (x: Fraction, y: Fraction) => fraction(x[0] * y[1], x[1] * y[0])
const less = (x: Fraction, y: Fraction) => x[0] * y[1] < y[0] * x[1]

/**
 * The simplex method on a tableau, with Bland's rule (lowest index enters and leaves), which never
 * cycles. Phase one finds a solution with an artificial variable per equation; later optimisations
 * start from the last solution.
 */
class Simplex {
  private tableau: Fraction[][]
  private basis: number[]

  constructor(
    rows: { a: number[]; b: number }[],
    private readonly n: number,
  ) {
    const m = rows.length
    this.tableau = rows.map(({ a, b }, i) => {
      const sign = b < 0 ? -1 : 1
      const artificial = rows.map((_, r) => fraction(r === i ? 1 : 0, 1))
      return [...a.map((x) => fraction(sign * x, 1)), ...artificial, fraction(sign * b, 1)]
    })
    this.basis = rows.map((_, i) => n + i)
    const phaseOne = Array.from({ length: n + m }, (_, j) => (j < n ? 0 : 1))
    this.run(phaseOne, n + m)
    if (this.tableau.some((row, i) => this.basis[i] >= n && row[row.length - 1][0] !== 0)) {
      throw new Error('The published figures have no solution')
    }
    // Artificials left in the basis at 0: swap each for a real variable, or drop its row as redundant.
    for (let i = this.basis.length - 1; i >= 0; i--) {
      if (this.basis[i] < n) continue
      const j = this.tableau[i].findIndex((x, c) => c < n && x[0] !== 0)
      if (j >= 0) this.pivot(i, j)
      else {
        this.tableau.splice(i, 1)
        this.basis.splice(i, 1)
      }
    }
  }

  /** The current solution's y. */
  solution(): number[] {
    const y = Array.from({ length: this.n }, () => 0)
    this.basis.forEach((j, i) => {
      const [num, den] = this.tableau[i][this.tableau[i].length - 1]
      if (j < this.n) y[j] = num / den
    })
    return y
  }

  /** Maximises or minimises y[k]; false when it has no maximum. */
  optimise(k: number, sense: 'max' | 'min'): boolean {
    const cost = Array.from({ length: this.n }, (_, j) => (j === k ? (sense === 'max' ? -1 : 1) : 0))
    return this.run(cost, this.n)
  }

  /** Minimises cost · x over columns below `enter`; false when unbounded. */
  private run(cost: number[], enter: number): boolean {
    const width = this.tableau[0]?.length ?? 0
    for (;;) {
      let entering = -1
      for (let j = 0; j < enter && entering < 0; j++) {
        let reduced = fraction(cost[j], 1)
        this.basis.forEach((b, i) => (reduced = sub(reduced, mul(fraction(cost[b] ?? 0, 1), this.tableau[i][j]))))
        if (less(reduced, ZERO)) entering = j
      }
      if (entering < 0) return true
      let leaving = -1
      let best: Fraction = ZERO
      this.tableau.forEach((row, i) => {
        if (!less(ZERO, row[entering])) return
        const ratio = div(row[width - 1], row[entering])
        const tie = leaving >= 0 && !less(ratio, best) && !less(best, ratio) && this.basis[i] < this.basis[leaving]
        if (leaving < 0 || less(ratio, best) || tie) {
          leaving = i
          best = ratio
        }
      })
      if (leaving < 0) return false
      this.pivot(leaving, entering)
    }
  }

  private pivot(r: number, j: number): void {
    const pivotRow = this.tableau[r].map((x) => div(x, this.tableau[r][j]))
    this.tableau = this.tableau.map((row, i) => {
      if (i === r) return pivotRow
      const factor = row[j]
      return factor[0] === 0 ? row : row.map((x, c) => sub(x, mul(factor, pivotRow[c])))
    })
    this.basis[r] = j
  }
}
