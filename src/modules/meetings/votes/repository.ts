import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { VoteCast } from '../tables.ts'

type Reader = Db | Trx

/** What a vote saves: its subject is fixed when it is added, the rest is the form's. */
export interface VoteValues {
  description: string
  votesFor: number
  votesAgainst: number
  abstentions: number
  recorded: boolean
  castingVote: 'for' | 'against' | null
  named: { personId: string; vote: VoteCast }[]
}

/** A member's vote in a recorded vote. */
interface VoteRecord {
  voteId: string
  personId: string
  vote: VoteCast
}

export interface VoteSubjectIds {
  motionId: string | null
  amendmentId: string | null
  agendaItemId: string | null
}

const voteColumns = [
  'votes.id',
  'votes.meetingId',
  'votes.position',
  'votes.motionId',
  'votes.amendmentId',
  'votes.agendaItemId',
  'votes.description',
  'votes.votesFor',
  'votes.votesAgainst',
  'votes.abstentions',
  'votes.recorded',
  'votes.castingVote',
  'votes.version',
] as const

/** Votes with what they were on: the motion's or amendment's place, and the agenda item it falls under. */
function votesWithSubjects(trx: Reader) {
  return trx
    .selectFrom('votes')
    .leftJoin('motions as motion', 'motion.id', 'votes.motionId')
    .leftJoin('motionAmendments as amendment', 'amendment.id', 'votes.amendmentId')
    .leftJoin('motions as amended', 'amended.id', 'amendment.motionId')
    .select(voteColumns)
    .select((eb) => [
      eb.fn.coalesce('motion.position', 'amended.position').as('motionPosition'),
      'amendment.position as amendmentPosition',
      eb.fn
        .coalesce('votes.agendaItemId', 'motion.agendaItemId', 'amended.agendaItemId')
        .$castTo<string | null>()
        .as('itemId'),
    ])
}

/** Queries for votes at meetings and members' votes by name. No decisions here. */
export function createVotesRepository(db: Db) {
  const repository = {
    /** The meeting's votes in the order they were taken, each with its named votes (`records`), in one query. */
    votesOf(meetingId: string, trx: Reader = db) {
      return votesWithSubjects(trx)
        .select(
          sql<VoteRecord[]>`(select coalesce(json_agg(json_build_object(
            'voteId', vote_records.vote_id, 'personId', vote_records.person_id, 'vote', vote_records.vote
          )), '[]') from vote_records where vote_records.vote_id = votes.id)`.as('records'),
        )
        .where('votes.meetingId', '=', meetingId)
        .orderBy('votes.position')
        .execute()
    },

    findVoteAt(meetingId: string, position: number, trx: Reader = db) {
      return votesWithSubjects(trx)
        .where('votes.meetingId', '=', meetingId)
        .where('votes.position', '=', position)
        .executeTakeFirst()
    },

    findVoteById(id: string, trx: Reader = db) {
      return votesWithSubjects(trx).where('votes.id', '=', id).executeTakeFirst()
    },

    /** The vote already taken on a motion or an amendment (each has one at most). */
    findVoteOn(subject: { motionId: string } | { amendmentId: string }, trx: Reader = db) {
      const query = votesWithSubjects(trx)
      return 'motionId' in subject
        ? query.where('votes.motionId', '=', subject.motionId).executeTakeFirst()
        : query.where('votes.amendmentId', '=', subject.amendmentId).executeTakeFirst()
    },

    /** The named votes of these votes. */
    recordsOf(voteIds: string[], trx: Reader = db) {
      if (voteIds.length === 0) return Promise.resolve([])
      return trx
        .selectFrom('voteRecords')
        .select(['voteId', 'personId', 'vote'])
        .where('voteId', 'in', voteIds)
        .execute()
    },

    findMotionAt(meetingId: string, position: number, trx: Reader = db) {
      return trx
        .selectFrom('motions')
        .select(['id', 'position', 'agendaItemId'])
        .where('meetingId', '=', meetingId)
        .where('position', '=', position)
        .executeTakeFirst()
    },

    findAmendmentAt(motionId: string, position: number, trx: Reader = db) {
      return trx
        .selectFrom('motionAmendments')
        .select(['id', 'position'])
        .where('motionId', '=', motionId)
        .where('position', '=', position)
        .executeTakeFirst()
    },

    /** Adds the vote after the meeting's last; the caller holds the meeting's row so positions do not clash. */
    async insertVote(trx: Trx, meetingId: string, subject: VoteSubjectIds, values: VoteValues) {
      const last = await trx
        .selectFrom('votes')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirst()
      const { named, ...columns } = values
      const { id } = await trx
        .insertInto('votes')
        .values({ ...columns, ...subject, meetingId, position: Number(last?.position ?? 0) + 1 })
        .returning('id')
        .executeTakeFirstOrThrow()
      await insertRecords(trx, id, named)
      return (await repository.findVoteById(id, trx))!
    },

    /** Changes the vote and its named votes if it is still at `version`; undefined when it is not. */
    async updateVote(trx: Trx, id: string, version: number, values: VoteValues) {
      const { named, ...columns } = values
      const changed = await trx
        .updateTable('votes')
        .set({ ...columns, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst()
      if (!changed) return undefined
      await trx.deleteFrom('voteRecords').where('voteId', '=', id).execute()
      await insertRecords(trx, id, named)
      return repository.findVoteById(id, trx)
    },

    /** Someone's named votes, with the meeting, its minutes' status and what was voted on; latest meeting first. */
    votesOfPerson(personId: string) {
      return votesWithSubjects(db)
        .innerJoin('voteRecords', 'voteRecords.voteId', 'votes.id')
        .innerJoin('meetings', 'meetings.id', 'votes.meetingId')
        .innerJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .leftJoin('agendaItems as item', (join) =>
          join.on((eb) =>
            eb('item.id', '=', eb.fn.coalesce('votes.agendaItemId', 'motion.agendaItemId', 'amended.agendaItemId')),
          ),
        )
        .select([
          'item.number as itemNumber',
          'item.title as itemTitle',
          'item.exemptParagraph',
          'voteRecords.vote as personVote',
          'meetings.slug as meetingSlug',
          'meetings.date as meetingDate',
          'meetings.bodyId',
          'minutes.status as minutesStatus',
        ])
        .where('voteRecords.personId', '=', personId)
        .orderBy('meetings.date', 'desc')
        .orderBy('votes.position')
        .execute()
    },
  }
  return repository
}

async function insertRecords(trx: Trx, voteId: string, named: VoteValues['named']) {
  if (named.length === 0) return
  await trx
    .insertInto('voteRecords')
    .values(named.map((record) => ({ voteId, ...record })))
    .execute()
}

export type VotesRepository = ReturnType<typeof createVotesRepository>
export type VoteRow = NonNullable<Awaited<ReturnType<VotesRepository['findVoteById']>>>
export type MeetingVoteRow = Awaited<ReturnType<VotesRepository['votesOf']>>[number]
export type VoteRecordRow = Awaited<ReturnType<VotesRepository['recordsOf']>>[number]
export type PersonVoteRow = Awaited<ReturnType<VotesRepository['votesOfPerson']>>[number]
