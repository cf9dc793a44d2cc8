import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { WaitingListFiguresTable } from './tables.ts'

type Reader = Db | Trx

export type FiguresInput = Omit<WaitingListFiguresTable, 'id' | 'serviceId' | 'enteredAt'>
export interface ServiceInput {
  name: string
  provider: string
  waitsTo: string
  position: number
}

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
    /**
     * Every month that has figures for any service, latest first, with how many services have figures
     * for it; and how many services have figures for any month (none when no month has any). One query.
     */
    async months() {
      const rows = await db
        .selectFrom('waitingListFigures')
        .select((eb) => [
          'month',
          eb.fn.count<number>('serviceId').distinct().as('services'),
          eb
            .selectFrom('waitingListFigures as every')
            .select((inner) => inner.fn.count<number>('every.serviceId').distinct().as('services'))
            .as('servicesWithFigures'),
        ])
        .groupBy('month')
        .orderBy('month', 'desc')
        .execute()
      return {
        months: rows.map((row) => ({ month: row.month, services: Number(row.services) })),
        servicesWithFigures: Number(rows[0]?.servicesWithFigures ?? 0),
      }
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
    /** The service as its change form shows it, with its version. */
    findServiceToEdit(slug: string, trx: Reader = db) {
      return trx.selectFrom('healthServices').selectAll().where('slug', '=', slug).executeTakeFirst()
    },
    slugTaken(slug: string, trx: Reader = db) {
      return trx
        .selectFrom('healthServices')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst()
        .then((row) => Boolean(row))
    },
    /** The position after the last service's, so that a new service goes last. */
    nextPosition(trx: Trx) {
      return trx
        .selectFrom('healthServices')
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst()
        .then((row) => Number(row?.max ?? 0) + 1)
    },
    insertService(trx: Trx, row: ServiceInput & { slug: string }) {
      return trx.insertInto('healthServices').values(row).returningAll().executeTakeFirstOrThrow()
    },
    /** Changes a service if it is still at `version`; undefined when it is not. */
    updateService(trx: Trx, id: string, version: number, changes: ServiceInput) {
      return trx
        .updateTable('healthServices')
        .set({ ...changes, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
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
