import type { User } from '#src/platform/auth/user.ts'
import { nameShown } from '../member-of-the-public.ts'
import { createPublicPart } from '../public-part.ts'
import type { MeetingsDeps } from '../service.ts'
import type { SpeakerInput } from './schema.ts'
import { type SpeakerRow, createSpeakersRepository } from './repository.ts'

/** A speaker as this viewer may see them: named as the askers of questions are (nameShown). */
export function speakerView(user: User | null, speaker: SpeakerRow) {
  return { ...speaker, speaker: nameShown(user, { name: speaker.speakerName, named: speaker.speakerNamed }) }
}

export type SpeakerView = ReturnType<typeof speakerView>

/** Deputations and members of the public who spoke at meetings: staff record them; all read them with the agenda. */
export function createSpeakersService(deps: MeetingsDeps) {
  const speakers = createSpeakersRepository(deps.db)
  const publicParts = deps.reads.publicPartsOf
  const part = createPublicPart(deps, {
    noun: 'speaker',
    view: speakerView,
    store: {
      listOf: async (ctx, meetingId) => (await publicParts(ctx, meetingId)).speakers,
      findAt: (meetingId, position) => speakers.findSpeakerAt(meetingId, position),
      findById: (id, trx) => speakers.findSpeakerById(id, trx),
      insert: (trx, meetingId, input: SpeakerInput) => speakers.insertSpeaker(trx, meetingId, input),
      update: (trx, id, version, input: SpeakerInput) => speakers.updateSpeaker(trx, id, version, input),
    },
  })

  return {
    speakerToAdd: part.toAdd,
    /** The speaker at `position`, for its form, with its meeting and agenda items. Throws NotFoundError. */
    async speakerToEdit(...args: Parameters<typeof part.toEdit>) {
      const { record, ...rest } = await part.toEdit(...args)
      return { ...rest, speaker: record }
    },
    addSpeaker: part.add,
    updateSpeaker: part.update,
    speakersOf: part.of,
    speakersFor: part.for,
  }
}
