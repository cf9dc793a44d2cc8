import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, selectItems } from '#src/platform/forms/values.ts'
import { clockTime, longDate } from '#src/platform/views/filters.ts'
import { PAPER_FORMATS, sendPaper, sendPdf } from '#src/platform/papers/send.ts'
import { likelyApprovalItem } from './approval.ts'
import { attendanceRoutes } from './attendance-routes.ts'
import { itemRoutes } from './item-routes.ts'
import {
  type MinutesRequest,
  type MinutesRouteDeps,
  type Recording,
  base,
  editPath,
  minutesParams,
  recordParams,
  recordingIn,
  renderRecordPage,
  views,
} from './recording-request.ts'
import { approvalSchema, endedAtSchema, unpublishSchema } from './schema.ts'
import { minutesPath } from './service.ts'

/** The minutes page, and recording the minutes: start, the end time, publish, unpublish, approve. */
export function minutesRoutes(deps: MinutesRouteDeps) {
  const { service, audit } = deps

  async function minutesPage(request: MinutesRequest, reply: FastifyReply, errors: FieldErrors = noErrors) {
    const record = await service.getMinutes(request.ctx, request.params.slug)
    const history = record.minutes ? await audit.historyOf(request.ctx, 'minutes', record.meeting.id) : []
    const canEdit = can(request.user, 'minutes:edit')
    const canTrack = can(request.user, 'recommendations:edit')
    const canEditMotions = can(request.user, 'meetings:edit')
    const resolutionIds = record.items.flatMap((item) => item.resolutions.map((resolution) => resolution.id))
    const tracked = Object.fromEntries(await deps.trackedResolutions(request.ctx, resolutionIds))
    const page = { record, history, canEdit, canTrack, canEditMotions, tracked, ...errors }
    return reply.page(`${views}/minutes.njk`, page, formStatus(errors))
  }

  /** A page of the recording with its form: `values` as stored or posted. */
  const formPage =
    (template: string) =>
    (reply: FastifyReply, record: Recording, values: FormValues, errors: FieldErrors = noErrors) =>
      reply.page(`${views}/${template}`, { record, values, ...errors }, formStatus(errors))
  const endedPage = formPage('ended-form.njk')
  const publishPage = formPage('publish.njk')
  const unpublishPage = formPage('unpublish.njk')

  async function approvePage(
    request: MinutesRequest,
    reply: FastifyReply,
    record: Recording,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const choices = await service.approvalChoices(request.ctx, record.meeting.id)
    const options = choices.flatMap((meeting) =>
      meeting.items.map((item) => ({
        value: item.id,
        text: `${longDate(meeting.date)}, item ${item.number}: ${item.title}`,
      })),
    )
    const selected = values.agendaItemId ?? likelyApprovalItem(choices)?.id
    const approvalItems = options.length ? selectItems('Select a meeting and item', options, selected) : []
    return reply.page(`${views}/approve.njk`, { record, approvalItems, values, ...errors }, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    await app.register(attendanceRoutes(deps))
    await app.register(itemRoutes(deps))

    app.get(base, minutesParams, (request, reply) => minutesPage(request, reply))

    // The minutes printed, to exactly whom the page shows them: a PDF to read, a Word document to edit.
    for (const format of PAPER_FORMATS)
      app.get(`${base}.${format}`, minutesParams, async (request, reply) => {
        const name = `minutes-${request.params.slug}`
        if (format === 'pdf') {
          const pdf = await service.minutesPdf(request.ctx, request.params.slug)
          if ('kept' in pdf) return sendPdf(reply, pdf.kept, `${name}.pdf`, true)
          return sendPaper(reply, pdf.paper, format, name)
        }
        return sendPaper(reply, await service.minutesPaper(request.ctx, request.params.slug), format, name)
      })

    // A draft as published before the minutes were approved with amendments: the history of the record.
    app.get(`${base}/versions/:id`, recordParams, async (request, reply) => {
      const record = await service.getPublishedDraft(request.ctx, request.params.slug, request.params.id)
      return reply.page(`${views}/published-draft.njk`, { record })
    })

    app.post(`${base}/start`, minutesParams, async (request, reply) => {
      assertCan(request.user, 'minutes:edit')
      const record = await service.getMinutes(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        confirmation: 'Minutes started',
        save: () => service.startMinutes(request.ctx, record.meeting.id),
        render: (_values, errors) => minutesPage(request, reply, errors),
        redirect: () => editPath(record.meeting.slug),
      })
    })

    app.get(`${base}/edit`, minutesParams, (request, reply) => {
      assertCan(request.user, 'minutes:edit')
      return renderRecordPage(deps, request, reply)
    })

    app.get(`${base}/ended`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      return endedPage(reply, record, { endedAt: clockTime(record.minutes?.endedAtTime) })
    })

    app.post(`${base}/ended`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      return submitForm(request, reply, {
        schema: endedAtSchema,
        confirmation: 'Finish time recorded',
        save: (input) => service.recordEndedAt(request.ctx, record.meeting.id, input.endedAt),
        render: (values, errors) => endedPage(reply, record, values, errors),
        redirect: () => `${editPath(record.meeting.slug)}#ended`,
      })
    })

    app.get(`${base}/publish`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      return record ? publishPage(reply, record, {}) : reply
    })

    app.post(`${base}/publish`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      return submitForm(request, reply, {
        confirmation: 'Minutes published',
        save: () => service.publishMinutes(request.ctx, record.meeting.id),
        render: (_values, errors) => publishPage(reply, record, {}, errors),
        redirect: () => minutesPath(record.meeting.slug),
      })
    })

    app.get(`${base}/unpublish`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply, 'published')
      return record ? unpublishPage(reply, record, {}) : reply
    })

    app.post(`${base}/unpublish`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply, 'published')
      if (!record) return reply
      return submitForm(request, reply, {
        schema: unpublishSchema,
        confirmation: 'Minutes taken back to draft',
        save: (input) => service.unpublishMinutes(request.ctx, record.meeting.id, input.reason),
        render: (values, errors) => unpublishPage(reply, record, values, errors),
        redirect: () => editPath(record.meeting.slug),
      })
    })

    app.get(`${base}/approve`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply, 'published')
      return record ? approvePage(request, reply, record, {}) : reply
    })

    app.post(`${base}/approve`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply, 'published')
      if (!record) return reply
      return submitForm(request, reply, {
        schema: approvalSchema,
        confirmation: 'Approval of the minutes recorded',
        save: (input) => service.approveMinutes(request.ctx, record.meeting.id, input),
        render: (values, errors) => approvePage(request, reply, record, values, errors),
        redirect: () => minutesPath(record.meeting.slug),
      })
    })
  }
}
