import type { Db, Trx } from '#src/database.ts'
import type { WaitingListFiguresTable } from './tables.ts'

type Reader = Db | Trx

export type FiguresInput = Omit<WaitingListFiguresTable, 'id' | 'serviceId' | 'enteredAt'>

const serviceColumns = ['id', 'slug', 'name', 'provider', 'waitsTo', 'position'] as const
const figureColumns = [
  'id',
  'serviceId',
  'month',
  'referralsWaiting',
  'over18Weeks',
  'over52Weeks',
  'over78Weeks',
  'averageWeeks',
  'longestWeeks',
  'source',
  'note',
  'enteredBy',
  'enteredAt',
] as const

export type ServiceRow = Awaited<ReturnType<ReturnType<typeof createWaitingListsRepository>['listServices']>>[number]
export type FiguresRow = Awaited<ReturnType<ReturnType<typeof createWaitingListsRepository>['figuresOf']>>[number]

/** Queries for health services and their waiting-list figures. No rules here. */
export function createWaitingListsRepository(db: Db) {
  return {
    listServices() {
      return db.selectFrom('healthServices').select(serviceColumns).orderBy('position').orderBy('name').execute()
    },
    findService(slug: string) {
      return db.selectFrom('healthServices').select(serviceColumns).where('slug', '=', slug).executeTakeFirst()
    },
    /** Every month that has figures for any service, latest first. */
    async months() {
      const rows = await db
        .selectFrom('waitingListFigures')
        .select('month')
        .distinct()
        .orderBy('month', 'desc')
        .execute()
      return rows.map((row) => row.month)
    },
    /** Every service's figures for the given months. */
    figuresForMonths(months: string[]) {
      if (months.length === 0) return Promise.resolve([])
      return db.selectFrom('waitingListFigures').select(figureColumns).where('month', 'in', months).execute()
    },
    /** One service's figures, earliest month first. */
    figuresOf(serviceId: string) {
      return db
        .selectFrom('waitingListFigures')
        .select(figureColumns)
        .where('serviceId', '=', serviceId)
        .orderBy('month')
        .execute()
    },
    findFigures(serviceId: string, month: string, trx: Reader = db) {
      return trx
        .selectFrom('waitingListFigures')
        .select(figureColumns)
        .where('serviceId', '=', serviceId)
        .where('month', '=', month)
        .executeTakeFirst()
    },
    insertFigures(trx: Trx, serviceId: string, input: FiguresInput) {
      return trx
        .insertInto('waitingListFigures')
        .values({ ...input, serviceId })
        .returning(figureColumns)
        .executeTakeFirstOrThrow()
    },
    updateFigures(trx: Trx, id: string, input: FiguresInput) {
      return trx
        .updateTable('waitingListFigures')
        .set({ ...input, enteredAt: new Date() })
        .where('id', '=', id)
        .returning(figureColumns)
        .executeTakeFirstOrThrow()
    },
  }
}

export type WaitingListsRepository = ReturnType<typeof createWaitingListsRepository>
