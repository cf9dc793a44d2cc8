import { z } from 'zod'
import { apiId } from '#src/platform/http/api-schemas.ts'
import { AMENDMENT_OUTCOMES, MOTION_OUTCOMES } from './schema.ts'
import { voteApi, voteApiSchema } from '../votes/api.ts'
import type { Voted } from '../votes/attach.ts'
import type { MotionView } from './service.ts'

const personReference = z
  .strictObject({ id: apiId, name: z.string().describe('As the minutes print it: "Councillor Flanagan"') })
  .nullable()

/** An amendment to a motion in the open data of its meeting. */
const amendmentApiSchema = z.strictObject({
  position: z.int().min(1).describe('The order it was moved in, from 1 for each motion'),
  mover: personReference,
  seconder: personReference,
  text: z.string(),
  outcome: z.enum(AMENDMENT_OUTCOMES).nullable().describe('Null until decided; accepted: accepted by the mover'),
  vote: voteApiSchema.nullable().describe('The vote taken on it; null when none was recorded'),
})

/** A motion in the open data of its meeting; '' in the record is null here. */
export const motionApiSchema = z.strictObject({
  position: z.int().min(1).describe('The order it was moved in, from 1'),
  agendaItemId: apiId.nullable().describe('The agenda item it was moved under; null when it belongs to the meeting'),
  mover: personReference,
  seconder: personReference,
  text: z.string().describe('The motion as moved'),
  substantiveText: z.string().nullable().describe('The motion as amended; null when no amendment changed it'),
  outcome: z.enum(MOTION_OUTCOMES).nullable().describe('Null until decided'),
  amendments: z.array(amendmentApiSchema).describe('In the order they were moved'),
  vote: voteApiSchema.nullable().describe('The vote taken on the motion (as amended); null when none was recorded'),
})

const person = (named: { id: string; name: string } | null) => (named ? { id: named.id, name: named.name } : null)

/** The motion as open data. */
export function motionApi(
  motion: Voted<Omit<MotionView, 'amendments'>> & { amendments: Voted<MotionView['amendments'][number]>[] },
): z.output<typeof motionApiSchema> {
  return {
    position: motion.position,
    agendaItemId: motion.agendaItemId,
    mover: person(motion.mover),
    seconder: person(motion.seconder),
    text: motion.text,
    substantiveText: motion.substantiveText || null,
    outcome: motion.outcome,
    amendments: motion.amendments.map((amendment) => ({
      position: amendment.position,
      mover: person(amendment.mover),
      seconder: person(amendment.seconder),
      text: amendment.text,
      outcome: amendment.outcome,
      vote: amendment.vote ? voteApi(amendment.vote) : null,
    })),
    vote: motion.vote ? voteApi(motion.vote) : null,
  }
}
