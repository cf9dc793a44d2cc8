import type { CallInRow } from './repository.ts'
import { CALL_IN_OUTCOME_LABELS } from './schema.ts'

/** Where a call-in's form is (with `/edit`); the call-in itself is shown on the decision's page. */
export const callInPath = (decisionSlug: string, number: number) => `/decisions/${decisionSlug}/call-ins/${number}`

/** A call-in as pages and the API show it: the meeting that considered it, each outcome in words. */
export function presentCallIn(callIn: CallInRow, decisionSlug: string) {
  return {
    ...callIn,
    url: `/decisions/${decisionSlug}#call-in-${callIn.number}`,
    editUrl: `${callInPath(decisionSlug, callIn.number)}/edit`,
    meeting: callIn.meetingSlug
      ? { date: callIn.meetingDate!, bodyName: callIn.bodyName!, url: `/meetings/${callIn.meetingSlug}` }
      : null,
    outcomes: callIn.outcomes.map((o) => ({ ...o, label: CALL_IN_OUTCOME_LABELS[o.outcome] })),
  }
}
