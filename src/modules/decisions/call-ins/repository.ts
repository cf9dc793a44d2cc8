import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { CallInForm } from './schema.ts'

type Reader = Db | Trx

const callInColumns = [
  'callIns.id',
  'callIns.decisionId',
  'callIns.number',
  'callIns.requestedBy',
  'callIns.requestedOn',
  'callIns.grounds',
  'callIns.meetingId',
  'callIns.outcomes',
  'callIns.response',
  'callIns.version',
] as const

/** Queries for call-ins, with the meeting that considered each. No rules here. */
export function createCallInsRepository(db: Db) {
  function withMeeting(trx: Reader = db) {
    return trx
      .selectFrom('callIns')
      .leftJoin('meetings', 'meetings.id', 'callIns.meetingId')
      .leftJoin('bodies', 'bodies.id', 'meetings.bodyId')
      .select([
        ...callInColumns,
        'meetings.slug as meetingSlug',
        'meetings.date as meetingDate',
        'bodies.name as bodyName',
      ])
  }

  return {
    /** The call-ins of these decisions, in order. */
    callInsOf(decisionIds: string[]) {
      if (decisionIds.length === 0) return Promise.resolve([])
      return withMeeting()
        .where('callIns.decisionId', 'in', decisionIds)
        .orderBy('callIns.decisionId')
        .orderBy('callIns.number')
        .execute()
    },
    findCallIn(decisionId: string, number: number, trx: Reader = db) {
      return withMeeting(trx)
        .where('callIns.decisionId', '=', decisionId)
        .where('callIns.number', '=', number)
        .executeTakeFirst()
    },
    async insertCallIn(trx: Trx, decisionId: string, input: CallInForm) {
      const { next } = await trx
        .selectFrom('callIns')
        .select((eb) => eb.fn.coalesce(eb.fn.max('number'), eb.lit(0)).as('next'))
        .where('decisionId', '=', decisionId)
        .executeTakeFirstOrThrow()
      return trx
        .insertInto('callIns')
        .values({ ...input, outcomes: JSON.stringify(input.outcomes), decisionId, number: Number(next) + 1 })
        .returning(callInColumns)
        .executeTakeFirstOrThrow()
    },
    /** Changes a call-in if it is still at `version`; undefined when it is not. */
    updateCallIn(trx: Trx, id: string, version: number, input: CallInForm) {
      return trx
        .updateTable('callIns')
        .set({ ...input, outcomes: JSON.stringify(input.outcomes), version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(callInColumns)
        .executeTakeFirst()
    },
  }
}

export type CallInsRepository = ReturnType<typeof createCallInsRepository>
export type CallInRow = NonNullable<Awaited<ReturnType<CallInsRepository['findCallIn']>>>
