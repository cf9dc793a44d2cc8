import { type Insertable, type Selectable, type Updateable, sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { fromJsonRows, jsonRows } from '#src/platform/db/json-rows.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import type { RecommendationsTable, RecommendationUpdatesTable } from './tables.ts'

type Reader = Db | Trx

const recommendationColumns = [
  'recommendations.id',
  'recommendations.bodyId',
  'recommendations.number',
  'recommendations.madeOn',
  'recommendations.meetingId',
  'recommendations.agendaItemId',
  'recommendations.resolutionId',
  'recommendations.sourceKind',
  'recommendations.reviewTitle',
  'recommendations.reviewReportedOn',
  'recommendations.text',
  'recommendations.targetDate',
  'recommendations.targetMonth',
  'recommendations.responsiblePersonId',
  'recommendations.status',
  'recommendations.completedOn',
  'recommendations.withdrawnOn',
  'recommendations.withdrawnReason',
  'recommendations.toExecutive',
  'recommendations.referredOn',
  'recommendations.response',
  'recommendations.responseReasons',
  'recommendations.responseReceivedOn',
  'recommendations.ragOverride',
  'recommendations.ragOverrideReason',
  'recommendations.version',
] as const

const updateColumns = ['id', 'recommendationId', 'onDate', 'authorUserId', 'authorName', 'text', 'createdAt'] as const
type StoredUpdate = Pick<Selectable<RecommendationUpdatesTable>, (typeof updateColumns)[number]>

export type RecommendationInput = Omit<Insertable<RecommendationsTable>, 'id' | 'createdAt' | 'version'>
export type RecommendationChange = Updateable<Omit<RecommendationsTable, 'id' | 'bodyId' | 'createdAt' | 'version'>>

/** Kysely queries on the tracker's own two tables; people, bodies and minutes come through their services. */
export function createRecommendationsRepository(db: Db) {
  function select(trx: Reader = db) {
    return trx.selectFrom('recommendations').select(recommendationColumns)
  }

  return {
    /** Of one body, or of every body when bodyId is undefined. */
    listRecommendations(filter: { bodyId?: string; responsiblePersonId?: string }) {
      let query = select()
      if (filter.bodyId) query = query.where('recommendations.bodyId', '=', filter.bodyId)
      if (filter.responsiblePersonId) {
        query = query.where('recommendations.responsiblePersonId', '=', filter.responsiblePersonId)
      }
      return query.orderBy('recommendations.madeOn').orderBy('recommendations.number').execute()
    },
    /** A body's recommendations as listRecommendations gives them, each with its updates (updatesOf), in one query. */
    async listWithUpdates(bodyId: string) {
      const rows = await select()
        .select(
          jsonRows(
            sql`select ${sql.join(updateColumns.map((column) => sql.ref(`recommendationUpdates.${column}`)))}
              from recommendation_updates where recommendation_id = recommendations.id`,
            sql`listed.on_date desc, listed.created_at desc`,
          ).as('updates'),
        )
        .where('recommendations.bodyId', '=', bodyId)
        .orderBy('recommendations.madeOn')
        .orderBy('recommendations.number')
        .execute()
      return rows.map(({ updates, ...row }) => ({
        ...row,
        // JSON keeps an instant as text.
        updates: fromJsonRows<StoredUpdate>(updates).map((update) => ({
          ...update,
          createdAt: new Date(update.createdAt),
        })),
      }))
    },
    /**
     * What the tracker filters, counts and orders a body's recommendations by, as they stood on `on`
     * (made by then, their latest update to then), without their words or their updates.
     */
    trackerFacts(bodyId: string, on: string) {
      return db
        .selectFrom('recommendations')
        .select([
          'recommendations.id',
          'recommendations.number',
          'recommendations.status',
          'recommendations.completedOn',
          'recommendations.withdrawnOn',
          'recommendations.targetDate',
          'recommendations.targetMonth',
          'recommendations.ragOverride',
          'recommendations.responsiblePersonId',
        ])
        .select((eb) =>
          eb
            .selectFrom('recommendationUpdates')
            .select((max) => max.fn.max('recommendationUpdates.onDate').as('onDate'))
            .whereRef('recommendationUpdates.recommendationId', '=', 'recommendations.id')
            .where('recommendationUpdates.onDate', '<=', on)
            .as('latestUpdateOn'),
        )
        .where('recommendations.bodyId', '=', bodyId)
        .where('recommendations.madeOn', '<=', on)
        .execute()
    },
    /** These recommendations, in no particular order. */
    recommendationsByIds(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([])
      return select().where('recommendations.id', 'in', ids).execute()
    },
    findRecommendation(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return select(trx).where('recommendations.id', '=', id).executeTakeFirst()
    },
    /** The recommendations made from these resolutions: their id, number and resolution. */
    trackedResolutions(resolutionIds: string[]) {
      const ids = resolutionIds.filter(isUuid)
      if (!ids.length) return Promise.resolve([])
      return db
        .selectFrom('recommendations')
        .select(['id', 'number', 'resolutionId'])
        .where('resolutionId', 'in', ids)
        .execute()
    },
    findByResolution(resolutionId: string) {
      if (!isUuid(resolutionId)) return Promise.resolve(undefined)
      return select().where('recommendations.resolutionId', '=', resolutionId).executeTakeFirst()
    },
    async numbersOfBody(bodyId: string, trx: Reader = db) {
      const rows = await trx
        .selectFrom('recommendations')
        .select(['id', 'number'])
        .where('bodyId', '=', bodyId)
        .execute()
      return rows
    },
    insertRecommendation(trx: Trx, input: RecommendationInput) {
      return trx.insertInto('recommendations').values(input).returning(recommendationColumns).executeTakeFirstOrThrow()
    },
    /** Changes the recommendation if it is still at `version`; undefined when it is not. */
    updateRecommendation(trx: Trx, id: string, version: number, change: RecommendationChange) {
      return trx
        .updateTable('recommendations')
        .set({ ...change, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(recommendationColumns)
        .executeTakeFirst()
    },
    /** Updates of these recommendations, newest first (by date, then by when they were written). */
    updatesOf(recommendationIds: string[]) {
      if (recommendationIds.length === 0) return Promise.resolve([])
      return db
        .selectFrom('recommendationUpdates')
        .select(updateColumns)
        .where('recommendationId', 'in', recommendationIds)
        .orderBy('onDate', 'desc')
        .orderBy('createdAt', 'desc')
        .execute()
    },
    insertUpdate(trx: Trx, input: Omit<Insertable<RecommendationUpdatesTable>, 'id' | 'createdAt'>) {
      return trx.insertInto('recommendationUpdates').values(input).returning(updateColumns).executeTakeFirstOrThrow()
    },
  }
}

export type RecommendationsRepository = ReturnType<typeof createRecommendationsRepository>
export type RecommendationRow = NonNullable<Awaited<ReturnType<RecommendationsRepository['findRecommendation']>>>
export type UpdateRow = Awaited<ReturnType<RecommendationsRepository['updatesOf']>>[number]
