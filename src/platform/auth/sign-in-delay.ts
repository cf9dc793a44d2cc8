/**
 * How long sign-in attempts must wait after failures (ADR 4): a few failures are free, then each
 * one doubles the wait up to a cap, and failures are forgotten after a quiet spell. Throttling,
 * not lockout (NCSC): the wait is per source, so nobody elsewhere can keep an account out.
 */
export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  freeFailures: number
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  firstDelayMs: number
  maxDelayMs: number
  /** Failures are forgotten once the last one is this old. */
  forgetAfterMs: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** One account from one source address: a user who mistypes a few times, or a guesser. */
export const ACCOUNT_FROM_SOURCE: ThrottlePolicy = {
  freeFailures: 5,
  firstDelayMs: 30 * SECOND,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 24 * HOUR,
}

/**
 * One source address across all accounts: catches one guess at many accounts. Generous, because
 * a council's staff may share one address; a success there takes a failure off (sign-in-throttle.ts).
 */
export const SOURCE: ThrottlePolicy = {
  freeFailures: 30,
  firstDelayMs: 30 * SECOND,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 1 * HOUR,
}

export interface ThrottleState {
  failures: number
  lastFailureAt: Date
}

/** The failures that still count at `now`: none once the last is older than the policy forgets. */
export function recentFailures(state: ThrottleState, policy: ThrottlePolicy, now: Date): number {
  return now.getTime() - state.lastFailureAt.getTime() >= policy.forgetAfterMs ? 0 : state.failures
}

/** The wait after the last failure, given the failures so far. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failures - policy.freeFailures))
}

/**
 * How long from `now` until the next attempt may be tried; 0 when it may be tried at once, and
 * never longer than the delay itself: requests at the same moment take their turn at the lock in
 * any order, so the last failure may carry an instant a little after this attempt's `now`.
 */
export function waitBeforeAttempt(state: ThrottleState, policy: ThrottlePolicy, now: Date): number {
  const delay = delayAfter(recentFailures(state, policy, now), policy)
  return Math.min(delay, Math.max(0, state.lastFailureAt.getTime() + delay - now.getTime()))
}

/** "Wait 45 seconds before trying again", "Wait 2 minutes before trying again": rounded up. */
export function waitMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / SECOND))
  if (seconds < 60) return `Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before trying again`
  const minutes = Math.ceil(seconds / 60)
  return `Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} before trying again`
}
