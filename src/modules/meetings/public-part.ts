import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context, User } from '#src/platform/auth/user.ts'
import type { Db, Trx } from '#src/database.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { mayReadAgenda } from './agenda/visibility.ts'
import { createMeetingRecordChecks } from './meeting-records.ts'
import type { MeetingRow } from './repository.ts'
import type { MeetingsDeps } from './service.ts'
import { createParticipationRule } from './speakers/participation.ts'

/** Where one kind of the public's part in a meeting (questions, speakers) is kept, in positions per meeting. */
export interface PublicPartStore<Row, Input> {
  /** The meeting's, in order; what a request that changes nothing reads is kept for it (request-reads.ts). */
  listOf(ctx: Context, meetingId: string): Promise<Row[]>
  findAt(meetingId: string, position: number): Promise<Row | undefined>
  findById(id: string, trx: Db | Trx): Promise<Row | undefined>
  /** Adds after the meeting's last; the caller holds the meeting's row so positions do not clash. */
  insert(trx: Trx, meetingId: string, input: Input): Promise<Row>
  /** Changes it if still at `version`; undefined when it is not. */
  update(trx: Trx, id: string, version: number, input: Input): Promise<Row | undefined>
}

/**
 * Recording one kind of the public's part in a meeting: staff with `meetings:edit` add and change
 * it, each change audited in its transaction; everyone reads it with the agenda, as `view` shows it
 * to them. `noun` names it in messages and the audit: "question" gives "added public question".
 */
export function createPublicPart<
  Row extends { id: string; meetingId: string; version: number },
  Input extends { agendaItemId: string | null },
  View,
>(
  deps: MeetingsDeps,
  part: { noun: string; store: PublicPartStore<Row, Input>; view: (user: User | null, row: Row) => View },
) {
  const { db, repository: repo } = deps
  const { noun, store } = part
  const { meetingToEdit, itemOfMeeting } = createMeetingRecordChecks(repo)
  const participation = createParticipationRule(deps)
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1)

  return {
    /** The meeting one is being added to, with its agenda items to choose from. Throws NotFoundError. */
    toAdd: async (ctx: Context, slug: string) => {
      const meeting = await meetingToEdit(ctx, slug)
      return { meeting, items: await repo.itemsOfMeeting(meeting.id) }
    },

    /** The one at `position`, for its form, with its meeting and agenda items. Throws NotFoundError. */
    toEdit: async (ctx: Context, slug: string, position: number) => {
      const meeting = await meetingToEdit(ctx, slug)
      const record = await store.findAt(meeting.id, position)
      if (!record) throw new NotFoundError(Noun)
      return { meeting, record, items: await repo.itemsOfMeeting(meeting.id) }
    },

    /** Adds one after the meeting's last; refused while an item records that no one asked to speak. */
    add: async (ctx: Context, meetingId: string, input: Input) => {
      assertCan(ctx.user, 'meetings:edit')
      return withTransaction(db, async (trx) => {
        await repo.lockAgenda(trx, meetingId)
        await participation.assertParticipantMayBeRecorded(trx, meetingId)
        await itemOfMeeting(trx, meetingId, input.agendaItemId)
        const record = await store.insert(trx, meetingId, input)
        await recordAudit(trx, ctx, {
          action: `added public ${noun}`,
          subjectType: 'meeting',
          subjectId: meetingId,
          after: record,
        })
        return record
      })
    },

    /** Changes one; refused (EditConflictError) unless still at `version`, the one its form was opened at. */
    update: async (ctx: Context, record: Row, version: number | null, input: Input) => {
      assertCan(ctx.user, 'meetings:edit')
      return withTransaction(db, async (trx) => {
        await itemOfMeeting(trx, record.meetingId, input.agendaItemId)
        const saved = await writeAtVersion(
          trx,
          { what: `This ${noun}`, subjectType: 'meeting', subjectId: record.meetingId, expected: version },
          (at) => store.update(trx, record.id, at, input),
          () => store.findById(record.id, trx),
        )
        await recordAudit(trx, ctx, {
          action: `changed public ${noun}`,
          subjectType: 'meeting',
          subjectId: record.meetingId,
          before: record,
          after: saved,
        })
        return saved
      })
    },

    /** The meeting's, as recorded; the caller decides who may read them and whether people are named. */
    of: async (ctx: Context, meetingId: string) => {
      return store.listOf(ctx, meetingId)
    },

    /** The meeting's, as this viewer may see them: none until its agenda is readable to them. */
    for: async (ctx: Context, meeting: MeetingRow | { id: string; agendaPublishedOn: string | null }) => {
      if (!mayReadAgenda(ctx.user, meeting)) return []
      return (await store.listOf(ctx, meeting.id)).map((row) => part.view(ctx.user, row))
    },
  }
}
