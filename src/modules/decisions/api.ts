import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiDate,
  apiExempt,
  apiLink,
  apiList,
  apiMonth,
  apiPageQuery,
  apiPaging,
  invalidQueryResponse,
  jsonResponse,
  notFoundResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { URGENCIES, planQuerySchema } from './forward-plan/schema.ts'
import { type ForwardPlanService, planPath } from './forward-plan/service.ts'
import type { DocumentView } from './document-view.ts'
import { CALL_IN_OUTCOMES } from './call-ins/schema.ts'
import { CALL_IN_STATUSES, TAKER_TYPES } from './schema.ts'
import type { DecisionsService } from './service.ts'
import { asThePublic } from '#src/platform/request-reads.ts'

const exempt = apiExempt.describe(
  'Withheld under a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972',
)

const documentSchema = z
  .union([
    z.strictObject({ label: z.string(), title: z.string(), url: apiLink() }),
    z.strictObject({ label: z.string(), title: z.string(), exempt }),
  ])
  .describe('A published document has a url; an exempt one has only its label, title and paragraph')
  .meta({ id: 'DecisionDocument' })

const text = z.string().nullable()

const callInSchema = z
  .strictObject({
    requestedBy: z.string(),
    requestedOn: apiDate,
    grounds: z.string(),
    meeting: z
      .strictObject({ date: apiDate, body: z.string(), url: sitePath() })
      .nullable()
      .describe('The meeting that considered the call-in; null until one has'),
    recommendations: z
      .array(z.strictObject({ recommendation: z.string(), outcome: z.enum(CALL_IN_OUTCOMES) }))
      .describe('Each recommendation of the committee that considered it, with its outcome'),
    response: text.describe('The decision maker’s response'),
  })
  .meta({ id: 'CallIn' })

const decisionSchema = z
  .strictObject({
    id: z.uuid(),
    number: z
      .string()
      .nullable()
      .describe('The council’s own reference for the decision; null when it gives none')
      .meta({ examples: ['EX47/2023'] }),
    title: z.string(),
    date: apiDate,
    decisionTaker: z.string().describe('The body, or the person with their post, who took the decision'),
    takerType: z.enum(TAKER_TYPES).describe('The executive, a cabinet member, a committee or an officer'),
    keyDecision: z.boolean(),
    decision: z.array(z.string()).describe('The decision, part by part'),
    reasons: text,
    alternativesConsidered: text,
    wardsAffected: text,
    interestsDeclared: text.describe('Interests declared by the decision taker, and any dispensation'),
    contact: text,
    effectiveOn: apiDate.nullable().describe('The date the decision takes effect, when the notice gives one'),
    publishedOn: apiDate.nullable(),
    callInDeadline: apiDate
      .nullable()
      .describe(
        'The fifth clear working day after publication (weekends and England and Wales bank holidays excluded); null until published',
      ),
    callInStatus: z.enum(CALL_IN_STATUSES),
    callIns: z.array(callInSchema),
    url: sitePath(),
    documents: z.array(documentSchema),
  })
  .meta({ id: 'Decision' })

const forwardPlanItemSchema = z
  .strictObject({
    reference: z.string().meta({ examples: ['16/2023'] }),
    matter: z.string(),
    decisionTaker: z.string().meta({ examples: ['Executive'] }),
    cabinetMember: text,
    anticipated: z.strictObject({ month: apiMonth, date: apiDate.nullable() }),
    consultation: text,
    representations: text,
    documents: text,
    responsibleOfficer: text,
    isNew: z.boolean(),
    urgency: z
      .enum(URGENCIES)
      .describe('Taken without the usual notice: under the general exception or special urgency, or neither'),
    urgencyReason: text,
    chairAgreed: z.boolean().nullable().describe('Whether the scrutiny chair agreed; null when not urgent'),
    decisionId: z.uuid().nullable().describe('The id of the decision in /api/v1/decisions, once taken'),
    private: apiExempt.nullable().describe('To be decided in private under a paragraph of Part 1 of Schedule 12A'),
    url: sitePath(),
  })
  .meta({ id: 'ForwardPlanItem' })

const forwardPlanNoticeSchema = z
  .strictObject({
    id: z.string().meta({ description: 'The notice’s address, the plan query’s value', examples: ['2024-01-2'] }),
    title: z.string(),
    periodFrom: apiDate,
    periodTo: apiDate,
    publishedOn: apiDate.nullable(),
    url: sitePath(),
  })
  .meta({ id: 'ForwardPlanNotice' })

const forwardPlanSchema = apiList('items', forwardPlanItemSchema, {
  plan: forwardPlanNoticeSchema.nullable(),
  notices: z
    .array(forwardPlanNoticeSchema)
    .describe('Every notice, newest first: a month may have several (a supplementary or general exception notice)'),
}).meta({ id: 'ForwardPlan' })

