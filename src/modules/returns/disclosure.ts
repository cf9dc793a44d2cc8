/**
 * Disclosure control for figures worked out from the council's child-level statutory returns (the
 * CIN census, the SSDA903 return of children looked after) before they are published, so that no
 * child can be identified from them. The usual official-statistics rules:
 *
 * - Primary suppression: a count of 1 to 5 (the threshold; a council may set its own) is shown as
 *   `c`, because a handful of children in a group can be recognised by people who know them. Zero is
 *   shown as 0: it counts no child.
 * - Rates and percentages built on a suppressed count are `c`, or the count could be worked back
 *   from the rate.
 * - Secondary suppression: in a table published with its totals, further figures are suppressed so
 *   that no `c` can be worked out by subtraction from what is shown (see `protect`).
 *
 * Figures carry their count and why they were suppressed for the council's analysts; `publicView`
 * is what may be published. The reasons must never be published: "primary" says the count is 1 to 5.
 */

export const DEFAULT_THRESHOLD = 5
export const SUPPRESSED = 'c'
export type Shown = number | typeof SUPPRESSED
export type SuppressionReason = 'primary' | 'secondary'

/** Limits on what is asked of the rules: far beyond any council's figures, small enough to answer at once. */
export const MAX_COUNT = 10_000_000
export const MAX_THRESHOLD = 99
export const MAX_ROWS = 25
export const MAX_COLUMNS = 25

export interface DisclosureOptions {
  /** The largest count suppressed: counts from 1 to this are `c`. */
  threshold?: number
}

/** A figure as the council's analysts see it: the count, what is published, and why it is `c`. */
export interface Figure {
  count: number
  shown: Shown
  suppressed: SuppressionReason | null
}

export interface PublishedList {
  counts: Figure[]
  total: Figure
}

export interface PublishedTable {
  cells: Figure[][]
  rowTotals: Figure[]
  columnTotals: Figure[]
  grandTotal: Figure
}

function thresholdOf(options: DisclosureOptions): number {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > MAX_THRESHOLD) {
    throw new RangeError(`The threshold must be a whole number from 1 to ${MAX_THRESHOLD}`)
  }
  return threshold
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new RangeError(`A count must be a whole number from 0 to ${MAX_COUNT}`)
  }
}

/** Primary suppression: 1 to the threshold. */
function isSmall(count: number, threshold: number): boolean {
  return count >= 1 && count <= threshold
}

/**
 * A count published on its own, with no total or other figure it adds up with: `c` when 1 to the
 * threshold. A count that is part of a whole (a group and everyone else) needs `publishList`, or
 * the others can be worked out by subtraction.
 */
export function publishCount(count: number, options: DisclosureOptions = {}): Shown {
  checkCount(count)
  return isSmall(count, thresholdOf(options)) ? SUPPRESSED : count
}

/**
 * A rate or percentage from published counts (`per` 100 for a percentage, 10,000 for a rate per
 * 10,000 children), rounded to `decimals` places. `c` when either count is `c`: a rate and the
 * published denominator give the numerator back (2 of 40 is 5%), and a rate and the numerator give
 * the denominator back. Null when the denominator is 0: there is no rate.
 */
export function publishRate(
  numerator: Shown,
  denominator: Shown,
  options: { per?: number; decimals?: number } = {},
): Shown | null {
  const { per = 100, decimals = 1 } = options
  if (!(per > 0) || !Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError('A rate needs a positive base and from 0 to 6 decimal places')
  }
  if (numerator === SUPPRESSED || denominator === SUPPRESSED) return SUPPRESSED
  checkCount(numerator)
  checkCount(denominator)
  if (denominator === 0) return null
  const scale = 10 ** decimals
  // Multiplied before dividing, so that a half is exactly a half: 23 of 80 is 28.75%, 28.8 to one
  // place, where (23 / 80) * 100 * 10 falls just short of 287.5.
  return Math.round((numerator * per * scale) / denominator) / scale
}

/**
 * A list of counts with its total (children in need by primary need, say): primary suppression,
 * then enough further counts that no `c` is the total less the rest.
 */
export function publishList(counts: number[], options: DisclosureOptions = {}): PublishedList {
  const threshold = thresholdOf(options)
  if (counts.length < 1 || counts.length > MAX_COLUMNS) {
    throw new RangeError(`A list must have from 1 to ${MAX_COLUMNS} counts`)
  }
  counts.forEach(checkCount)
  const total = counts.reduce((sum, count) => sum + count, 0)
  // The list's one equation, "the counts less the total make 0", as a graph of two nodes (see `protect`).
  const entries = [...counts.map((count) => entryOf(count, 0, 1, 1, threshold)), entryOf(total, 0, 1, -1, threshold)]
  protect(entries, 2)
  const figures = entries.map(figureOf)
  return { counts: figures.slice(0, counts.length), total: figures[counts.length] }
}

