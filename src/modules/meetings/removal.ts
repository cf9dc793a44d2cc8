import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { RuleError } from '#src/platform/http/errors.ts'
import { createMeetingRecordChecks } from './meeting-records.ts'
import type { MeetingsRepository } from './repository.ts'

/** What can be recorded against a meeting, counted; each stops it being deleted. */
const RECORDS = {
  items: ['agenda item', 'agenda items'],
  minutes: ['set of minutes with something recorded', 'sets of minutes with something recorded'],
  approvals: ['approval of another meeting’s minutes', 'approvals of other meetings’ minutes'],
  supplements: ['supplementary agenda', 'supplementary agendas'],
  questions: ['public question', 'public questions'],
  speakers: ['public speaker', 'public speakers'],
  motions: ['motion', 'motions'],
  votes: ['vote', 'votes'],
  venueChanges: ['change of venue', 'changes of venue'],
  recommendations: ['recommendation made at it', 'recommendations made at it'],
  workProgramme: ['work programme item planned for it', 'work programme items planned for it'],
  considerations: ['improvement plan consideration', 'improvement plan considerations'],
  callIns: ['call-in heard at it', 'call-ins heard at it'],
} as const

type RecordCounts = Record<keyof typeof RECORDS, number>

/**
 * Deleting a meeting added by mistake. Only a meeting with nothing recorded against it may go: one
 * whose agenda is published is the public's record, and is cancelled instead (its status), so that the
 * public are told. Deleting is audited, and checked again inside the transaction that deletes.
 */
export function createMeetingRemoval(deps: { db: Db; repository: MeetingsRepository }) {
  const { db, repository } = deps
  const { meetingToEdit } = createMeetingRecordChecks(repository)

  /** The counts in one query, so the check and the delete read the same moment. */
  async function recordsAgainst(reader: Db | Trx, meetingId: string): Promise<RecordCounts> {
    const count = (table: string, column = 'meeting_id') =>
      sql<number>`(select count(*) from ${sql.table(table)} where ${sql.ref(column)} = ${meetingId})::int`
    const { rows } = await sql<RecordCounts>`select
        ${count('agenda_items')} as items,
        (select count(*) from minutes mn where mn.meeting_id = ${meetingId} and (mn.status <> 'draft'
          or exists (select 1 from attendance a where a.meeting_id = mn.meeting_id)
          or exists (select 1 from declarations d where d.meeting_id = mn.meeting_id)))::int as minutes,
        ${count('minutes', 'approved_at_meeting_id')} as approvals,
        ${count('agenda_supplements')} as supplements,
        ${count('public_questions')} as questions,
        ${count('public_speakers')} as speakers,
        ${count('motions')} as motions,
        ${count('votes')} as votes,
        ${count('meeting_venue_changes')} as venue_changes,
        ${count('recommendations')} as recommendations,
        ${count('work_programme_items')} as work_programme,
        ${count('plan_considerations')} as considerations,
        ${count('call_ins')} as call_ins`.execute(reader)
    return rows[0]
  }

  function reasons(meeting: { agendaPublishedOn: string | null }, counts: RecordCounts): string[] {
    const recorded = (Object.keys(RECORDS) as (keyof typeof RECORDS)[])
      .filter((key) => counts[key] > 0)
      .map((key) => `${counts[key]} ${RECORDS[key][counts[key] === 1 ? 0 : 1]}`)
    return meeting.agendaPublishedOn ? ['its agenda is published', ...recorded] : recorded
  }

  return {
    /** The meeting and why it cannot be deleted (empty when it can). Throws NotFoundError. */
    async meetingToDelete(ctx: Context, slug: string) {
      const meeting = await meetingToEdit(ctx, slug)
      return { meeting, blockers: reasons(meeting, await recordsAgainst(db, meeting.id)) }
    },

    /** Deletes the meeting, refused (RuleError) when anything is recorded against it. */
    async deleteMeeting(ctx: Context, slug: string) {
      assertCan(ctx.user, 'meetings:edit')
      const meeting = await meetingToEdit(ctx, slug)
      await withTransaction(db, async (trx) => {
        // Locked first: a record being added against it (which holds a key-share lock) commits before
        // the count, and none can be added after it.
        await trx.selectFrom('meetings').select('id').where('id', '=', meeting.id).forUpdate().execute()
        const locked = await repository.findMeetingById(meeting.id, trx)
        const blockers = locked ? reasons(locked, await recordsAgainst(trx, meeting.id)) : []
        if (!locked || blockers.length > 0)
          throw new RuleError('This meeting cannot be deleted: something has been recorded against it', 'meeting')
        await trx.deleteFrom('meetings').where('id', '=', meeting.id).execute()
        await recordAudit(trx, ctx, {
          action: 'deleted meeting',
          subjectType: 'meeting',
          subjectId: meeting.id,
          before: meeting,
        })
      })
      return meeting
    },
  }
}
