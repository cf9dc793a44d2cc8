import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { WorkProgrammeItemsTable } from './tables.ts'

type Reader = Db | Trx

export type WorkProgrammeInput = Omit<
  WorkProgrammeItemsTable,
  'id' | 'createdAt' | 'updatedAt' | 'agendaItemId' | 'version'
>

const columns = [
  'workProgrammeItems.id',
  'workProgrammeItems.bodyId',
  'workProgrammeItems.title',
  'workProgrammeItems.description',
  'workProgrammeItems.meetingId',
  'workProgrammeItems.scheduledMonth',
  'workProgrammeItems.scheduledOn',
  'workProgrammeItems.timingNote',
  'workProgrammeItems.kind',
  'workProgrammeItems.origin',
  'workProgrammeItems.originNote',
  'workProgrammeItems.originUrl',
  'workProgrammeItems.forwardPlanItemId',
  'workProgrammeItems.status',
  'workProgrammeItems.leadOfficer',
  'workProgrammeItems.agendaItemId',
  'workProgrammeItems.position',
  'workProgrammeItems.updatedAt',
  'workProgrammeItems.version',
] as const

/** Queries for work programme items. No rules here. */
export function createWorkProgrammeRepository(db: Db) {
  return {
    /** One body's items, or every body's. */
    listItems(bodyId?: string) {
      let query = db.selectFrom('workProgrammeItems').select(columns)
      if (bodyId) query = query.where('bodyId', '=', bodyId)
      return query.orderBy('position').orderBy('title').execute()
    },
    findItem(id: string, trx: Reader = db) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(undefined)
      return trx.selectFrom('workProgrammeItems').select(columns).where('id', '=', id).executeTakeFirst()
    },
    /** The item, locked until the transaction ends: a second change to it waits and then sees the first. */
    lockItem(trx: Trx, id: string) {
      return trx.selectFrom('workProgrammeItems').select(columns).where('id', '=', id).forUpdate().executeTakeFirst()
    },
    itemsFromForwardPlanItem(forwardPlanItemId: string) {
      return db
        .selectFrom('workProgrammeItems')
        .select(columns)
        .where('forwardPlanItemId', '=', forwardPlanItemId)
        .execute()
    },
    async nextPosition(bodyId: string) {
      const row = await db
        .selectFrom('workProgrammeItems')
        .select((eb) => eb.fn.max('position').as('last'))
        .where('bodyId', '=', bodyId)
        .executeTakeFirst()
      return Number(row?.last ?? 0) + 1
    },
    insertItem(trx: Trx, input: WorkProgrammeInput) {
      return trx.insertInto('workProgrammeItems').values(input).returning(columns).executeTakeFirstOrThrow()
    },
    /** Changes the item from its form if it is still at `version`; undefined when it is not. */
    updateItem(trx: Trx, id: string, version: number, input: Partial<WorkProgrammeInput>) {
      return trx
        .updateTable('workProgrammeItems')
        .set({ ...input, updatedAt: new Date(), version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(columns)
        .executeTakeFirst()
    },
    /** Records the agenda item made from the item, and its status; a form opened before then is out of date. */
    linkAgendaItem(trx: Trx, id: string, change: { agendaItemId: string; status: WorkProgrammeItemsTable['status'] }) {
      return trx
        .updateTable('workProgrammeItems')
        .set({ ...change, updatedAt: new Date(), version: nextVersion() })
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirstOrThrow()
    },
  }
}

export type WorkProgrammeRepository = ReturnType<typeof createWorkProgrammeRepository>
export type WorkProgrammeRow = NonNullable<Awaited<ReturnType<WorkProgrammeRepository['findItem']>>>
