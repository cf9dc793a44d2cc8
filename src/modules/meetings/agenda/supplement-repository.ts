import type { Db, Trx } from '#src/database.ts'

type Reader = Db | Trx

const supplementColumns = [
  'agendaSupplements.id',
  'agendaSupplements.meetingId',
  'agendaSupplements.number',
  'agendaSupplements.publishedOn',
  'agendaSupplements.title',
  'agendaSupplements.note',
] as const

/** Queries for supplementary agendas and the items they publish. No decisions here. */
export function createSupplementRepository(db: Db) {
  return {
    /** The meeting's supplementary agendas, first first. */
    supplementsOf(meetingId: string, trx: Reader = db) {
      return trx
        .selectFrom('agendaSupplements')
        .select(supplementColumns)
        .where('meetingId', '=', meetingId)
        .orderBy('number')
        .execute()
    },

    /** Items added to the published agenda that no supplementary agenda has published yet, in agenda order. */
    itemsAwaitingSupplement(meetingId: string, trx: Reader = db) {
      return trx
        .selectFrom('agendaItems')
        .select(['id', 'number', 'position', 'title'])
        .where('meetingId', '=', meetingId)
        .where('addedAfterPublication', '=', true)
        .where('supplementId', 'is', null)
        .orderBy('position')
        .execute()
    },

    /** Adds the meeting's next supplementary agenda; the caller holds the meeting's row so numbers do not clash. */
    async insertSupplement(
      trx: Trx,
      meetingId: string,
      supplement: { publishedOn: string; title: (number: number) => string; note: string },
    ) {
      const last = await trx
        .selectFrom('agendaSupplements')
        .select((eb) => eb.fn.max('number').as('number'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirst()
      const number = Number(last?.number ?? 0) + 1
      return trx
        .insertInto('agendaSupplements')
        .values({
          meetingId,
          number,
          publishedOn: supplement.publishedOn,
          title: supplement.title(number),
          note: supplement.note,
        })
        .returning(supplementColumns)
        .executeTakeFirstOrThrow()
    },

    /** Puts the items in the supplementary agenda. */
    async addItems(trx: Trx, supplementId: string, itemIds: string[]) {
      await trx.updateTable('agendaItems').set({ supplementId }).where('id', 'in', itemIds).execute()
    },
  }
}

export type SupplementRow = Awaited<ReturnType<ReturnType<typeof createSupplementRepository>['supplementsOf']>>[number]
