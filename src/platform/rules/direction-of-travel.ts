/**
 * Which way a figure moved since the one before, and whether that is for the better: the outcomes
 * framework's indicators and the health waiting lists both show it, each figure with its polarity.
 */

/** Whether a higher or a lower figure is better, or neither is (a count kept for context). */
export type Polarity = 'higher is better' | 'lower is better' | 'neither'

export type Direction = 'improving' | 'worsening' | 'no change' | 'changed'

export interface Travel {
  /** current − previous, to the nearest thousandth so that float noise never shows as a change. */
  delta: number
  /** What the movement means given the polarity; "changed" when the figure has no better direction. */
  direction: Direction
}

/**
 * The direction of travel from the previous figure: a fall in a lower-is-better figure is
 * improving, a rise worsening; equal figures are no change whatever the polarity. Null when either
 * figure is missing: no arrow is drawn from a figure nobody gave.
 */
export function directionOfTravel(current: number | null, previous: number | null, polarity: Polarity): Travel | null {
  if (current === null || previous === null) return null
  const delta = Math.round((current - previous) * 1000) / 1000
  if (delta === 0) return { delta, direction: 'no change' }
  if (polarity === 'neither') return { delta, direction: 'changed' }
  const better = delta > 0 === (polarity === 'higher is better')
  return { delta, direction: better ? 'improving' : 'worsening' }
}
