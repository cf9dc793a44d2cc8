import type { Db, Trx } from '#src/database.ts'
import type { WorkProgrammeItemsTable } from './tables.ts'

type Reader = Db | Trx

export type WorkProgrammeInput = Omit<WorkProgrammeItemsTable, 'id' | 'createdAt' | 'updatedAt' | 'agendaItemId'>

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
    updateItem(trx: Trx, id: string, input: Partial<WorkProgrammeInput> & { agendaItemId?: string | null }) {
      return trx
        .updateTable('workProgrammeItems')
        .set({ ...input, updatedAt: new Date() })
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirstOrThrow()
    },
  }
}

export type WorkProgrammeRepository = ReturnType<typeof createWorkProgrammeRepository>
export type WorkProgrammeRow = NonNullable<Awaited<ReturnType<WorkProgrammeRepository['findItem']>>>
