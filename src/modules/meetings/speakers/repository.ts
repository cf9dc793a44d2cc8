import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { SpeakerInput } from './schema.ts'

type Reader = Db | Trx

export const speakerColumns = [
  'id',
  'meetingId',
  'agendaItemId',
  'position',
  'kind',
  'speakerName',
  'speakerNamed',
  'onBehalfOf',
  'stance',
  'minutesSpoken',
  'summary',
  'version',
] as const

/** Queries for deputations and public speakers at meetings. No decisions here. */
export function createSpeakersRepository(db: Db) {
  return {
    /** The meeting's speakers, in the order they spoke. */
    speakersOf(meetingId: string, trx: Reader = db) {
      return trx
        .selectFrom('publicSpeakers')
        .select(speakerColumns)
        .where('meetingId', '=', meetingId)
        .orderBy('position')
        .execute()
    },

    findSpeakerAt(meetingId: string, position: number, trx: Reader = db) {
      return trx
        .selectFrom('publicSpeakers')
        .select(speakerColumns)
        .where('meetingId', '=', meetingId)
        .where('position', '=', position)
        .executeTakeFirst()
    },

    findSpeakerById(id: string, trx: Reader = db) {
      return trx.selectFrom('publicSpeakers').select(speakerColumns).where('id', '=', id).executeTakeFirst()
    },

    /** Adds the speaker after the meeting's last; the caller holds the meeting's row so positions do not clash. */
    async insertSpeaker(trx: Trx, meetingId: string, input: SpeakerInput) {
      const last = await trx
        .selectFrom('publicSpeakers')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirst()
      return trx
        .insertInto('publicSpeakers')
        .values({ ...input, meetingId, position: Number(last?.position ?? 0) + 1 })
        .returning(speakerColumns)
        .executeTakeFirstOrThrow()
    },

    /** Changes the speaker if it is still at `version`; undefined when it is not. */
    updateSpeaker(trx: Trx, id: string, version: number, input: SpeakerInput) {
      return trx
        .updateTable('publicSpeakers')
        .set({ ...input, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(speakerColumns)
        .executeTakeFirst()
    },

    /** What the meeting records of the public taking part: how many spoke and asked, and any item saying no one did. */
    async participationOf(trx: Reader, meetingId: string) {
      // One after the other: the caller's transaction is one connection.
      const speakers = await trx
        .selectFrom('publicSpeakers')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirstOrThrow()
      const questions = await trx
        .selectFrom('publicQuestions')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirstOrThrow()
      const noRequests = await trx
        .selectFrom('agendaItems')
        .select(['number', 'title'])
        .where('meetingId', '=', meetingId)
        .where('noRequestsToSpeak', '=', true)
        .orderBy('position')
        .executeTakeFirst()
      return {
        speakers: Number(speakers.count),
        questions: Number(questions.count),
        noRequestsItem: noRequests ?? null,
      }
    },
  }
}

export type SpeakersRepository = ReturnType<typeof createSpeakersRepository>
export type SpeakerRow = Awaited<ReturnType<SpeakersRepository['speakersOf']>>[number]
