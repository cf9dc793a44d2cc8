import type { Db, Trx } from '#src/database.ts'
import { sql } from 'kysely'
import { nextVersion } from '#src/platform/db/version.ts'
import { selectJsonRows } from '#src/platform/db/json-rows.ts'
import type { IndicatorsTable, IndicatorValuesTable } from './tables.ts'

type Reader = Db | Trx

const indicatorColumns = [
  'id',
  'code',
  'name',
  'indicatorGroup',
  'unit',
  'polarity',
  'decimals',
  'tolerance',
  'definition',
  'source',
  'owner',
  'reference',
  'published',
  'position',
  'version',
] as const
const valueColumns = [
  'id',
  'indicatorId',
  'periodId',
  'target',
  'aspiration',
  'actual',
  'actualCount',
  'note',
  'england',
  'region',
  'statisticalNeighbours',
  'benchmarkSource',
  'provenance',
  'suppressed',
  'enteredBy',
  'enteredAt',
  'version',
] as const

/** What the framework page reads of a value: its figures, for the table and the ratings; not its provenance. */
const figureColumns = ['indicatorId', 'periodId', 'target', 'aspiration', 'actual', 'suppressed'] as const

/** An indicator's place in its group among those listed (1 for the first); an int, as a bigint arrives as text. */
const placeInGroup = sql<number>`(row_number() over (partition by indicators.indicator_group
  order by indicators.position, indicators.code))::int`

export type IndicatorRow = Awaited<ReturnType<IndicatorsRepository['listIndicators']>>[number]
export type PeriodRow = Awaited<ReturnType<IndicatorsRepository['listPeriods']>>[number]
export type ValueRow = Awaited<ReturnType<IndicatorsRepository['listValues']>>[number]
export type FigureRow = Awaited<ReturnType<IndicatorsRepository['listFigures']>>[number]
export type FrameworkPageRow = Awaited<ReturnType<IndicatorsRepository['listIndicatorPage']>>[number]
/** What an indicator links to: the work-programme items that look at it, the plan actions it measures. */
export type LinkKind = 'work-programme' | 'actions'
export type IndicatorInput = Omit<IndicatorsTable, 'id' | 'createdAt' | 'updatedAt' | 'tolerance' | 'version'> & {
  tolerance: number
}
export type ValueChanges = Omit<IndicatorValuesTable, 'id' | 'indicatorId' | 'periodId' | 'enteredAt' | 'version'>