const noticeForApi = (plan: {
  slug: string
  title: string
  periodFrom: string
  periodTo: string
  publishedOn: string | null
}) => ({
  id: plan.slug,
  title: plan.title,
  periodFrom: plan.periodFrom,
  periodTo: plan.periodTo,
  publishedOn: plan.publishedOn,
  url: planPath(plan.slug),
})

/** A withheld document: its label, title and paragraph; never a link or any of its text. */
function documentForApi(document: DocumentView): z.output<typeof documentSchema> {
  if (document.withheld)
    return { label: document.label, title: document.title, exempt: { paragraph: document.exempt!.paragraph } }
  return { label: document.label, title: document.title, url: document.href }
}

/**
 * The open data: GET /api/v1/decisions and GET /api/v1/forward-plan. Both answer as they would to the
 * public, whoever asks.
 */
export function decisionsApi(deps: { decisions: DecisionsService; forwardPlan: ForwardPlanService }) {
  return async function (app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>()

    api.get(
      '/api/v1/decisions',
      {
        schema: {
          operationId: 'listDecisions',
          summary: 'Decisions of the executive, cabinet members, committees and officers, newest first',
          tags: ['Decisions'],
          querystring: apiPageQuery,
          response: {
            200: jsonResponse(apiList('decisions', decisionSchema), 'Every decision'),
            400: invalidQueryResponse(),
          },
        },
      },
      async (request, reply) => {
        const { items, ...page } = request.openDataPage(await deps.decisions.forApi(asThePublic(request.ctx)))
        reply.header('cache-control', 'public, max-age=60')
        return {
          ...page,
          decisions: items.map((d) => ({
            id: d.id,
            number: d.number,
            title: d.title,
            date: d.decidedOn,
            decisionTaker: d.taker.label,
            takerType: d.takerType,
            keyDecision: d.keyDecision,
            decision: d.parts,
            reasons: d.reasons || null,
            alternativesConsidered: d.alternativesConsidered || null,
            wardsAffected: d.wardsAffected || null,
            interestsDeclared: d.interestsDeclared || null,
            contact: d.contact || null,
            effectiveOn: d.effectiveOn,
            publishedOn: d.publishedOn,
            callInDeadline: d.callInDeadline,
            callInStatus: d.callInStatus,
            callIns: d.callIns.map((callIn) => ({
              requestedBy: callIn.requestedBy,
              requestedOn: callIn.requestedOn,
              grounds: callIn.grounds,
              meeting: callIn.meeting
                ? { date: callIn.meeting.date, body: callIn.meeting.bodyName, url: callIn.meeting.url }
                : null,
              recommendations: callIn.outcomes.map(({ recommendation, outcome }) => ({ recommendation, outcome })),
              response: callIn.response || null,
            })),
            url: d.url,
            documents: d.documents.map(documentForApi),
          })),
        }
      },
    )

    api.get(
      '/api/v1/forward-plan',
      {
        schema: {
          operationId: 'getForwardPlan',
          summary: 'A forward plan notice of key decisions (the newest unless one is named), and every notice',
          tags: ['Decisions'],
          querystring: planQuerySchema.safeExtend(apiPaging),
          response: {
            200: jsonResponse(forwardPlanSchema, 'The plan and its items; plan is null when none has been published'),
            400: invalidQueryResponse(),
            404: notFoundResponse('There is no notice at that address'),
          },
        },
      },
      async (request, reply) => {
        const asked = request.query.plan
        let found
        try {
          found = await deps.forwardPlan.getPlan(asThePublic(request.ctx), asked)
        } catch (error) {
          if (error instanceof NotFoundError && !asked) return { ...request.openDataPage([]), plan: null, notices: [] }
          throw error
        }
        const { plan } = found
        const { items, ...page } = request.openDataPage(found.items)
        reply.header('cache-control', 'public, max-age=60')
        return {
          ...page,
          plan: noticeForApi(plan),
          notices: found.plans.map(noticeForApi),
          items: items.map((item) => ({
            reference: item.reference,
            matter: item.matter,
            decisionTaker: item.decisionTaker,
            cabinetMember: item.cabinetMember ? item.cabinetMember.name : null,
            anticipated: { month: item.anticipatedMonth, date: item.anticipatedOn },
            consultation: item.consultation || null,
            representations: item.representations || null,
            documents: item.documents || null,
            responsibleOfficer: item.responsibleOfficer || null,
            isNew: item.isNew,
            urgency: item.urgency,
            urgencyReason: item.urgencyReason || null,
            chairAgreed: item.chairAgreed,
            decisionId: item.decisionId,
            private: item.private ? { paragraph: item.private.paragraph } : null,
            url: item.url,
          })),
        }
      },
    )
  }
}
