import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import { slugify } from '#src/modules/bodies/index.ts'
import {
  type DemoLookup,
  demoDate,
  demoExemption,
  demoMonth,
  demoSlug,
  demoText,
  exemptColumns,
} from '#src/platform/demo/records.ts'
import { decisionSlug } from './decision-number.ts'
import { URGENCIES } from './forward-plan/schema.ts'
import { CALL_IN_STATUSES, TAKER_TYPES } from './schema.ts'

/**
 * A decision of a body (`taker.body`: the Executive, a committee) or of a person (`taker.person`: a
 * Cabinet Member, an officer), with its documents. `takerType` says which; without it, a body is
 * the Executive and a person a Cabinet Member.
 */
const decision = z.strictObject({
  number: demoText,
  title: demoText,
  decidedOn: demoDate,
  taker: z.union([z.strictObject({ person: demoSlug }), z.strictObject({ body: demoSlug })]),
  takerType: z.enum(TAKER_TYPES).optional(),
  parts: z.array(demoText).min(1),
  description: z.string(),
  reasons: z.string(),
  alternativesConsidered: z.string().default(''),
  wardsAffected: z.string().default(''),
  interestsDeclared: z.string().default(''),
  contact: z.string().default(''),
  effectiveOn: demoDate.nullable().default(null),
  keyDecision: z.boolean(),
  publishedOn: demoDate.nullable(),
  callInStatus: z.enum(CALL_IN_STATUSES).default('none'),
  documents: z.array(
    z.strictObject({
      label: demoText,
      title: demoText,
      body: z.string().default(''),
      url: z.string().nullable().default(null),
      exempt: demoExemption.optional(),
    }),
  ),
})

/** A forward plan of key decisions; `cabinetMember` is a person's slug. */
const forwardPlan = z.strictObject({
  slug: demoMonth,
  title: demoText,
  periodFrom: demoDate,
  periodTo: demoDate,
  publishedOn: demoDate.nullable().default(null),
  items: z.array(
    z.strictObject({
      reference: demoText,
      matter: demoText,
      decisionTaker: demoText,
      cabinetMember: demoSlug.nullable(),
      anticipatedMonth: demoMonth,
      anticipatedOn: demoDate.nullable().default(null),
      consultation: z.string(),
      representations: z.string(),
      documents: z.string(),
      responsibleOfficer: z.string(),
      isNew: z.boolean(),
      urgency: z.enum(URGENCIES).default('none'),
      urgencyReason: z.string().default(''),
      chairAgreed: z.boolean().nullable().default(null),
    }),
  ),
})

/** The demo's decisions register and forward plans (ADR 9). */
export const demoDecisionsSchema = z.strictObject({ decisions: z.array(decision), forwardPlans: z.array(forwardPlan) })

export type DemoDecisions = z.output<typeof demoDecisionsSchema>

/** Inserts the demo's decisions with their documents, and its forward plans with their items. */
export async function loadDemoDecisions(
  trx: Trx,
  records: DemoDecisions,
  refs: { bodyId: DemoLookup; personId: DemoLookup },
): Promise<void> {
  if (records.decisions.length > 0) {
    const decisions = await trx
      .insertInto('decisions')
      .values(
        records.decisions.map(({ documents: _documents, taker, takerType, parts, ...decision }) => ({
          ...decision,
          takerType: takerType ?? ('body' in taker ? 'executive' : 'cabinet member'),
          slug: decisionSlug(decision),
          parts: JSON.stringify(parts),
          takerBodyId: 'body' in taker ? refs.bodyId(taker.body) : null,
          takerPersonId: 'person' in taker ? refs.personId(taker.person) : null,
        })),
      )
      .returning(['id', 'number'])
      .execute()
    const decisionId = new Map(decisions.map((row) => [row.number!, row.id]))
    const documents = records.decisions.flatMap((decision) =>
      decision.documents.map(({ exempt, ...document }, index) => ({
        ...document,
        decisionId: decisionId.get(decision.number)!,
        number: index + 1,
        ...exemptColumns(exempt),
      })),
    )
    if (documents.length > 0) await trx.insertInto('decisionDocuments').values(documents).execute()
  }
  if (records.forwardPlans.length === 0) return
  const plans = await trx
    .insertInto('forwardPlans')
    .values(records.forwardPlans.map(({ items: _items, ...plan }) => plan))
    .returning(['id', 'slug'])
    .execute()
  const planId = new Map(plans.map((row) => [row.slug, row.id]))
  const items = records.forwardPlans.flatMap((plan) =>
    plan.items.map(({ cabinetMember, ...item }) => ({
      ...item,
      planId: planId.get(plan.slug)!,
      slug: slugify(item.reference),
      cabinetMemberId: cabinetMember === null ? null : refs.personId(cabinetMember),
    })),
  )
  if (items.length > 0) await trx.insertInto('forwardPlanItems').values(items).execute()
}