/**
 * A table of counts (rows by columns) with its row, column and grand totals, all published:
 * primary suppression of cells and totals alike, then secondary suppression so that no `c` can be
 * worked out from the rest, whether from its row, its column or the two together.
 */
export function publishTable(counts: number[][], options: DisclosureOptions = {}): PublishedTable {
  const threshold = thresholdOf(options)
  const rows = counts.length
  const columns = counts[0]?.length ?? 0
  if (rows < 1 || rows > MAX_ROWS || columns < 1 || columns > MAX_COLUMNS) {
    throw new RangeError(`A table must have from 1 to ${MAX_ROWS} rows and 1 to ${MAX_COLUMNS} columns`)
  }
  if (counts.some((row) => row.length !== columns)) throw new RangeError('Every row must have the same columns')
  counts.forEach((row) => row.forEach(checkCount))
  const rowTotals = counts.map((row) => row.reduce((sum, count) => sum + count, 0))
  const columnTotals = counts[0].map((_, j) => counts.reduce((sum, row) => sum + row[j], 0))
  const grandTotal = rowTotals.reduce((sum, total) => sum + total, 0)
  // Nodes 0..rows-1 are the rows and `rows` the totals row; `rows + 1 + j` the columns and `marginColumn` the totals
  // column. Each figure joins its row to its column; totals count against the figures they add up (see `protect`).
  const marginRow = rows
  const column = (j: number) => rows + 1 + j
  const marginColumn = column(columns)
  const entries = [
    ...counts.flatMap((row, i) => row.map((count, j) => entryOf(count, i, column(j), 1, threshold))),
    ...rowTotals.map((total, i) => entryOf(total, i, marginColumn, -1, threshold)),
    ...columnTotals.map((total, j) => entryOf(total, marginRow, column(j), -1, threshold)),
    entryOf(grandTotal, marginRow, marginColumn, 1, threshold),
  ]
  protect(entries, marginColumn + 1)
  const figures = entries.map(figureOf)
  const cellCount = rows * columns
  return {
    cells: counts.map((_, i) => figures.slice(i * columns, (i + 1) * columns)),
    rowTotals: figures.slice(cellCount, cellCount + rows),
    columnTotals: figures.slice(cellCount + rows, cellCount + rows + columns),
    grandTotal: figures[figures.length - 1],
  }
}

/** What may be published of a table: the figures shown, with neither the counts under `c` nor the reasons. */
export function publicView(table: PublishedTable) {
  const shown = (figure: Figure) => figure.shown
  return {
    cells: table.cells.map((row) => row.map(shown)),
    rowTotals: table.rowTotals.map(shown),
    columnTotals: table.columnTotals.map(shown),
    grandTotal: table.grandTotal.shown,
  }
}

/**
 * One figure of a table as an edge of a graph whose nodes are the table's equations (each row,
 * each column, the totals row and the totals column: "these add up to that total"), joining the two
 * it is in. `sign` is -1 for a row or column total, which is the sum in one of its equations and a
 * part in the other, and +1 for the rest, which are parts in both or (the grand total) the sum in both.
 */
interface Entry {
  count: number
  from: number
  to: number
  sign: 1 | -1
  reason: SuppressionReason | null
}

function entryOf(count: number, from: number, to: number, sign: 1 | -1, threshold: number): Entry {
  return { count, from, to, sign, reason: isSmall(count, threshold) ? 'primary' : null }
}

function figureOf(entry: Entry): Figure {
  return { count: entry.count, shown: entry.reason ? SUPPRESSED : entry.count, suppressed: entry.reason }
}

type Arc = [tail: number, head: number]

/**
 * The directions in which a figure can move by 1 while staying a possible `c`. Moving along the arc
 * from→to adds `sign` to the count; to→from takes it away. A count can always grow; it can shrink
 * only while it stays at least 1, since zeros are always shown and so anyone knows a `c` is not 0.
 */
function arcsOf(entry: Entry): Arc[] {
  const canShrink = entry.count >= 2
  const arcs: Arc[] = []
  if (entry.sign === 1 || canShrink) arcs.push([entry.from, entry.to])
  if (entry.sign === -1 || canShrink) arcs.push([entry.to, entry.from])
  return arcs
}

