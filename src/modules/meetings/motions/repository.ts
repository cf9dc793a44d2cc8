import { type Selectable, sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { MotionAmendmentsTable } from '../tables.ts'
import type { AmendmentInput, MotionInput } from './schema.ts'

type Reader = Db | Trx

const motionColumns = [
  'id',
  'meetingId',
  'agendaItemId',
  'position',
  'moverId',
  'seconderId',
  'text',
  'substantiveText',
  'outcome',
  'version',
] as const

const amendmentColumns = ['id', 'motionId', 'position', 'moverId', 'seconderId', 'text', 'outcome', 'version'] as const
type Amendment = Pick<Selectable<MotionAmendmentsTable>, (typeof amendmentColumns)[number]>

/** Where a motion was moved: its meeting, the minutes' status, and the item (with its exemption). */
const placeColumns = [
  'm.position as motionPosition',
  'meetings.id as meetingId',
  'meetings.slug as meetingSlug',
  'meetings.date as meetingDate',
  'meetings.bodyId',
  'minutes.status as minutesStatus',
  'item.number as itemNumber',
  'item.title as itemTitle',
  'item.position as itemPosition',
  'item.exemptParagraph',
] as const

/** The next position after the last of the rows `where` selects, from 1. */
async function nextPosition(
  trx: Trx,
  table: 'motions' | 'motionAmendments',
  column: 'meetingId' | 'motionId',
  id: string,
) {
  const last = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('position'))
    .where(column, '=', id)
    .executeTakeFirst()
  return Number(last?.position ?? 0) + 1
}

/** Queries for motions moved at meetings and their amendments. No decisions here. */
export function createMotionsRepository(db: Db) {
  return {
    /** The meeting's motions in the order they were moved, each with its amendments (`amendments`), in one query. */
    motionsWithAmendmentsOf(meetingId: string) {
      return db
        .selectFrom('motions')
        .select(motionColumns)
        .select(
          sql<Amendment[]>`(select coalesce(json_agg(json_build_object(
            'id', a.id, 'motionId', a.motion_id, 'position', a.position, 'moverId', a.mover_id,
            'seconderId', a.seconder_id, 'text', a.text, 'outcome', a.outcome, 'version', a.version
          ) order by a.position), '[]') from motion_amendments as a where a.motion_id = motions.id)`.as('amendments'),
        )
        .where('meetingId', '=', meetingId)
        .orderBy('position')
        .execute()
    },

    /** The amendments to these motions, each motion's in the order they were moved. */
    amendmentsOf(motionIds: string[], trx: Reader = db) {
      if (motionIds.length === 0) return Promise.resolve([])
      return trx
        .selectFrom('motionAmendments')
        .select(amendmentColumns)
        .where('motionId', 'in', motionIds)
        .orderBy('motionId')
        .orderBy('position')
        .execute()
    },

    findMotionAt(meetingId: string, position: number, trx: Reader = db) {
      return trx
        .selectFrom('motions')
        .select(motionColumns)
        .where('meetingId', '=', meetingId)
        .where('position', '=', position)
        .executeTakeFirst()
    },

    findMotionById(id: string, trx: Reader = db) {
      return trx.selectFrom('motions').select(motionColumns).where('id', '=', id).executeTakeFirst()
    },

    findAmendmentAt(motionId: string, position: number, trx: Reader = db) {
      return trx
        .selectFrom('motionAmendments')
        .select(amendmentColumns)
        .where('motionId', '=', motionId)
        .where('position', '=', position)
        .executeTakeFirst()
    },

    findAmendmentById(id: string, trx: Reader = db) {
      return trx.selectFrom('motionAmendments').select(amendmentColumns).where('id', '=', id).executeTakeFirst()
    },

    /** Holds the motion's row until the transaction ends: its amendments and outcome change one save at a time. */
    async lockMotion(trx: Trx, motionId: string) {
      await trx.selectFrom('motions').select('id').where('id', '=', motionId).forUpdate().execute()
    },

    /** Adds the motion after the meeting's last; the caller holds the meeting's row so positions do not clash. */
    async insertMotion(trx: Trx, meetingId: string, input: MotionInput) {
      const position = await nextPosition(trx, 'motions', 'meetingId', meetingId)
      return trx
        .insertInto('motions')
        .values({ ...input, meetingId, position })
        .returning(motionColumns)
        .executeTakeFirstOrThrow()
    },

    /** Changes the motion if it is still at `version`; undefined when it is not. */
    updateMotion(trx: Trx, id: string, version: number, input: MotionInput) {
      return trx
        .updateTable('motions')
        .set({ ...input, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(motionColumns)
        .executeTakeFirst()
    },

    /** Adds the amendment after the motion's last; the caller holds the motion's row. */
    async insertAmendment(trx: Trx, motionId: string, input: AmendmentInput) {
      const position = await nextPosition(trx, 'motionAmendments', 'motionId', motionId)
      return trx
        .insertInto('motionAmendments')
        .values({ ...input, motionId, position })
        .returning(amendmentColumns)
        .executeTakeFirstOrThrow()
    },

    /** Changes the amendment if it is still at `version`; undefined when it is not. */
    updateAmendment(trx: Trx, id: string, version: number, input: AmendmentInput) {
      return trx
        .updateTable('motionAmendments')
        .set({ ...input, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(amendmentColumns)
        .executeTakeFirst()
    },

    /**
     * The motions and amendments this person moved or seconded, latest meeting first, with the
     * meeting, the item (and its exemption) and the status of the meeting's minutes.
     */
    movedByPerson(personId: string) {
      if (!isUuid(personId)) return Promise.resolve([])
      const motions = db
        .selectFrom('motions as m')
        .innerJoin('meetings', 'meetings.id', 'm.meetingId')
        .leftJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .leftJoin('agendaItems as item', 'item.id', 'm.agendaItemId')
        .select((eb) => [eb.val<'motion' | 'amendment'>('motion').as('kind'), 'm.position', 'm.moverId', 'm.outcome'])
        .select(placeColumns)
        .where((eb) => eb.or([eb('m.moverId', '=', personId), eb('m.seconderId', '=', personId)]))
      const amendments = db
        .selectFrom('motionAmendments as a')
        .innerJoin('motions as m', 'm.id', 'a.motionId')
        .innerJoin('meetings', 'meetings.id', 'm.meetingId')
        .leftJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .leftJoin('agendaItems as item', 'item.id', 'm.agendaItemId')
        .select((eb) => [
          eb.val<'motion' | 'amendment'>('amendment').as('kind'),
          'a.position',
          'a.moverId',
          'a.outcome',
        ])
        .select(placeColumns)
        .where((eb) => eb.or([eb('a.moverId', '=', personId), eb('a.seconderId', '=', personId)]))
      return Promise.all([motions.execute(), amendments.execute()]).then(([moved, amended]) =>
        [...moved, ...amended].sort(
          (a, b) =>
            b.meetingDate.localeCompare(a.meetingDate) ||
            a.motionPosition - b.motionPosition ||
            Number(a.kind === 'amendment') - Number(b.kind === 'amendment') ||
            a.position - b.position,
        ),
      )
    },
  }
}

export type MotionsRepository = ReturnType<typeof createMotionsRepository>
export type MotionRow = NonNullable<Awaited<ReturnType<MotionsRepository['findMotionById']>>>
export type AmendmentRow = Awaited<ReturnType<MotionsRepository['amendmentsOf']>>[number]
export type MovedRow = Awaited<ReturnType<MotionsRepository['movedByPerson']>>[number]
