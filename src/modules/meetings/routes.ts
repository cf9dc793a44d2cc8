import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { longDateWithDay } from '#src/platform/views/filters.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { paginationParams } from '#src/platform/http/pagination.ts'
import { agendaRoutes } from './agenda/routes.ts'
import { paperRoutes } from './agenda/paper-routes.ts'
import { motionRoutes } from './motions/routes.ts'
import { questionRoutes } from './questions/routes.ts'
import { voteRoutes } from './votes/routes.ts'
import { withVotes } from './votes/attach.ts'
import { byItem } from './by-item.ts'
import { speakerRoutes } from './speakers/routes.ts'
import { meetingValues } from './form-values.ts'
import type { MeetingRow } from './repository.ts'
import { appendixRoutes } from './reports/appendix-routes.ts'
import { reportRoutes } from './reports/routes.ts'
import { reportUploadRoutes } from './reports/upload-routes.ts'
import { type MeetingsRouteDeps, meetingParams, views } from './route-context.ts'
import {
  MEETING_STATUSES,
  AGENDA_ITEM_STATUS_TAGS,
  MEETING_STATUS_TAGS,
  MEETING_TYPES,
  MEETING_TYPE_NAMES,
  calendarQuerySchema,
  meetingSchema,
  newMeetingQuerySchema,
  newMeetingSchema,
} from './schema.ts'

const statusItems = MEETING_STATUSES.map((status) => ({ value: status, text: MEETING_STATUS_TAGS[status].text }))
const typeItems = MEETING_TYPES.map((type) => ({ value: type, text: MEETING_TYPE_NAMES[type] }))

/** The calendar, the meeting page, and the forms that schedule and change meetings. */
export function meetingsRoutes(deps: MeetingsRouteDeps) {
  const { service, audit, bodies } = deps

  async function newMeetingForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const bodyList = await bodies.listBodies(request.ctx)
    return reply.page(
      `${views}/meeting-form.njk`,
      { bodies: bodyList, values, typeItems, ...errors },
      formStatus(errors),
    )
  }

  const meetingForm = (reply: FastifyReply, meeting: MeetingRow, values: FormValues, errors: FieldErrors = noErrors) =>
    reply.page(`${views}/meeting-form.njk`, { meeting, values, statusItems, typeItems, ...errors }, formStatus(errors))

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    await app.register(agendaRoutes(deps))
    await app.register(paperRoutes(deps))
    await app.register(reportRoutes(deps))
    await app.register(appendixRoutes(deps))
    await app.register(reportUploadRoutes(deps))
    await app.register(questionRoutes(deps))
    await app.register(motionRoutes(deps))
    await app.register(voteRoutes(deps))
    await app.register(speakerRoutes(deps))

    app.get('/meetings', { schema: { querystring: calendarQuerySchema } }, async (request, reply) => {
      const { body: bodySlug, page } = request.query
      const calendar = await service.calendarPage(request.ctx, { bodySlug, page })
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

    app.get('/meetings/new', { schema: { querystring: newMeetingQuerySchema } }, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      return newMeetingForm(request, reply, { bodyId: request.query.body, type: 'ordinary' })
    })

    app.post('/meetings', async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      return submitForm(request, reply, {
        schema: newMeetingSchema,
        dates: ['date'],
        save: (input) => service.createMeeting(request.ctx, input),
        render: (values, errors) => newMeetingForm(request, reply, values, errors),
        redirect: (meeting) => `/meetings/${meeting.slug}`,
        confirmation: 'Meeting added',
      })
    })

    app.get('/meetings/:slug', meetingParams, async (request, reply) => {
      const { meeting, items, minutes, itemMinutes, venueChanges, supplements, agendaReadable } =
        await service.getMeeting(request.ctx, request.params.slug)
      const [history, source] = await Promise.all([
        audit.historyOf(request.ctx, 'meeting', meeting.id),
        deps.sources(request.ctx, 'meeting', meeting.id),
      ])
      const [questions, speakers, moved, votes, documents, papers] = await Promise.all([
        service.questionsFor(request.ctx, meeting),
        service.speakersFor(request.ctx, meeting),
        service.motionsFor(request.ctx, meeting, minutes, items),
        service.votesOfMeeting(request.ctx, meeting),
        service.itemDocumentsOf(request.ctx, meeting),
        service.publishedPapersOf(request.ctx, meeting.id),
      ])
      const [asked, spoke, motions] = [
        byItem(questions, items),
        byItem(speakers, items),
        byItem(withVotes(moved, votes.all), items),
      ]
      return reply.page(`${views}/meeting.njk`, {
        meeting,
        meetingQuestions: asked.ofMeeting,
        itemQuestions: asked.ofItem,
        meetingMotions: motions.ofMeeting,
        itemMotions: motions.ofItem,
        itemVotes: votes.byItem,
        meetingSpeakers: spoke.ofMeeting,
        itemSpeakers: spoke.ofItem,
        itemDocuments: Object.fromEntries(documents),
        items,
        minutes,
        itemMinutes,
        venueChanges,
        supplements,
        agendaReadable,
        papers,
        history,
        source,
        statusTag: MEETING_STATUS_TAGS[meeting.status],
        itemStatusTags: AGENDA_ITEM_STATUS_TAGS,
        typeName: MEETING_TYPE_NAMES[meeting.type],
        canEdit: can(request.user, 'meetings:edit'),
        canEditReports: can(request.user, 'reports:edit'),
        canEditMinutes: can(request.user, 'minutes:edit'),
      })
    })

    app.get('/meetings/:slug/delete', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.meetingToDelete(request.ctx, request.params.slug)
      return reply.page(`${views}/meeting-delete.njk`, found)
    })

    app.post('/meetings/:slug/delete', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.meetingToDelete(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        save: () => service.deleteMeeting(request.ctx, request.params.slug),
        render: (_values, errors) =>
          reply.page(`${views}/meeting-delete.njk`, { ...found, ...errors }, formStatus(errors)),
        redirect: (meeting) => `/bodies/${meeting.bodySlug}`,
        confirmation: (meeting) => `Meeting on ${longDateWithDay(meeting.date)} deleted`,
      })
    })

    app.get('/meetings/:slug/edit', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const meeting = await service.meetingToEdit(request.ctx, request.params.slug)
      return meetingForm(reply, meeting, { ...meetingValues(meeting), ...versionValue(meeting) })
    })

    app.post('/meetings/:slug/edit', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const meeting = await service.meetingToEdit(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: meetingSchema,
        dates: ['date'],
        save: (input, version) => service.updateMeeting(request.ctx, meeting.id, version, input),
        render: (values, errors) => meetingForm(reply, meeting, values, errors),
        redirect: () => `/meetings/${meeting.slug}`,
        confirmation: 'Meeting updated',
      })
    })
  }
}
