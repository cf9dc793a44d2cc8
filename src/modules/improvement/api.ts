import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiDate,
  apiId,
  apiList,
  apiPageQuery,
  apiRecord,
  invalidQueryResponse,
  jsonResponse,
  notFoundResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import { OPEN_DATA_LICENCE } from '#src/platform/http/open-data.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import type { MilestoneRag } from './rules.ts'
import type { ImprovementService } from './service.ts'
import { FINDING_KINDS, MILESTONE_STATUSES } from './tables.ts'
import { asThePublic } from '#src/platform/request-reads.ts'

const inspectionSchema = z
  .strictObject({
    id: apiId,
    slug: z.string(),
    title: z.string(),
    kind: z.string().describe('The type of inspection, in the inspectorate’s words'),
    inspectorates: z.string(),
    startedOn: apiDate.nullable(),
    endedOn: apiDate.nullable(),
    publishedOn: apiDate.nullable(),
    overallJudgement: z.string().nullable().describe('The overall judgement or outcome, as the report gives it'),
    judgements: z
      .array(z.strictObject({ area: z.string(), judgement: z.string() }))
      .describe('The judgement of each area, as the report gives it ("Good", or another inspectorate’s words)'),
    url: sitePath(),
    findings: z.array(
      z.strictObject({
        id: apiId,
        kind: z.enum(FINDING_KINDS),
        number: z.string().describe('The report’s own number or reference for the finding'),
        text: z.string(),
        actionIds: z.array(apiId).describe('The plan actions that answer it'),
      }),
    ),
  })
  .meta({ id: 'Inspection' })

const MILESTONE_RAGS = ['complete', 'red', 'amber', 'green', 'dropped'] as const satisfies readonly MilestoneRag[]

const milestoneSchema = z.strictObject({
  id: apiId,
  text: z.string(),
  dueDate: apiDate.nullable(),
  status: z.enum(MILESTONE_STATUSES),
  completedOn: apiDate.nullable(),
  rag: z.enum(MILESTONE_RAGS),
  stale: z.boolean().describe('No update since the last meeting that considered the plan'),
})

const planSchema = apiRecord(
  z.strictObject({
    id: apiId,
    slug: z.string(),
    title: z.string(),
    owner: z.string().nullable(),
    startsOn: apiDate.nullable(),
    endsOn: apiDate.nullable(),
    version: z.string(),
    url: sitePath(),
    themes: z.array(
      z.strictObject({
        number: z.string(),
        title: z.string(),
        lead: z.string().nullable(),
        actions: z.array(
          z.strictObject({
            id: apiId,
            reference: z.string().meta({ examples: ['4.5'] }),
            title: z.string(),
            leads: z.array(z.string()),
            findingIds: z.array(apiId),
            rag: z.enum(['red', 'amber', 'green', 'complete', 'no milestones']),
            milestones: z.array(milestoneSchema),
          }),
        ),
      }),
    ),
  }),
).meta({ id: 'ImprovementPlan' })

type Plan = z.output<typeof planSchema>
type PlanView = Awaited<ReturnType<ImprovementService['plan']>>

/** GET /api/v1/inspections and GET /api/v1/improvement-plans/{id}: the golden thread as open data. */
export function improvementApi(deps: { service: ImprovementService }) {
  return async function (app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>()

    api.get(
      '/api/v1/inspections',
      {
        schema: {
          operationId: 'listInspections',
          summary: 'Inspections with their findings, each listing the improvement-plan actions that answer it',
          tags: ['Inspections and improvement'],
          querystring: apiPageQuery,
          response: {
            200: jsonResponse(apiList('inspections', inspectionSchema), 'Every inspection'),
            400: invalidQueryResponse(),
          },
        },
      },
      async (request, reply) => {
        const { items, ...page } = request.openDataPage(await deps.service.inspectionsForApi())
        reply.header('cache-control', 'public, max-age=60')
        return {
          ...page,
          inspections: items.map(({ inspection, judgements, findings }) => ({
            id: inspection.id,
            slug: inspection.slug,
            title: inspection.title,
            kind: inspection.kind,
            inspectorates: inspection.inspectorates,
            startedOn: inspection.startedOn,
            endedOn: inspection.endedOn,
            publishedOn: inspection.publishedOn,
            overallJudgement: inspection.overallJudgement,
            judgements: judgements.map(({ area, judgement }) => ({ area, judgement })),
            url: `/inspections/${inspection.slug}`,
            findings: findings.map((f) => ({
              id: f.id,
              kind: f.kind,
              number: f.number,
              text: f.text,
              actionIds: f.actionIds,
            })),
          })),
        }
      },
    )

    api.get(
      '/api/v1/improvement-plans/:id',
      {
        schema: {
          operationId: 'getImprovementPlan',
          summary: 'An improvement plan: themes, actions and milestones with due dates, statuses and RAG',
          tags: ['Inspections and improvement'],
          params: z.object({ id: z.string().describe('The plan’s id or its slug') }),
          response: { 200: jsonResponse(planSchema, 'The plan'), 404: notFoundResponse('There is no such plan') },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const plans = await deps.service.listPlans(asThePublic(request.ctx))
        const plan = plans.find((p) => p.id === id || p.slug === id)
        if (!plan) throw new NotFoundError('Improvement plan')
        const view = await deps.service.plan(asThePublic(request.ctx), plan.slug)
        reply.header('cache-control', 'public, max-age=60')
        return {
          licence: OPEN_DATA_LICENCE,
          id: plan.id,
          slug: plan.slug,
          title: plan.title,
          owner: plan.owner || null,
          startsOn: plan.startsOn,
          endsOn: plan.endsOn,
          version: plan.version,
          url: `/improvement-plans/${plan.slug}`,
          themes: themesForApi(view),
        }
      },
    )
  }
}

function themesForApi(view: PlanView): Plan['themes'] {
  return view.themes.map((theme) => ({
    number: theme.number,
    title: theme.title,
    lead: theme.lead || null,
    actions: theme.actions.map((action) => ({
      id: action.id,
      reference: action.reference,
      title: action.title,
      leads: action.leads.map((lead) => lead.name),
      findingIds: action.findingIds,
      rag: action.rag,
      milestones: action.milestones.map((m) => ({
        id: m.id,
        text: m.text,
        dueDate: m.dueOn,
        status: m.status,
        completedOn: m.completedOn,
        rag: m.rag,
        stale: m.stale,
      })),
    })),
  }))
}
