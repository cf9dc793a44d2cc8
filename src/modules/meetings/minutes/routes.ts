import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, attempt, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { clockTime, longDate } from '#src/platform/views/filters.ts'
import { likelyApprovalItem } from './approval.ts'
import { attendanceRoutes } from './attendance-routes.ts'
import { itemRoutes } from './item-routes.ts'
import {
  type MinutesRouteDeps,
  type Recording,
  base,
  editPath,
  formOf,
  params,
  recordingIn,
  renderRecordPage,
  selectItems,
  views,
} from './recording-request.ts'
import { approvalSchema, endedAtSchema, unpublishSchema } from './schema.ts'
import { minutesPath } from './service.ts'

/** The minutes page, and recording the minutes: start, the end time, publish, unpublish, approve. */
export function minutesRoutes(deps: MinutesRouteDeps) {
  const { service, audit } = deps

  async function minutesPage(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors = noErrors,
    status = 200,
  ) {
    const record = await service.getMinutes(request.ctx, params(request).slug)
    const history = record.minutes ? await audit.historyOf(request.ctx, 'minutes', record.meeting.id) : []
    const canEdit = can(request.user, 'minutes:edit')
    const canTrack = can(request.user, 'recommendations:edit')
    return reply.page(`${views}/minutes.njk`, { record, history, canEdit, canTrack, ...errors }, status)
  }

  const endedPage = (reply: FastifyReply, record: Recording, data: object, status = 200) =>
    reply.page(`${views}/ended-form.njk`, { record, ...data }, status)
  const publishPage = (reply: FastifyReply, record: Recording, errors: FieldErrors = noErrors, status = 200) =>
    reply.page(`${views}/publish.njk`, { record, ...errors }, status)
  const unpublishPage = (reply: FastifyReply, record: Recording, data: object, status = 200) =>
    reply.page(`${views}/unpublish.njk`, { record, ...data }, status)

  async function approvePage(
    request: FastifyRequest,
    reply: FastifyReply,
    record: Recording,
    data: { values: Record<string, unknown> },
    status = 200,
  ) {
    const choices = await service.approvalChoices(request.ctx, record.meeting.id)
    const options = choices.flatMap((meeting) =>
      meeting.items.map((item) => ({
        value: item.id,
        text: `${longDate(meeting.date)}, item ${item.number}: ${item.title}`,
      })),
    )
    const selected = data.values.agendaItemId ?? likelyApprovalItem(choices)?.id
    const approvalItems = options.length ? selectItems(options, selected, 'Select a meeting and item') : []
    return reply.page(`${views}/approve.njk`, { record, approvalItems, ...data }, status)
  }

  return async function (app: FastifyInstance) {
    await app.register(attendanceRoutes(deps))
    await app.register(itemRoutes(deps))

    app.get(base, (request, reply) => minutesPage(request, reply))

    app.post(`${base}/start`, async (request, reply) => {
      assertCan(request.user, 'minutes:edit')
      const record = await service.getMinutes(request.ctx, params(request).slug)
      const result = await attempt(() => service.startMinutes(request.ctx, record.meeting.id))
      if (!result.ok) return minutesPage(request, reply, result, 400)
      return reply.redirect(editPath(record.meeting.slug), 303)
    })

    app.get(`${base}/edit`, (request, reply) => {
      assertCan(request.user, 'minutes:edit')
      return renderRecordPage(deps, request, reply)
    })

    app.get(`${base}/ended`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      return endedPage(reply, record, { values: { endedAt: clockTime(record.minutes?.endedAtTime) } })
    })

    app.post(`${base}/ended`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const values = formOf(request)
      const parsed = parseForm(endedAtSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.recordEndedAt(request.ctx, record.meeting.id, parsed.value.endedAt))
        : parsed
      if (!result.ok) return endedPage(reply, record, { values, ...result }, 400)
      return reply.redirect(`${editPath(record.meeting.slug)}#ended`, 303)
    })

    app.get(`${base}/publish`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      return record ? publishPage(reply, record) : reply
    })

    app.post(`${base}/publish`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const result = await attempt(() => service.publishMinutes(request.ctx, record.meeting.id))
      if (!result.ok) return publishPage(reply, record, result, 400)
      return reply.redirect(minutesPath(record.meeting.slug), 303)
    })

    app.get(`${base}/unpublish`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply, 'published')
      return record ? unpublishPage(reply, record, { values: {} }) : reply
    })

    app.post(`${base}/unpublish`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply, 'published')
      if (!record) return reply
      const values = formOf(request)
      const parsed = parseForm(unpublishSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.unpublishMinutes(request.ctx, record.meeting.id, parsed.value.reason))
        : parsed
      if (!result.ok) return unpublishPage(reply, record, { values, ...result }, 400)
      return reply.redirect(editPath(record.meeting.slug), 303)
    })

    app.get(`${base}/approve`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply, 'published')
      return record ? approvePage(request, reply, record, { values: {} }) : reply
    })

    app.post(`${base}/approve`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply, 'published')
      if (!record) return reply
      const values = formOf(request)
      const parsed = parseForm(approvalSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.approveMinutes(request.ctx, record.meeting.id, parsed.value))
        : parsed
      if (!result.ok) return approvePage(request, reply, record, { values, ...result }, 400)
      return reply.redirect(minutesPath(record.meeting.slug), 303)
    })
  }
}
