import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { FindingForm, InspectionForm, ThemeForm } from './schema.ts'

/** An inspection's own columns: the form less its area judgements, kept in their own table. */
type InspectionDetails = Omit<InspectionForm, 'judgements'>

type Reader = Db | Trx

/** Queries that write a council's own inspections, findings, plans and themes. No rules here. */
export function createRecordsRepository(db: Db) {
  return {
    slugTaken(table: 'inspections' | 'improvementPlans', slug: string, trx: Reader = db) {
      return trx
        .selectFrom(table)
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst()
        .then((row) => Boolean(row))
    },
    /** Replaces an inspection's area judgements with these, in this order. */
    async replaceJudgements(trx: Trx, inspectionId: string, judgements: { area: string; judgement: string }[]) {
      await trx.deleteFrom('inspectionJudgements').where('inspectionId', '=', inspectionId).execute()
      if (judgements.length === 0) return []
      return trx
        .insertInto('inspectionJudgements')
        .values(judgements.map((j, position) => ({ ...j, inspectionId, position })))
        .returning(['area', 'judgement'])
        .execute()
    },
    judgementsOf(inspectionId: string, trx: Reader = db) {
      return trx
        .selectFrom('inspectionJudgements')
        .select(['area', 'judgement'])
        .where('inspectionId', '=', inspectionId)
        .orderBy('position')
        .execute()
    },
    insertInspection(trx: Trx, row: InspectionDetails & { slug: string }) {
      return trx.insertInto('inspections').values(row).returningAll().executeTakeFirstOrThrow()
    },
    findInspectionById(id: string, trx: Reader = db) {
      return trx.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst()
    },
    /** Changes an inspection if it is still at `version`; undefined when it is not. */
    updateInspection(trx: Trx, id: string, version: number, changes: InspectionDetails) {
      return trx
        .updateTable('inspections')
        .set({ ...changes, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
    },
    findFinding(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return trx.selectFrom('inspectionFindings').selectAll().where('id', '=', id).executeTakeFirst()
    },
    /** The finding of that kind and number in the inspection, other than `exceptId`. */
    findingNumbered(trx: Reader, inspectionId: string, input: FindingForm, exceptId?: string) {
      let query = trx
        .selectFrom('inspectionFindings')
        .select('id')
        .where('inspectionId', '=', inspectionId)
        .where('kind', '=', input.kind)
        .where('number', '=', input.number)
      if (exceptId) query = query.where('id', '<>', exceptId)
      return query.executeTakeFirst()
    },
    insertFinding(trx: Trx, inspectionId: string, input: FindingForm) {
      return trx
        .insertInto('inspectionFindings')
        .values({ ...input, inspectionId })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    updateFinding(trx: Trx, id: string, version: number, changes: FindingForm) {
      return trx
        .updateTable('inspectionFindings')
        .set({ ...changes, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
    },
    inspectionsNamed(ids: string[], trx: Reader = db) {
      if (ids.length === 0) return Promise.resolve([])
      return trx.selectFrom('inspections').select(['id', 'title']).where('id', 'in', ids).execute()
    },
    insertPlan(
      trx: Trx,
      row: {
        slug: string
        title: string
        owner: string
        ownerPersonId: string | null
        startsOn: string | null
        endsOn: string | null
      },
    ) {
      // A new plan starts at version 1.0; later versions come with their record of amendments.
      return trx
        .insertInto('improvementPlans')
        .values({ ...row, version: '1.0' })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    findPlanById(id: string, trx: Reader = db) {
      return trx.selectFrom('improvementPlans').selectAll().where('id', '=', id).executeTakeFirst()
    },
    inspectionIdsOfPlan(planId: string, trx: Reader = db) {
      return trx
        .selectFrom('planInspections')
        .select('inspectionId')
        .where('planId', '=', planId)
        .execute()
        .then((rows) => rows.map((row) => row.inspectionId))
    },
    /** Changes a plan's details if it is still at `editVersion`; undefined when it is not. */
    updatePlan(
      trx: Trx,
      id: string,
      editVersion: number,
      changes: {
        title: string
        owner: string
        ownerPersonId: string | null
        startsOn: string | null
        endsOn: string | null
      },
    ) {
      return trx
        .updateTable('improvementPlans')
        .set({ ...changes, editVersion: sql<number>`edit_version + 1` })
        .where('id', '=', id)
        .where('editVersion', '=', editVersion)
        .returningAll()
        .executeTakeFirst()
    },
    unlinkInspections(trx: Trx, planId: string) {
      return trx.deleteFrom('planInspections').where('planId', '=', planId).execute()
    },
    linkInspections(trx: Trx, planId: string, inspectionIds: string[]) {
      if (inspectionIds.length === 0) return Promise.resolve()
      return trx
        .insertInto('planInspections')
        .values(inspectionIds.map((inspectionId) => ({ planId, inspectionId })))
        .execute()
        .then(() => undefined)
    },
    findTheme(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return trx.selectFrom('planThemes').selectAll().where('id', '=', id).executeTakeFirst()
    },
    /** The theme of that number in the plan (any case), other than `exceptId`. */
    themeNumbered(trx: Reader, planId: string, number: string, exceptId?: string) {
      let query = trx
        .selectFrom('planThemes')
        .select('id')
        .where('planId', '=', planId)
        .where((eb) => eb(eb.fn('lower', ['number']), '=', number.toLowerCase()))
      if (exceptId) query = query.where('id', '<>', exceptId)
      return query.executeTakeFirst()
    },
    nextThemePosition(trx: Trx, planId: string) {
      return trx
        .selectFrom('planThemes')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('planId', '=', planId)
        .executeTakeFirst()
        .then((row) => Number(row?.max ?? 0) + 1)
    },
    insertTheme(trx: Trx, planId: string, row: Omit<ThemeForm, 'position'> & { position: number }) {
      return trx
        .insertInto('planThemes')
        .values({ ...row, planId })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    updateTheme(trx: Trx, id: string, version: number, changes: Omit<ThemeForm, 'position'> & { position: number }) {
      return trx
        .updateTable('planThemes')
        .set({ ...changes, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
    },
  }
}

export type RecordsRepository = ReturnType<typeof createRecordsRepository>
