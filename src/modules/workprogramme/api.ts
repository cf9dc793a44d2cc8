import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiDate,
  apiId,
  apiLink,
  apiList,
  apiMonth,
  apiPaging,
  invalidQueryResponse,
  jsonResponse,
  notFoundResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import { KINDS, ORIGINS, STATUSES, apiQuerySchema } from './schema.ts'
import { type WorkProgrammeService, workProgrammePath } from './service.ts'
import { asThePublic } from '#src/platform/request-reads.ts'

const itemSchema = z
  .strictObject({
    id: apiId,
    body: z.strictObject({ id: apiId, name: z.string() }),
    title: z.string(),
    description: z.string().nullable(),
    kind: z.enum(KINDS),
    schedule: z
      .discriminatedUnion('type', [
        z.strictObject({
          type: z.literal('meeting'),
          meeting: z.strictObject({ date: apiDate, url: sitePath() }),
        }),
        z.strictObject({ type: z.literal('month'), month: apiMonth, date: apiDate.nullable() }),
        z.strictObject({ type: z.literal('to be confirmed') }),
      ])
      .describe('A meeting, a month (with the day when known), or to be confirmed'),
    timingNote: z.string().nullable(),
    origin: z.enum(ORIGINS),
    originNote: z.string().nullable(),
    originUrl: apiLink().nullable(),
    status: z.enum(STATUSES),
    leadOfficer: z.string().nullable(),
    url: sitePath(),
  })
  .meta({ id: 'WorkProgrammeItem' })

type ApiItem = Awaited<ReturnType<WorkProgrammeService['forApi']>>[number]

/** One item as open data: when it is planned for, and its links, never anything but what the page shows. */
function itemForApi(item: ApiItem): z.output<typeof itemSchema> {
  const { schedule } = item
  return {
    id: item.id,
    body: { id: item.body.id, name: item.body.name },
    title: item.title,
    description: item.description || null,
    kind: item.kind,
    schedule:
      schedule.type === 'meeting'
        ? { type: 'meeting', meeting: { date: schedule.meeting.date, url: `/meetings/${schedule.meeting.slug}` } }
        : schedule.type === 'month'
          ? { type: 'month', month: schedule.month, date: schedule.on }
          : { type: 'to be confirmed' },
    timingNote: item.timingNote || null,
    origin: item.origin,
    originNote: item.originNote || null,
    originUrl: item.originUrl,
    status: item.status,
    leadOfficer: item.leadOfficer || null,
    url: `${workProgrammePath(item.body.slug)}/${item.id}`,
  }
}

/** GET /api/v1/work-programme?body=<id>: one body's work programme, or every body's. */
export function workProgrammeApi(deps: { service: WorkProgrammeService }) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/work-programme',
      {
        schema: {
          operationId: 'listWorkProgramme',
          summary: 'Work programme items: what each committee plans to look at, and when',
          tags: ['Work programme'],
          querystring: apiQuerySchema.safeExtend(apiPaging),
          response: {
            200: jsonResponse(apiList('items', itemSchema), 'The items'),
            400: invalidQueryResponse(),
            404: notFoundResponse('There is no such body'),
          },
        },
      },
      async (request, reply) => {
        const { items, ...page } = request.openDataPage(
          await deps.service.forApi(asThePublic(request.ctx), request.query.body),
        )
        reply.header('cache-control', 'public, max-age=60')
        return { ...page, items: items.map(itemForApi) }
      },
    )
  }
}
