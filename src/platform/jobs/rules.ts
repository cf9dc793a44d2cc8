/** How many times a job is tried before it is marked failed for an admin to see. */
export const MAX_ATTEMPTS = 6

/** The first wait after a failure; each later one is four times the one before. */
const FIRST_WAIT_MS = 60_000

/** The longest wait between two attempts: a day. */
const LONGEST_WAIT_MS = 24 * 60 * 60 * 1000

/**
 * How long to wait after the `attempts`-th failed attempt before the next: 1 minute, 4, 16, 64, 256
 * (about 4 hours), then a day at most. Null when the job has had its last attempt.
 */
export function retryDelayMs(attempts: number, maxAttempts = MAX_ATTEMPTS): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts must be a whole number from 1')
  if (attempts >= maxAttempts) return null
  return Math.min(FIRST_WAIT_MS * 4 ** (attempts - 1), LONGEST_WAIT_MS)
}

/** How long a running job is held before another process may take it over: longer than any attempt takes. */
export const LOCK_MS = 2 * 60 * 1000
