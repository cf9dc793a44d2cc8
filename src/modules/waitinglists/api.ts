import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiList,
  apiMonth,
  apiPaging,
  invalidQueryResponse,
  jsonResponse,
  notFoundResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import { monthQuerySchema } from './schema.ts'
import type { WaitingListsService } from './service.ts'
import { asThePublic } from '#src/platform/request-reads.ts'

const count = (description: string) => z.int().min(0).nullable().describe(description)
const weeks = (description: string) => z.number().min(0).nullable().describe(description)

const waitingListSchema = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    provider: z.string().nullable(),
    url: sitePath('The service’s page, with every month’s figures'),
    recorded: z.boolean().describe('Whether the month has figures for this service'),
    referralsWaiting: count('Referrals at month end awaiting first contact'),
    over18Weeks: count('Number waiting more than 18 weeks'),
    over52Weeks: count('Number waiting more than 52 weeks'),
    over78Weeks: count('Number waiting more than 78 weeks'),
    averageWeeks: weeks('Average wait in weeks'),
    longestWeeks: weeks('Longest wait in weeks'),
    shareOver18Weeks: count('Percentage of referrals waiting more than 18 weeks, rounded'),
    referralsWaitingChange: z
      .int()
      .nullable()
      .describe('Change in referrals waiting from the month before, when both are recorded'),
    source: z.string().nullable(),
  })
  .meta({ id: 'WaitingList' })

const dashboardSchema = apiList('services', waitingListSchema, {
  month: apiMonth.nullable().describe('The month shown; null when no figures have been recorded'),
})

/** GET /api/v1/waiting-lists?month=YYYY-MM: each service's month-end figures (by default the dashboard's month). */
export function waitingListsApi(deps: { service: WaitingListsService }) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/waiting-lists',
      {
        schema: {
          operationId: 'listWaitingLists',
          summary: 'Health services’ waiting lists for children at the end of a month',
          tags: ['Waiting lists'],
          querystring: monthQuerySchema.safeExtend(apiPaging),
          response: {
            200: jsonResponse(
              dashboardSchema,
              'Every service, with its figures for the month (null where not recorded)',
            ),
            400: invalidQueryResponse('The month is not valid'),
            404: notFoundResponse('No figures for that month'),
          },
        },
      },
      async (request, reply) => {
        const dashboard = await deps.service.forApi(asThePublic(request.ctx), request.query.month)
        const { items, ...page } = request.openDataPage(dashboard.services)
        reply.header('cache-control', 'public, max-age=60')
        return {
          ...page,
          month: dashboard.month,
          services: items.map((service) => {
            const figures = service.figures
            return {
              slug: service.slug,
              name: service.name,
              provider: service.provider || null,
              url: `/waiting-lists/${service.slug}`,
              recorded: figures !== null,
              referralsWaiting: figures?.referralsWaiting ?? null,
              over18Weeks: figures?.over18Weeks ?? null,
              over52Weeks: figures?.over52Weeks ?? null,
              over78Weeks: figures?.over78Weeks ?? null,
              averageWeeks: figures?.averageWeeks ?? null,
              longestWeeks: figures?.longestWeeks ?? null,
              shareOver18Weeks: figures?.shareOver18Weeks ?? null,
              referralsWaitingChange: figures?.changes.referralsWaiting?.delta ?? null,
              source: figures?.source || null,
            }
          }),
        }
      },
    )
  }
}
