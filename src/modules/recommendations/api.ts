import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiDate,
  apiId,
  apiMonth,
  apiList,
  apiPaging,
  invalidQueryResponse,
  jsonResponse,
  notFoundResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import { RAGS, type Rag } from './rag.ts'
import { STATUSES, apiQuerySchema } from './schema.ts'
import type { RecommendationView, RecommendationsService } from './service.ts'
import { asThePublic } from '#src/platform/request-reads.ts'

const recommendationSchema = z
  .strictObject({
    id: apiId,
    bodyId: apiId,
    number: z.string().meta({ description: 'The body’s own numbering', examples: ['4'] }),
    text: z.string(),
    madeOn: apiDate,
    source: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('resolution') }),
        z.strictObject({
          kind: z.literal('review'),
          title: z.string().describe('The title of the task and finish review report'),
          reportedOn: apiDate.nullable().describe('The date of the report'),
        }),
      ])
      .describe('Where it comes from: a committee resolution, or a task and finish review report'),
    targetDate: apiDate.nullable().describe('The target day; null when it is a month (targetMonth) or to be confirmed'),
    targetMonth: apiMonth.nullable().describe('The target month, when the target is a month rather than a day'),
    target: z
      .string()
      .nullable()
      .meta({
        description: 'The target in words; null while to be confirmed',
        examples: ['March 2025', '31 March 2025'],
      }),
    dueOn: apiDate.nullable().describe('The day it is due: the target day, or the last day of the target month'),
    overdue: z.boolean().describe('Open and past the day it is due'),
    responsibleOfficer: z.string().nullable().describe('The responsible officer’s name'),
    status: z.enum(STATUSES),
    completedOn: apiDate.nullable(),
    rag: z
      .enum(RAGS as [Rag, ...Rag[]])
      .describe(
        'Worked out on the day asked: red once the target date has passed; amber when it is due within 28 days ' +
          'with no update in the last 28 days; otherwise green. A scrutiny officer may override it (ragOverridden).',
      ),
    ragOverridden: z.boolean(),
    toExecutive: z.boolean().describe('Made to the Executive, which must respond within two months (s9FE)'),
    referredOn: apiDate.nullable(),
    responseDueOn: apiDate.nullable().describe('Two months after referral; null when not made to the Executive'),
    responseReceivedOn: apiDate.nullable(),
    responseOverdue: z.boolean().describe('Referred, no response received, and the due date has passed'),
    url: sitePath('The recommendation’s page on this site'),
    updates: z.array(z.strictObject({ on: apiDate, text: z.string() })).describe('Progress updates, newest first'),
  })
  .meta({ id: 'Recommendation' })

/** Open data: the tracker as the public sees it, whoever asks. Updates carry no author account or email. */
export function recommendationsApi(deps: { service: RecommendationsService }) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/recommendations',
      {
        schema: {
          operationId: 'listRecommendations',
          summary: 'The committees’ recommendations, with their dated updates and RAG rating',
          tags: ['Recommendations'],
          querystring: apiQuerySchema.safeExtend(apiPaging),
          response: {
            200: jsonResponse(
              apiList('recommendations', recommendationSchema),
              'The recommendations, in each body’s own numbering',
            ),
            400: invalidQueryResponse(),
            404: notFoundResponse('There is no such body'),
          },
        },
      },
      async (request, reply) => {
        const views = await deps.service.forApi(asThePublic(request.ctx), request.query.body)
        const { items, ...page } = request.openDataPage(views)
        reply.header('cache-control', 'public, max-age=60')
        return { ...page, recommendations: items.map(recommendationForApi) }
      },
    )
  }
}

function recommendationForApi(view: RecommendationView): z.output<typeof recommendationSchema> {
  return {
    id: view.id,
    bodyId: view.bodyId,
    number: view.number,
    text: view.text,
    madeOn: view.madeOn,
    source:
      view.sourceKind === 'review'
        ? { kind: 'review', title: view.reviewTitle, reportedOn: view.reviewReportedOn }
        : { kind: 'resolution' },
    targetDate: view.targetDate,
    targetMonth: view.targetMonth,
    target: view.target,
    dueOn: view.dueOn,
    overdue: view.overdue,
    responsibleOfficer: view.responsibleOfficer?.name ?? null,
    status: view.status,
    completedOn: view.completedOn,
    rag: view.rag.rag,
    ragOverridden: view.rag.overridden,
    toExecutive: view.toExecutive,
    referredOn: view.referredOn,
    responseDueOn: view.responseDueOn,
    responseReceivedOn: view.responseReceivedOn,
    responseOverdue: view.responseOverdue,
    url: `/recommendations/${view.id}`,
    updates: view.updates.map((update) => ({ on: update.onDate, text: update.text })),
  }
}
