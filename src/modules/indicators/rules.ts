import type { IndicatorPolarity } from './tables.ts'

/**
 * The derived figures of the outcomes framework, each worked out from stored figures only:
 * RAG against target and rates per 10,000 children. The direction of travel is the platform's
 * (platform/rules/direction-of-travel.ts), shared with the waiting lists.
 */

export type Rag = 'green' | 'amber' | 'red'

/** The tolerance an indicator has unless it says otherwise: 5% of the target, either way. */
export const DEFAULT_TOLERANCE = 0.05

/**
 * Red, amber or green against the target. Green: the target is met. Amber: missed, but by no more
 * than the tolerance (relative to the target: 5% of 400 is 20). Red: missed by more. None when
 * there is no actual or no target, or the indicator has no better direction.
 */
export function ragAgainstTarget(
  actual: number | null,
  target: number | null,
  polarity: IndicatorPolarity,
  tolerance = DEFAULT_TOLERANCE,
): Rag | null {
  if (actual === null || target === null || polarity === 'neither') return null
  const slack = Math.abs(target) * tolerance
  // Rounded to the nearest millionth, so 0.1 + 0.2 style noise never tips a boundary.
  const shortfall = Math.round((polarity === 'higher is better' ? target - actual : actual - target) * 1e6) / 1e6
  if (shortfall <= 0) return 'green'
  return shortfall <= Math.round(slack * 1e6) / 1e6 ? 'amber' : 'red'
}

/** A count as a rate per 10,000 children aged 0–17, to one decimal place. */
export function ratePer10000(count: number, population: number): number {
  if (!(population > 0)) throw new RangeError('The population must be more than zero')
  if (count < 0) throw new RangeError('The count cannot be negative')
  // Multiplied before dividing, so that a half is exactly a half (3 in 40,000 is 0.75, so 0.8).
  return Math.round((count * 10000 * 10) / population) / 10
}

/** How many reporting periods after the baselines the framework page shows in its columns. */
export const FRAMEWORK_PERIODS_SHOWN = 6

/**
 * The periods the framework page shows, in order: every baseline and the latest
 * FRAMEWORK_PERIODS_SHOWN others. Ten years of figures stay readable (and quick to send); each
 * indicator's own page shows every period, a page of them at a time (period-pages.ts).
 */
export function periodsShown<P extends { isBaseline: boolean }>(periods: P[]): P[] {
  const others = periods.filter((period) => !period.isBaseline)
  const latest = new Set(others.slice(-FRAMEWORK_PERIODS_SHOWN))
  return periods.filter((period) => period.isBaseline || latest.has(period))
}