/** Queries for indicators, periods, values and populations. No rules here. */
export function createIndicatorsRepository(db: Db) {
  return {
    /** Every indicator, or only the published ones, in the framework's order. */
    listIndicators(options: { publishedOnly: boolean }) {
      let query = db.selectFrom('indicators').select(indicatorColumns)
      if (options.publishedOnly) query = query.where('published', '=', true)
      return query.orderBy('position').orderBy('code').execute()
    },
    /** How many indicators the framework shows: every one, or only the published ones. */
    async countIndicators(options: { publishedOnly: boolean }) {
      let query = db.selectFrom('indicators').select((eb) => eb.fn.countAll<string>().as('count'))
      if (options.publishedOnly) query = query.where('published', '=', true)
      return Number((await query.executeTakeFirstOrThrow()).count)
    },
    /**
     * One page of the framework's indicators in the order the framework shows them (by group, then in the
     * group), each with its group's name and its place in the group among those shown (1 for the first).
     */
    listIndicatorPage(options: { publishedOnly: boolean; limit: number; offset: number }) {
      let query = db
        .selectFrom('indicators')
        .innerJoin('indicatorGroups', 'indicatorGroups.key', 'indicators.indicatorGroup')
        .select(indicatorColumns.map((column) => `indicators.${column}` as const))
        .select('indicatorGroups.name as groupName')
        .select(placeInGroup.as('placeInGroup'))
      if (options.publishedOnly) query = query.where('indicators.published', '=', true)
      return query
        .orderBy('indicatorGroups.position')
        .orderBy('indicatorGroups.name')
        .orderBy('indicators.position')
        .orderBy('indicators.code')
        .limit(options.limit)
        .offset(options.offset)
        .execute()
    },
    /**
     * The latest period (not the baseline) in which an indicator (a published one, with `publishedOnly`)
     * has an actual; undefined when none has. The periods are probed latest first and the first with an
     * actual ends the search: OFFSET 0 keeps the planner from joining every period's values before sorting.
     */
    latestReportedPeriodId(options: { publishedOnly: boolean }) {
      return db
        .selectFrom(
          db
            .selectFrom('indicatorPeriods')
            .select(['id', 'endsOn', 'name'])
            .where('isBaseline', '=', false)
            .orderBy('endsOn', 'desc')
            .orderBy('name', 'desc')
            .offset(0)
            .as('period'),
        )
        .select('period.id')
        .where((eb) => {
          let reported = eb
            .selectFrom('indicatorValues')
            .select(sql`1`.as('one'))
            .whereRef('indicatorValues.periodId', '=', 'period.id')
            .where('indicatorValues.actual', 'is not', null)
          if (options.publishedOnly) {
            reported = reported
              .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
              .where('indicators.published', '=', true)
          }
          return eb.exists(reported)
        })
        .limit(1)
        .executeTakeFirst()
        .then((row) => row?.id)
    },
    findIndicator(code: string) {
      return db.selectFrom('indicators').select(indicatorColumns).where('code', '=', code).executeTakeFirst()
    },
    findIndicatorById(id: string, trx: Reader = db) {
      return trx.selectFrom('indicators').select(indicatorColumns).where('id', '=', id).executeTakeFirst()
    },
    listPeriods() {
      return db
        .selectFrom('indicatorPeriods')
        .select(['id', 'slug', 'name', 'endsOn', 'isBaseline'])
        .orderBy('endsOn')
        .orderBy('name')
        .execute()
    },
    /** The values of the given indicators (all of them when none are given). */
    listValues(indicatorIds?: string[]) {
      let query = db.selectFrom('indicatorValues').select(valueColumns)
      if (indicatorIds) {
        if (indicatorIds.length === 0) return Promise.resolve([])
        query = query.where('indicatorId', 'in', indicatorIds)
      }
      return query.execute()
    },
    /** The figures of the given indicators, every period's: a page of the framework reads thousands, as JSON. */
    listFigures(indicatorIds: string[]) {
      if (indicatorIds.length === 0) return Promise.resolve([])
      return selectJsonRows(
        db,
        db.selectFrom('indicatorValues').select(figureColumns).where('indicatorId', 'in', indicatorIds),
      )
    },
    findValue(indicatorId: string, periodId: string, trx: Reader = db) {
      return trx
        .selectFrom('indicatorValues')
        .select(valueColumns)
        .where('indicatorId', '=', indicatorId)
        .where('periodId', '=', periodId)
        .executeTakeFirst()
    },
    /** The first value of an indicator in a period; undefined when there is one already. */
    insertValue(trx: Trx, indicatorId: string, periodId: string, changes: ValueChanges) {
      return trx
        .insertInto('indicatorValues')
        .values({ ...changes, indicatorId, periodId })
        .onConflict((conflict) => conflict.columns(['indicatorId', 'periodId']).doNothing())
        .returning(valueColumns)
        .executeTakeFirst()
    },
    /** Changes a value; from the form, only if it is still at `version` (undefined when it is not). */
    updateValue(trx: Trx, id: string, changes: ValueChanges, version?: number) {
      let query = trx
        .updateTable('indicatorValues')
        .set({ ...changes, enteredAt: new Date(), version: nextVersion() })
        .where('id', '=', id)
      if (version !== undefined) query = query.where('version', '=', version)
      return query.returning(valueColumns).executeTakeFirst()
    },
    codeTaken(code: string, exceptId: string | null, trx: Reader = db) {
      let query = trx
        .selectFrom('indicators')
        .select('id')
        .where(sql<boolean>`lower(code) = lower(${code})`)
      if (exceptId) query = query.where('id', '<>', exceptId)
      return query.executeTakeFirst().then(Boolean)
    },
    async nextPosition(trx: Reader = db) {
      const row = await trx
        .selectFrom('indicators')
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst()
      return Number(row?.max ?? -1) + 1
    },
    insertIndicator(trx: Trx, input: IndicatorInput) {
      return trx.insertInto('indicators').values(input).returning(indicatorColumns).executeTakeFirstOrThrow()
    },
    /** Changes an indicator's definition if it is still at `version`; undefined when it is not. */
    updateIndicator(trx: Trx, id: string, version: number, input: Omit<IndicatorInput, 'position'>) {
      return trx
        .updateTable('indicators')
        .set({ ...input, updatedAt: new Date(), version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(indicatorColumns)
        .executeTakeFirst()
    },
    periodClash(slug: string, name: string, trx: Reader = db) {
      return trx
        .selectFrom('indicatorPeriods')
        .select(['slug', 'name'])
        .where((eb) => eb.or([eb('slug', '=', slug), eb(sql`lower(name)`, '=', name.toLowerCase())]))
        .executeTakeFirst()
    },
    insertPeriod(trx: Trx, input: { slug: string; name: string; endsOn: string; isBaseline: boolean }) {
      return trx
        .insertInto('indicatorPeriods')
        .values(input)
        .returning(['id', 'slug', 'name', 'endsOn', 'isBaseline'])
        .executeTakeFirstOrThrow()
    },
    /** The ids linked to an indicator, of one kind of link. */
    async linkedIds(kind: LinkKind, indicatorId: string) {
      const rows =
        kind === 'work-programme'
          ? await db
              .selectFrom('indicatorWorkProgrammeLinks')
              .select('workProgrammeItemId as id')
              .where('indicatorId', '=', indicatorId)
              .execute()
          : await db
              .selectFrom('indicatorActionLinks')
              .select('actionId as id')
              .where('indicatorId', '=', indicatorId)
              .execute()
      return rows.map((row) => row.id)
    },
    /** Adds (or removes) a link; false when there was nothing to change. */
    async setLink(trx: Trx, kind: LinkKind, indicatorId: string, targetId: string, linked: boolean) {
      if (linked) {
        const rows =
          kind === 'work-programme'
            ? await trx
                .insertInto('indicatorWorkProgrammeLinks')
                .values({ indicatorId, workProgrammeItemId: targetId })
                .onConflict((c) => c.doNothing())
                .returning('indicatorId')
                .execute()
            : await trx
                .insertInto('indicatorActionLinks')
                .values({ indicatorId, actionId: targetId })
                .onConflict((c) => c.doNothing())
                .returning('indicatorId')
                .execute()
        return rows.length > 0
      }
      const result =
        kind === 'work-programme'
          ? await trx
              .deleteFrom('indicatorWorkProgrammeLinks')
              .where('indicatorId', '=', indicatorId)
              .where('workProgrammeItemId', '=', targetId)
              .executeTakeFirst()
          : await trx
              .deleteFrom('indicatorActionLinks')
              .where('indicatorId', '=', indicatorId)
              .where('actionId', '=', targetId)
              .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
    listPopulations(trx: Reader = db) {
      return trx.selectFrom('childPopulations').select(['year', 'children', 'source']).orderBy('year', 'desc').execute()
    },
    findPopulation(year: number, trx: Reader = db) {
      return trx
        .selectFrom('childPopulations')
        .select(['year', 'children', 'source'])
        .where('year', '=', year)
        .executeTakeFirst()
    },
    upsertPopulation(trx: Trx, row: { year: number; children: number; source: string }) {
      return trx
        .insertInto('childPopulations')
        .values(row)
        .onConflict((conflict) => conflict.column('year').doUpdateSet({ children: row.children, source: row.source }))
        .returning(['year', 'children', 'source'])
        .executeTakeFirstOrThrow()
    },
  }
}

export type IndicatorsRepository = ReturnType<typeof createIndicatorsRepository>
