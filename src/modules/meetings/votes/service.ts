import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { mayReadExempt } from '#src/platform/exemption/readers.ts'
import { isWithheld } from '#src/platform/exemption/redaction.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { MeetingRow } from '../repository.ts'
import type { MeetingsDeps } from '../service.ts'
import type { MeetingVoteRow, VoteRow, VoteValues, VoteSubjectIds } from './repository.ts'
import { createVotesRepository } from './repository.ts'
import { checkVote, voteOutcome, votingRightsOn, whoMayVote } from './tally.ts'
import { type VoteView, subjectLabel, voteSubject, voteView } from './view.ts'

/** What a new vote is on, as its address gives it: `?motion=2`, `?amendment=2-1` or `?item=4` (the item's place). */
export interface VoteSubjectQuery {
  motion?: number
  amendment?: [number, number]
  item?: number
}

/** A meeting's votes keyed by what they were on, for the pages that show them there. */
export interface VotesOfMeeting {
  all: VoteView[]
  byMotion: Record<string, VoteView>
  byAmendment: Record<string, VoteView>
  byItem: Record<string, VoteView[]>
}

/** Votes at meetings: on a motion, an amendment or an item's recommendation, checked against the attendance. */
export function createVotesService(deps: MeetingsDeps) {
  const { db, repository: repo, bodies, minutes } = deps
  const votes = createVotesRepository(db)
  const { agendaItemsOf } = deps.reads

  async function meetingToEdit(ctx: Context, slug: string) {
    assertCan(ctx.user, 'meetings:edit')
    const meeting = await repo.findMeetingBySlug(slug)
    if (!meeting) throw new NotFoundError('Meeting')
    return meeting
  }

  /** Who attended the meeting, each with whether they may vote (whoMayVote). */
  async function votersAt(ctx: Context, meeting: MeetingRow) {
    const [attendance, body] = await Promise.all([
      minutes().namedAttendance(ctx, meeting.id),
      bodies.getBody(ctx, meeting.bodySlug),
    ])
    const rights = votingRightsOn([...body.currentMembers, ...body.pastMembers], meeting.date)
    return whoMayVote(attendance, rights)
  }

  /** The vote's subject from its address; NotFoundError when the meeting has no such motion, amendment or item. */
  async function subjectOf(meeting: MeetingRow, query: VoteSubjectQuery) {
    const given = [query.motion, query.amendment, query.item].filter((part) => part !== undefined)
    if (given.length !== 1 || given.flat().some(Number.isNaN)) throw new NotFoundError('Vote')
    if (query.item !== undefined) {
      const item = await repo.findItemAt(meeting.id, query.item)
      if (!item) throw new NotFoundError('Agenda item')
      const ids: VoteSubjectIds = { motionId: null, amendmentId: null, agendaItemId: item.id }
      return {
        type: 'recommendation' as const,
        ids,
        label: `A recommendation under item ${item.number || item.position}`,
      }
    }
    const [motionAt, amendmentAt] = query.amendment ?? [query.motion!, undefined]
    const motion = await votes.findMotionAt(meeting.id, motionAt)
    if (!motion) throw new NotFoundError('Motion')
    if (amendmentAt === undefined) {
      const ids: VoteSubjectIds = { motionId: motion.id, amendmentId: null, agendaItemId: null }
      return { type: 'motion' as const, ids, label: subjectLabel({ type: 'motion', motion: motionAt }) }
    }
    const amendment = await votes.findAmendmentAt(motion.id, amendmentAt)
    if (!amendment) throw new NotFoundError('Amendment')
    const ids: VoteSubjectIds = { motionId: null, amendmentId: amendment.id, agendaItemId: null }
    const label = subjectLabel({ type: 'amendment', motion: motionAt, amendment: amendmentAt })
    return { type: 'amendment' as const, ids, label }
  }

  /** The rules again, as the form may be posted by anything: the first thing wrong is refused next to its field. */
  function assertTallies(input: VoteValues, voters: Awaited<ReturnType<typeof votersAt>>) {
    const [issue] = checkVote(input, voters)
    if (issue) throw new RuleError(issue.message, issue.field)
  }

  /** The views of a meeting's votes, as votesOf reads them (with their named votes). */
  async function viewsOf(ctx: Context, meetingId: string, rows: MeetingVoteRow[]) {
    const records = rows.flatMap((row) => row.records)
    const attendance = await minutes().namedAttendance(ctx, meetingId)
    const missing = records.filter((record) => !attendance.some((row) => row.personId === record.personId))
    const people = await bodies.getPeopleByIds(ctx, [...new Set(missing.map((record) => record.personId))])
    const nameOf = (personId: string) =>
      attendance.find((row) => row.personId === personId)?.name ??
      people.find((person) => person.id === personId)?.name ??
      'Unnamed'
    const chair = attendance.find((row) => row.chaired)?.name ?? null
    return rows.map(({ records: _named, ...row }) => voteView(row, records, nameOf, chair))
  }

  return {
    /** The meeting a vote is being added to, what it is on, and who attended. Throws NotFoundError. */
    async voteToAdd(ctx: Context, slug: string, query: VoteSubjectQuery) {
      const meeting = await meetingToEdit(ctx, slug)
      const subject = await subjectOf(meeting, query)
      return { meeting, subject, voters: await votersAt(ctx, meeting) }
    },

    /** The vote at `position`, for its form, with its meeting and who attended. Throws NotFoundError. */
    async voteToEdit(ctx: Context, slug: string, position: number) {
      const meeting = await meetingToEdit(ctx, slug)
      const vote = await votes.findVoteAt(meeting.id, position)
      if (!vote) throw new NotFoundError('Vote')
      const subject = voteSubject(vote)
      const [records, voters] = await Promise.all([votes.recordsOf([vote.id]), votersAt(ctx, meeting)])
      return { meeting, vote, records, voters, subject: { type: subject.type, label: subjectLabel(subject) } }
    },

    /** Records a vote; a motion or an amendment has one vote at most. */
    async addVote(ctx: Context, meeting: MeetingRow, subject: VoteSubjectIds, input: VoteValues) {
      assertCan(ctx.user, 'meetings:edit')
      const voters = await votersAt(ctx, meeting)
      return withTransaction(db, async (trx) => {
        await repo.lockAgenda(trx, meeting.id)
        assertTallies(input, voters)
        const { motionId, amendmentId } = subject
        const taken = motionId
          ? await votes.findVoteOn({ motionId }, trx)
          : amendmentId
            ? await votes.findVoteOn({ amendmentId }, trx)
            : undefined
        if (taken) {
          throw new RuleError('The vote on this has already been recorded: change that vote instead', 'votesFor')
        }
        const vote = await votes.insertVote(trx, meeting.id, subject, input)
        await recordAudit(trx, ctx, {
          action: 'recorded vote',
          subjectType: 'meeting',
          subjectId: meeting.id,
          after: { ...vote, named: input.named },
        })
        return vote
      })
    },

    /** Changes a vote; refused (EditConflictError) unless still at `version`, the one its form was opened at. */
    async updateVote(ctx: Context, meeting: MeetingRow, vote: VoteRow, version: number | null, input: VoteValues) {
      assertCan(ctx.user, 'meetings:edit')
      const voters = await votersAt(ctx, meeting)
      return withTransaction(db, async (trx) => {
        assertTallies(input, voters)
        const before = { ...vote, named: await votes.recordsOf([vote.id], trx) }
        const saved = await writeAtVersion(
          trx,
          { what: 'This vote', subjectType: 'meeting', subjectId: meeting.id, expected: version },
          (at) => votes.updateVote(trx, vote.id, at, input),
          () => votes.findVoteById(vote.id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed vote',
          subjectType: 'meeting',
          subjectId: meeting.id,
          before,
          after: { ...saved, named: input.named },
        })
        return saved
      })
    },

    /** Every vote of the meeting as recorded, with names; the caller decides who may read them. */
    async votesOf(ctx: Context, meetingId: string) {
      return viewsOf(ctx, meetingId, await votes.votesOf(meetingId))
    },

    /**
     * The votes of a meeting as this viewer may read them, keyed by motion, amendment and agenda item
     * ids: none until its minutes are readable to them, none under an exempt item they may not read.
     */
    async votesOfMeeting(ctx: Context, meeting: MeetingRow): Promise<VotesOfMeeting> {
      const none: VotesOfMeeting = { all: [], byMotion: {}, byAmendment: {}, byItem: {} }
      if (!(await minutes().minutesSummary(ctx, meeting))) return none
      const [rows, items, readable] = await Promise.all([
        votes.votesOf(meeting.id),
        agendaItemsOf(ctx, meeting.id),
        bodies.exemptReadableBodyIds(ctx),
      ])
      const mayRead = mayReadExempt(readable, meeting.bodyId)
      const withheld = new Set(items.filter((item) => isWithheld([item], mayRead)).map((item) => item.id))
      const all = await viewsOf(
        ctx,
        meeting.id,
        rows.filter((row) => row.itemId === null || !withheld.has(row.itemId)),
      )
      const keyed = (key: 'motionId' | 'amendmentId') =>
        Object.fromEntries(all.flatMap((vote) => (vote[key] ? [[vote[key], vote]] : [])))
      const byItem: Record<string, VoteView[]> = {}
      for (const vote of all) if (vote.agendaItemId) (byItem[vote.agendaItemId] ??= []).push(vote)
      return { all, byMotion: keyed('motionId'), byAmendment: keyed('amendmentId'), byItem }
    },

    /** Someone's votes by name, with each meeting's minutes status; the caller decides who may read them. */
    async recordedVotesOf(_ctx: Context, personId: string) {
      return (await votes.votesOfPerson(personId)).map((row) => {
        const subject = voteSubject(row)
        return { ...row, subject, label: subjectLabel(subject), outcome: voteOutcome(row) }
      })
    },
  }
}
