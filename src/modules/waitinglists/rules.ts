/**
 * The derived figures of the waiting-list dashboard, each worked out from stored figures only.
 * Every waiting-list measure is "lower is better"; `Polarity` is general so that the outcomes
 * framework's indicators can use the same change rule.
 */

export type Polarity = 'higher is better' | 'lower is better' | 'neither'

/** The share of referrals waiting more than 18 weeks, as a whole percentage; null when not known. */
export function shareOver18Weeks(figures: {
  referralsWaiting: number | null
  over18Weeks: number | null
}): number | null {
  const { referralsWaiting, over18Weeks } = figures
  if (referralsWaiting === null || over18Weeks === null || referralsWaiting === 0) return null
  return Math.round((over18Weeks / referralsWaiting) * 100)
}

export interface Change {
  /** current − previous */
  delta: number
  direction: 'up' | 'down' | 'same'
  /** What the movement means given the polarity. */
  meaning: 'better' | 'worse' | 'no change' | 'not judged'
}

/**
 * The change from the previous figure, and whether it is for the better. Null when either figure
 * is missing: no arrow is drawn from a figure nobody gave.
 */
export function changeFrom(current: number | null, previous: number | null, polarity: Polarity): Change | null {
  if (current === null || previous === null) return null
  const delta = Math.round((current - previous) * 1000) / 1000
  if (delta === 0) return { delta, direction: 'same', meaning: 'no change' }
  const direction = delta > 0 ? 'up' : 'down'
  if (polarity === 'neither') return { delta, direction, meaning: 'not judged' }
  const better = (direction === 'up') === (polarity === 'higher is better')
  return { delta, direction, meaning: better ? 'better' : 'worse' }
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number)
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** 'December 2023' for '2023-12'. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number)
  return `${MONTHS[m - 1]} ${year}`
}

/** Whole months from `from` to `to` (both `YYYY-MM`): the x position of a figure on a chart. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  return (ty - fy) * 12 + (tm - fm)
}
