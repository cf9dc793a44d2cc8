import type { Db, Trx } from '#src/database.ts'
import { sql } from 'kysely'
import type { DecisionDocumentsTable, DecisionsTable } from './tables.ts'
import { nextVersion } from '#src/platform/db/version.ts'

type Reader = Db | Trx

export type DecisionInput = Omit<DecisionsTable, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'parts'> & {
  parts: string[]
}
export type DecisionDocumentInput = Omit<DecisionDocumentsTable, 'id' | 'decisionId' | 'number'>

const decisionColumns = [
  'decisions.id',
  'decisions.slug',
  'decisions.number',
  'decisions.title',
  'decisions.decidedOn',
  'decisions.takerBodyId',
  'decisions.takerPersonId',
  'decisions.takerType',
  'decisions.parts',
  'decisions.description',
  'decisions.reasons',
  'decisions.alternativesConsidered',
  'decisions.wardsAffected',
  'decisions.interestsDeclared',
  'decisions.contact',
  'decisions.effectiveOn',
  'decisions.keyDecision',
  'decisions.publishedOn',
  'decisions.callInStatus',
  'decisions.updatedAt',
  'decisions.version',
] as const

const documentColumns = [
  'decisionDocuments.id',
  'decisionDocuments.decisionId',
  'decisionDocuments.number',
  'decisionDocuments.label',
  'decisionDocuments.title',
  'decisionDocuments.body',
  'decisionDocuments.url',
  'decisionDocuments.exemptParagraph',
  'decisionDocuments.exemptReason',
  'decisionDocuments.exemptReviewOn',
] as const

/** Queries for decisions and their documents. No rules here. */
export function createDecisionsRepository(db: Db) {
  return {
    /** Decisions, newest first, optionally taken on or after `since` or within a year. */
    listDecisions(filter: { since?: string; year?: number; limit?: number } = {}) {
      let query = db.selectFrom('decisions').select(decisionColumns)
      if (filter.since) query = query.where('decisions.decidedOn', '>=', filter.since)
      if (filter.year) {
        query = query
          .where('decisions.decidedOn', '>=', `${filter.year}-01-01`)
          .where('decisions.decidedOn', '<=', `${filter.year}-12-31`)
      }
      query = query
        .orderBy('decisions.decidedOn', 'desc')
        .orderBy('decisions.number', (order) => order.desc().nullsLast())
        .orderBy('decisions.createdAt', 'desc')
      return filter.limit ? query.limit(filter.limit).execute() : query.execute()
    },
    findDecisionBySlug(slug: string, trx: Reader = db) {
      return trx.selectFrom('decisions').select(decisionColumns).where('slug', '=', slug).executeTakeFirst()
    },
    findDecisionsByIds(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([])
      return db.selectFrom('decisions').select(decisionColumns).where('id', 'in', ids).execute()
    },
    findDecisionById(id: string, trx: Reader = db) {
      return trx.selectFrom('decisions').select(decisionColumns).where('id', '=', id).executeTakeFirst()
    },
    /** Whether another decision has this reference, whatever its capitals. */
    async numberTaken(number: string, exceptId?: string) {
      let query = db
        .selectFrom('decisions')
        .select('id')
        .where(sql<string>`lower(number)`, '=', number.toLowerCase())
      if (exceptId) query = query.where('id', '!=', exceptId)
      return Boolean(await query.executeTakeFirst())
    },
    async slugTaken(slug: string, exceptId?: string) {
      let query = db.selectFrom('decisions').select('id').where('slug', '=', slug)
      if (exceptId) query = query.where('id', '!=', exceptId)
      return Boolean(await query.executeTakeFirst())
    },
    insertDecision(trx: Trx, input: DecisionInput) {
      return trx
        .insertInto('decisions')
        .values({ ...input, parts: JSON.stringify(input.parts) })
        .returning(decisionColumns)
        .executeTakeFirstOrThrow()
    },
    /** Changes a decision if it is still at `version`; undefined when it is not. */
    updateDecision(trx: Trx, id: string, version: number, input: DecisionInput) {
      return trx
        .updateTable('decisions')
        .set({ ...input, parts: JSON.stringify(input.parts), updatedAt: new Date(), version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(decisionColumns)
        .executeTakeFirst()
    },
    /** Documents of these decisions, in order. */
    documentsOf(decisionIds: string[]) {
      if (decisionIds.length === 0) return Promise.resolve([])
      return db
        .selectFrom('decisionDocuments')
        .select(documentColumns)
        .where('decisionId', 'in', decisionIds)
        .orderBy('decisionId')
        .orderBy('number')
        .execute()
    },
    findDocument(decisionId: string, number: number) {
      return db
        .selectFrom('decisionDocuments')
        .select(documentColumns)
        .where('decisionId', '=', decisionId)
        .where('number', '=', number)
        .executeTakeFirst()
    },
    async insertDocument(trx: Trx, decisionId: string, input: DecisionDocumentInput) {
      const { next } = await trx
        .selectFrom('decisionDocuments')
        .select((eb) => eb.fn.coalesce(eb.fn.max('number'), eb.lit(0)).as('next'))
        .where('decisionId', '=', decisionId)
        .executeTakeFirstOrThrow()
      return trx
        .insertInto('decisionDocuments')
        .values({ ...input, decisionId, number: Number(next) + 1 })
        .returning(documentColumns)
        .executeTakeFirstOrThrow()
    },
    updateDocument(trx: Trx, id: string, input: DecisionDocumentInput) {
      return trx
        .updateTable('decisionDocuments')
        .set(input)
        .where('id', '=', id)
        .returning(documentColumns)
        .executeTakeFirstOrThrow()
    },
    /** A decision whose call-in is recorded is called in, unless its status says otherwise already. */
    markCalledIn(trx: Trx, id: string) {
      return trx
        .updateTable('decisions')
        .set({ callInStatus: 'called in', updatedAt: new Date() })
        .where('id', '=', id)
        .where('callInStatus', '=', 'none')
        .execute()
    },
    touchDecision(trx: Trx, id: string) {
      return trx.updateTable('decisions').set({ updatedAt: new Date() }).where('id', '=', id).execute()
    },
  }
}

export type DecisionsRepository = ReturnType<typeof createDecisionsRepository>
export type DecisionRow = NonNullable<Awaited<ReturnType<DecisionsRepository['findDecisionBySlug']>>>
export type DecisionDocumentRow = NonNullable<Awaited<ReturnType<DecisionsRepository['findDocument']>>>