/**
 * Secondary suppression, in place. Moving figures by +1 and -1 around a cycle of the graph (each
 * equation gaining one and losing one) gives another table that adds up just as the true one does.
 * A `c` on such a cycle of `c`s, with room to move each of them that way, could be either of two
 * values, so nobody can work it out; a `c` on none is given away: alone in its row, alone in its
 * column, or pinned by the other `c`s and their totals. Conversely every other table consistent with
 * what is published differs from the true one by such cycles, so the check is exact.
 *
 * Each `c` not on a cycle (in a fixed order, so the same table always gives the same answer) gets
 * the cheapest one: the path back through the graph whose newly suppressed counts add up to the
 * least, so the smallest counts go first. Zeros are never chosen: every 0 is shown, which is what
 * lets readers take a 0 at its word and is why a `c` is known to be at least 1 (the checks above
 * assume as much); and a 0 cannot shrink, so a cover of zeros can leave a `c` pinned. Suppressing
 * every non-zero figure is always safe (each can grow with its totals), so a non-zero cover exists.
 * Suppressing more only ever adds cycles, so a `c` once protected stays protected.
 */
function protect(entries: Entry[], nodes: number): void {
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]
    if (!entry.reason || onCycle(entries, index, nodes)) continue
    for (const added of cheapestCycle(entries, index, nodes)) entries[added].reason ??= 'secondary'
  }
}

/** Whether one of the entry's arcs can be closed into a cycle by the other `c`s. */
function onCycle(entries: Entry[], index: number, nodes: number): boolean {
  const adjacency: number[][] = Array.from({ length: nodes }, () => [])
  entries.forEach((entry, other) => {
    if (other === index || !entry.reason) return
    for (const [tail, head] of arcsOf(entry)) adjacency[tail].push(head)
  })
  return arcsOf(entries[index]).some(([tail, head]) => reaches(adjacency, head, tail))
}

function reaches(adjacency: number[][], start: number, goal: number): boolean {
  const seen = new Set([start])
  const queue = [start]
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === goal) return true
    for (const next of adjacency[node]) {
      if (seen.has(next)) continue
      seen.add(next)
      queue.push(next)
    }
  }
  return false
}

/**
 * The entries to suppress so that the entry is on a cycle: for each of its arcs, the shortest path
 * back from its head to its tail (Dijkstra), where a `c` costs nothing and any other non-zero count
 * costs its value, ties going to fewer new `c`s and then to the first found.
 */
function cheapestCycle(entries: Entry[], index: number, nodes: number): number[] {
  let best: { cost: number; added: number[] } | null = null
  for (const [tail, head] of arcsOf(entries[index])) {
    const found = shortestPath(entries, index, nodes, head, tail)
    if (
      found &&
      (!best || found.cost < best.cost || (found.cost === best.cost && found.added.length < best.added.length))
    ) {
      best = found
    }
  }
  // Unreachable: with every non-zero figure suppressed, each can grow with its row and column totals.
  if (!best) throw new Error('No figures left to suppress')
  return best.added
}

function shortestPath(entries: Entry[], excluded: number, nodes: number, start: number, goal: number) {
  const cost = Array<number>(nodes).fill(Infinity)
  const added = Array<number>(nodes).fill(Infinity)
  const via = Array<{ node: number; entry: number } | null>(nodes).fill(null)
  const done = Array<boolean>(nodes).fill(false)
  cost[start] = 0
  added[start] = 0
  const better = (a: number, b: number) => cost[a] < cost[b] || (cost[a] === cost[b] && added[a] < added[b])
  for (;;) {
    let node = -1
    for (let n = 0; n < nodes; n++) if (!done[n] && cost[n] < Infinity && (node < 0 || better(n, node))) node = n
    if (node < 0) return null
    if (node === goal) break
    done[node] = true
    entries.forEach((entry, e) => {
      if (e === excluded || (!entry.reason && entry.count === 0)) return
      const step = entry.reason ? 0 : entry.count
      for (const [tail, head] of arcsOf(entry)) {
        if (tail !== node || done[head]) continue
        const c = cost[node] + step
        const a = added[node] + (entry.reason ? 0 : 1)
        if (c < cost[head] || (c === cost[head] && a < added[head])) {
          cost[head] = c
          added[head] = a
          via[head] = { node, entry: e }
        }
      }
    })
  }
  const path: number[] = []
  for (let step = via[goal]; step; step = via[step.node]) if (!entries[step.entry].reason) path.push(step.entry)
  return { cost: cost[goal], added: path.reverse() }
}
