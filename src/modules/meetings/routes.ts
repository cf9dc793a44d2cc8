import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, attempt, formStatus, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { pageNumber, paginationParams } from '#src/platform/http/pagination.ts'
import { agendaRoutes } from './agenda/routes.ts'
import { type FormValues, meetingValues, paperParams, withJoinedDates } from './form-values.ts'
import { appendixRoutes } from './reports/appendix-routes.ts'
import { reportRoutes } from './reports/routes.ts'
import { type MeetingsRouteDeps, views } from './route-context.ts'
import { FIELD_IDS, MEETING_STATUSES, MEETING_STATUS_TAGS, meetingSchema, newMeetingSchema } from './schema.ts'

const statusItems = MEETING_STATUSES.map((status) => ({ value: status, text: MEETING_STATUS_TAGS[status].text }))

/** The calendar, the meeting page, and the forms that schedule and change meetings. */
export function meetingsRoutes(deps: MeetingsRouteDeps) {
  const { service, audit, bodies } = deps

  async function newMeetingPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const bodyList = await bodies.listBodies(request.ctx)
    return reply.page(
      `${views}/meeting-form.njk`,
      { bodies: bodyList, values, ...errors },
      errors === noErrors ? 200 : 400,
    )
  }

  return async function (app: FastifyInstance) {
    await app.register(agendaRoutes(deps))
    await app.register(reportRoutes(deps))
    await app.register(appendixRoutes(deps))

    app.get('/meetings', async (request, reply) => {
      const query = request.query as { body?: string; page?: string }
      const bodySlug = typeof query.body === 'string' && query.body ? query.body : undefined
      const calendar = await service.calendarPage(request.ctx, { bodySlug, page: pageNumber(query.page) })
      const href = (page: number) =>
        `/meetings?${new URLSearchParams({ ...(bodySlug ? { body: bodySlug } : {}), page: String(page) })}`
      const pagination = paginationParams({
        page: calendar.page,
        total: calendar.pastTotal,
        pageSize: calendar.pageSize,
        href,
      })
      const canEdit = can(request.user, 'meetings:edit')
      return reply.page(`${views}/calendar.njk`, { calendar, pagination, statusTags: MEETING_STATUS_TAGS, canEdit })
    })

    app.get('/meetings/new', async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { body } = request.query as { body?: string }
      return newMeetingPage(request, reply, { bodyId: typeof body === 'string' ? body : '' })
    })

    app.post('/meetings', async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const values = (request.body ?? {}) as FormValues
      const parsed = parseForm(newMeetingSchema, withJoinedDates(request.body, ['date']), FIELD_IDS)
      const result = parsed.ok ? await attempt(() => service.createMeeting(request.ctx, parsed.value)) : parsed
      if (!result.ok) return newMeetingPage(request, reply, values, result)
      return reply.redirect(`/meetings/${result.value.slug}`, 303)
    })

    app.get('/meetings/:slug', async (request, reply) => {
      const { meeting, items, minutes } = await service.getMeeting(request.ctx, paperParams(request).slug)
      const history = await audit.historyOf(request.ctx, 'meeting', meeting.id)
      return reply.page(`${views}/meeting.njk`, {
        meeting,
        items,
        minutes,
        history,
        statusTag: MEETING_STATUS_TAGS[meeting.status],
        canEdit: can(request.user, 'meetings:edit'),
        canEditReports: can(request.user, 'reports:edit'),
        canEditMinutes: can(request.user, 'minutes:edit'),
      })
    })

    app.get('/meetings/:slug/edit', async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const meeting = await service.meetingToEdit(request.ctx, paperParams(request).slug)
      const values = { ...meetingValues(meeting), ...versionValue(meeting) }
      return reply.page(`${views}/meeting-form.njk`, { meeting, values, statusItems })
    })

    app.post('/meetings/:slug/edit', async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const meeting = await service.meetingToEdit(request.ctx, paperParams(request).slug)
      const values = (request.body ?? {}) as FormValues
      const parsed = parseForm(meetingSchema, withJoinedDates(request.body, ['date']), FIELD_IDS)
      const version = submittedVersion(request.body)
      const result = parsed.ok
        ? await attempt(() => service.updateMeeting(request.ctx, meeting.id, version, parsed.value))
        : parsed
      if (!result.ok) {
        return reply.page(`${views}/meeting-form.njk`, { meeting, values, statusItems, ...result }, formStatus(result))
      }
      return reply.redirect(`/meetings/${meeting.slug}`, 303)
    })
  }
}
