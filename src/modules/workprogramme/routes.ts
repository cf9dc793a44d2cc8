import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { monthOrDateValues } from './month-or-date.ts'
import { workProgrammePaper } from './programme-paper.ts'
import type { WorkProgrammeRow } from './repository.ts'
import {
  FIELD_IDS,
  KINDS,
  KIND_LABELS,
  ORIGINS,
  ORIGIN_LABELS,
  STATUSES,
  STATUS_TAGS,
  viewQuerySchema,
  workProgrammeSchema,
} from './schema.ts'
import { type WorkProgrammeService, workProgrammePath } from './service.ts'

const views = 'modules/workprogramme/views'

const labels = { kinds: KIND_LABELS, origins: ORIGIN_LABELS, statusTags: STATUS_TAGS }
const kindItems = KINDS.map((value) => ({ value, text: KIND_LABELS[value] }))
const originItems = ORIGINS.map((value) => ({ value, text: ORIGIN_LABELS[value] }))
const statusItems = STATUSES.map((value) => ({ value, text: STATUS_TAGS[value].text }))

/** A stored item as the form shows it. */
function itemValues(item: WorkProgrammeRow): FormValues {
  return {
    ...item,
    schedule: item.meetingId ? 'meeting' : item.scheduledMonth ? 'month' : 'tbc',
    meetingId: item.meetingId ?? '',
    ...monthOrDateValues('when', { month: item.scheduledMonth, on: item.scheduledOn }),
    ...versionValue(item),
  }
}

const bySlug = { schema: { params: pathParams('slug') } }
const byItem = { schema: { params: pathParams('slug', 'id') } }
const itemPost = { schema: workProgrammeSchema, dates: ['when'], ids: FIELD_IDS }

/** A body's work programme: the page, one item, the add and change forms, and "put it on the agenda". */
/** Whether the form's "move it off the agenda" box was ticked. */
function confirmed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>).confirmMove === 'yes'
}

export function workProgrammeRoutes(deps: { service: WorkProgrammeService; audit: AuditReader; clock: Clock }) {
  const { service, audit } = deps
  const paper = workProgrammePaper(deps)

  async function form(
    ctx: Context,
    reply: FastifyReply,
    slug: string,
    item: WorkProgrammeRow | null,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const { body, meetings } = await service.formFor(ctx, slug)
    const data = { body, item, meetings, values, kindItems, originItems, statusItems, ...errors }
    return reply.page(`${views}/item-form.njk`, data, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    const programmeSchema = { params: pathParams('slug'), querystring: viewQuerySchema }
    app.get('/bodies/:slug/work-programme', { schema: programmeSchema }, async (request, reply) => {
      const { view, format } = request.query
      if (format) {
        const slug = request.params.slug
        return reply.paper(await paper(request.ctx, { body: slug }), format, `${slug}-work-programme`)
      }
      const programme = await service.programme(request.ctx, request.params.slug)
      return reply.page(`${views}/programme.njk`, {
        ...programme,
        ...labels,
        view,
        canEdit: can(request.user, 'workprogramme:edit'),
      })
    })

    app.get('/bodies/:slug/work-programme/new', bySlug, async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const values = { schedule: 'tbc', status: 'planned', origin: 'member request' }
      return form(request.ctx, reply, request.params.slug, null, values)
    })

    app.post('/bodies/:slug/work-programme', bySlug, async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const { body } = await service.formFor(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        ...itemPost,
        confirmation: 'Work programme item added',
        save: (input) => service.addItem(request.ctx, body.id, input),
        render: (values, errors) => form(request.ctx, reply, request.params.slug, null, values, errors),
        redirect: (item) => `${workProgrammePath(body.slug)}/${item.id}`,
      })
    })

    app.get('/bodies/:slug/work-programme/:id', byItem, async (request, reply) => {
      const { body, item } = await service.getItem(request.ctx, request.params.slug, request.params.id)
      const history = await audit.historyOf(request.ctx, 'work programme item', item.id)
      return reply.page(`${views}/item.njk`, {
        body,
        item,
        history,
        ...labels,
        canEdit: can(request.user, 'workprogramme:edit'),
        canAddToAgenda: can(request.user, 'workprogramme:edit') && can(request.user, 'meetings:edit'),
      })
    })

    app.get('/bodies/:slug/work-programme/:id/edit', byItem, async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const { item } = await service.getItem(request.ctx, request.params.slug, request.params.id)
      return form(request.ctx, reply, request.params.slug, item, itemValues(item))
    })

    app.post('/bodies/:slug/work-programme/:id/edit', byItem, async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const { body, item } = await service.getItem(request.ctx, request.params.slug, request.params.id)
      return submitForm(request, reply, {
        ...itemPost,
        confirmation: 'Work programme item updated',
        save: (input, version) =>
          service.updateItem(request.ctx, item.id, version, input, { confirmMove: confirmed(request.body) }),
        render: (values, errors) => form(request.ctx, reply, request.params.slug, item, values, errors),
        redirect: () => `${workProgrammePath(body.slug)}/${item.id}`,
      })
    })

    app.post('/bodies/:slug/work-programme/:id/agenda-item', byItem, async (request, reply) => {
      const { slug, id } = request.params
      return submitForm(request, reply, {
        confirmation: 'Put on the agenda',
        save: () => service.createAgendaItem(request.ctx, slug, id),
        render: async (_values, errors) => {
          const { body, item } = await service.getItem(request.ctx, slug, id)
          const history = await audit.historyOf(request.ctx, 'work programme item', item.id)
          const data = { body, item, history, ...labels, canEdit: true, canAddToAgenda: true, ...errors }
          return reply.page(`${views}/item.njk`, data, formStatus(errors))
        },
        redirect: (added) => `/meetings/${added.meeting.slug}#item-${added.position}`,
      })
    })
  }
}
