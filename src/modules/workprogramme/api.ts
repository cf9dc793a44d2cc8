import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Context } from '#src/platform/auth/user.ts'
import { invalidQuery } from '#src/platform/http/api-errors.ts'
import { apiQuerySchema } from './schema.ts'
import { type WorkProgrammeService, workProgrammePath } from './service.ts'

type ApiItem = Awaited<ReturnType<WorkProgrammeService['forApi']>>[number]

/** One item as open data: when it is planned for, and its links, never anything but what the page shows. */
function itemForApi(item: ApiItem) {
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
  const publicContext = (request: FastifyRequest): Context => ({ user: null, requestId: request.id })

  return async function (app: FastifyInstance) {
    app.get('/api/v1/work-programme', async (request, reply) => {
      const parsed = apiQuerySchema.safeParse(request.query ?? {})
      if (!parsed.success) {
        return reply.code(400).send(invalidQuery(parsed.error.issues))
      }
      const items = await deps.service.forApi(publicContext(request), parsed.data.body)
      reply.header('cache-control', 'public, max-age=60')
      return { items: items.map(itemForApi) }
    })
  }
}
