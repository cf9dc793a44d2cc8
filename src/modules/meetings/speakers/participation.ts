import type { Trx } from '#src/database.ts'
import { RuleError } from '#src/platform/http/errors.ts'
import type { MeetingsDeps } from '../service.ts'
import { noRequestsRefusal, participantRefusal } from './no-requests.ts'
import { createSpeakersRepository } from './repository.ts'

/**
 * The rule between "no one asked to speak" and the speakers and questions of a meeting, for the
 * services that record either. The caller holds the meeting's row (lockAgenda) so that two saves at
 * once cannot each miss the other.
 */
export function createParticipationRule(deps: Pick<MeetingsDeps, 'db'>) {
  const speakers = createSpeakersRepository(deps.db)
  return {
    /** Throws RuleError on `field` when the meeting already records speakers or questions. */
    async assertNoRequestsMayBeRecorded(trx: Trx, meetingId: string, field: string) {
      const refusal = noRequestsRefusal(await speakers.participationOf(trx, meetingId))
      if (refusal) throw new RuleError(refusal, field)
    },
    /** Throws RuleError on the form when an item of the meeting records that no one asked to speak. */
    async assertParticipantMayBeRecorded(trx: Trx, meetingId: string) {
      const refusal = participantRefusal(await speakers.participationOf(trx, meetingId))
      if (refusal) throw new RuleError(refusal, 'form')
    },
  }
}
