import type { AmendmentOutcome, MotionOutcome } from '../tables.ts'

interface Amendment {
  position: number
  outcome: AmendmentOutcome | null
}

/**
 * Why a motion cannot yet have this outcome, or null when it can: amendments are put before the
 * motion, so a motion is decided only once every amendment to it is.
 */
export function motionOutcomeRefusal(outcome: MotionOutcome | null, amendments: Amendment[]): string | null {
  if (outcome === null) return null
  const undecided = amendments.find((amendment) => amendment.outcome === null)
  return undecided ? `Record the outcome of amendment ${undecided.position} first` : null
}

/**
 * Why a motion cannot have this substantive motion, or null when it can: the motion becomes a
 * substantive motion only when an amendment to it was carried or accepted by the mover.
 */
export function substantiveMotionRefusal(substantiveText: string, amendments: Amendment[]): string | null {
  if (substantiveText === '') return null
  const changed = amendments.some((amendment) => amendment.outcome === 'carried' || amendment.outcome === 'accepted')
  return changed ? null : 'Leave the substantive motion blank unless an amendment was carried or accepted'
}

/** Why an amendment cannot be left undecided, or null: the motion it amends has already been decided. */
export function amendmentOutcomeRefusal(motionOutcome: MotionOutcome | null, outcome: AmendmentOutcome | null) {
  return motionOutcome !== null && outcome === null
    ? 'Record the outcome of the amendment: the motion it amends has been decided'
    : null
}
