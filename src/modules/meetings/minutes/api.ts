import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Context } from '#src/platform/auth/user.ts'
import { invalidQuery } from '#src/platform/http/api-errors.ts'
import { meetingsQuerySchema } from './schema.ts'
import { type MinutesRecord, type MinutesService, minutesPath } from './service.ts'

/**
 * The open data API for meetings and their minutes. It answers as it would to the public, whoever
 * asks: no draft minutes and nothing of exempt items beyond their title and paragraph.
 */
export function minutesApi(deps: { service: MinutesService }) {
  const { service } = deps
  const publicContext = (request: FastifyRequest): Context => ({ user: null, requestId: request.id })

  return async function (app: FastifyInstance) {
    app.get('/api/v1/meetings', async (request, reply) => {
      const parsed = meetingsQuerySchema.safeParse(request.query ?? {})
      if (!parsed.success) {
        return reply.code(400).send(invalidQuery(parsed.error.issues))
      }
      const { body, from, to } = parsed.data
      const meetings = await service.listMeetings(publicContext(request), { bodyId: body, from, to })
      reply.header('cache-control', 'public, max-age=60')
      return {
        meetings: meetings.map((meeting) => ({ ...meetingSummary(meeting), minutesStatus: meeting.minutesStatus })),
      }
    })

    app.get('/api/v1/meetings/:id', async (request, reply) => {
      const { id } = request.params as { id: string }
      const record = await service.getMeetingRecord(publicContext(request), id)
      reply.header('cache-control', 'public, max-age=60')
      return meetingDetail(record)
    })
  }
}

function meetingSummary(meeting: {
  id: string
  slug: string
  body: { id: string; name: string }
  date: string
  startTime: string | null
  venue: string
  status: string
}) {
  return {
    id: meeting.id,
    slug: meeting.slug,
    body: { id: meeting.body.id, name: meeting.body.name },
    date: meeting.date,
    startTime: meeting.startTime,
    venue: meeting.venue || null,
    status: meeting.status,
    url: `/meetings/${meeting.slug}`,
  }
}

/** One meeting with its agenda and, once published, its minutes. */
function meetingDetail(record: MinutesRecord) {
  const { meeting, minutes, approval } = record
  return {
    ...meetingSummary({ ...meeting, body: record.body }),
    minutesStatus: minutes?.status ?? null,
    minutesUrl: minutes ? minutesPath(meeting.slug) : null,
    endedAt: minutes?.endedAtTime ?? null,
    approval: approval
      ? {
          on: approval.on,
          meeting: { id: approval.meeting.id, slug: approval.meeting.slug },
          item: approval.item.number,
          amendment: approval.amendment || null,
        }
      : null,
    items: record.items.map((item) => ({
      number: item.number,
      title: item.title,
      purpose: item.purpose || null,
      pages: item.pageFrom === null ? null : { from: item.pageFrom, to: item.pageTo ?? item.pageFrom },
      exempt: item.exempt ? { paragraph: item.exempt.paragraph } : null,
      minute: item.minute || null,
      resolutions: item.resolutions.map((resolution) => ({ number: resolution.number, text: resolution.text })),
    })),
    attendance: record.attendance.map((row) => ({
      name: row.name,
      capacity: row.capacity,
      status: row.status,
      roleAtMeeting: row.roleAtMeeting || null,
      chaired: row.chaired,
    })),
    declarations: record.declarations.map((row) => ({
      member: row.member,
      item: row.itemNumber,
      type: row.type,
      nature: row.nature,
    })),
  }
}
