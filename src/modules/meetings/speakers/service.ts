import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context, User } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { mayReadAgenda } from '../agenda/visibility.ts'
import { createMeetingRecordChecks } from '../meeting-records.ts'
import { nameShown } from '../member-of-the-public.ts'
import type { MeetingRow } from '../repository.ts'
import type { MeetingsDeps } from '../service.ts'
import { createParticipationRule } from './participation.ts'
import { type SpeakerRow, createSpeakersRepository } from './repository.ts'
import type { SpeakerInput } from './schema.ts'

/** A speaker as this viewer may see them: named as the askers of questions are (nameShown). */
export function speakerView(user: User | null, speaker: SpeakerRow) {
  return { ...speaker, speaker: nameShown(user, { name: speaker.speakerName, named: speaker.speakerNamed }) }
}

export type SpeakerView = ReturnType<typeof speakerView>

/** Deputations and members of the public who spoke at meetings: staff record them; all read them with the agenda. */
export function createSpeakersService(deps: MeetingsDeps) {
  const { db, repository: repo } = deps
  const { meetingToEdit, itemOfMeeting } = createMeetingRecordChecks(repo)
  const speakers = createSpeakersRepository(db)
  const participation = createParticipationRule(deps)

  return {
    /** The meeting a speaker is being added to, with its agenda items to choose from. Throws NotFoundError. */
    async speakerToAdd(ctx: Context, slug: string) {
      const meeting = await meetingToEdit(ctx, slug)
      return { meeting, items: await repo.itemsOfMeeting(meeting.id) }
    },

    /** The speaker at `position`, for its form, with its meeting and agenda items. Throws NotFoundError. */
    async speakerToEdit(ctx: Context, slug: string, position: number) {
      const meeting = await meetingToEdit(ctx, slug)
      const speaker = await speakers.findSpeakerAt(meeting.id, position)
      if (!speaker) throw new NotFoundError('Speaker')
      return { meeting, speaker, items: await repo.itemsOfMeeting(meeting.id) }
    },

    /** Adds a speaker after the meeting's last; refused while an item records that no one asked to speak. */
    async addSpeaker(ctx: Context, meetingId: string, input: SpeakerInput) {
      assertCan(ctx.user, 'meetings:edit')
      return withTransaction(db, async (trx) => {
        await repo.lockAgenda(trx, meetingId)
        await participation.assertParticipantMayBeRecorded(trx, meetingId)
        await itemOfMeeting(trx, meetingId, input.agendaItemId)
        const speaker = await speakers.insertSpeaker(trx, meetingId, input)
        await recordAudit(trx, ctx, {
          action: 'added public speaker',
          subjectType: 'meeting',
          subjectId: meetingId,
          after: speaker,
        })
        return speaker
      })
    },

    /** Changes a speaker; refused (EditConflictError) unless still at `version`, the one its form was opened at. */
    async updateSpeaker(ctx: Context, speaker: SpeakerRow, version: number | null, input: SpeakerInput) {
      assertCan(ctx.user, 'meetings:edit')
      return withTransaction(db, async (trx) => {
        await itemOfMeeting(trx, speaker.meetingId, input.agendaItemId)
        const saved = await writeAtVersion(
          trx,
          { what: 'This speaker', subjectType: 'meeting', subjectId: speaker.meetingId, expected: version },
          (at) => speakers.updateSpeaker(trx, speaker.id, at, input),
          () => speakers.findSpeakerById(speaker.id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed public speaker',
          subjectType: 'meeting',
          subjectId: speaker.meetingId,
          before: speaker,
          after: saved,
        })
        return saved
      })
    },

    /** The meeting's speakers as recorded; the caller decides who may read them and whether they are named. */
    async speakersOf(_ctx: Context, meetingId: string) {
      return speakers.speakersOf(meetingId)
    },

    /** The meeting's speakers as this viewer may see them: none until its agenda is readable to them. */
    async speakersFor(ctx: Context, meeting: MeetingRow | { id: string; agendaPublishedOn: string | null }) {
      if (!mayReadAgenda(ctx.user, meeting)) return []
      return (await speakers.speakersOf(meeting.id)).map((speaker) => speakerView(ctx.user, speaker))
    },
  }
}
