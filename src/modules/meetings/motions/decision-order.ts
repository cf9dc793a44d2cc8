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

/**
 * Why an amendment cannot have this outcome, or null when it can, given the motion it amends and its
 * amendments once this one is saved: it cannot be left undecided once the motion is decided, nor stop
 * being the carried or accepted amendment that the motion's substantive motion rests on.
 */
export function amendmentOutcomeRefusal(
  motion: { outcome: MotionOutcome | null; substantiveText: string },
  outcome: AmendmentOutcome | null,
  amendmentsAfter: Amendment[],
): string | null {
  if (motion.outcome !== null && outcome === null)
    return 'Record the outcome of the amendment: the motion it amends has been decided'
  return substantiveMotionRefusal(motion.substantiveText, amendmentsAfter)
    ? 'The motion has a substantive motion, so an amendment to it must be carried or accepted: change the motion first'
    : null
}
