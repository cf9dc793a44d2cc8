import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, attempt, formStatus, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { joinDateParts } from '#src/platform/forms/fields.ts'
import { monthOrDateValues } from './month-or-date.ts'
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
type Values = Record<string, unknown>

const labels = { kinds: KIND_LABELS, origins: ORIGIN_LABELS, statusTags: STATUS_TAGS }
const kindItems = KINDS.map((value) => ({ value, text: KIND_LABELS[value] }))
const originItems = ORIGINS.map((value) => ({ value, text: ORIGIN_LABELS[value] }))
const statusItems = STATUSES.map((value) => ({ value, text: STATUS_TAGS[value].text }))

/** A stored item as the form shows it. */
function itemValues(item: WorkProgrammeRow): Values {
  return {
    ...item,
    schedule: item.meetingId ? 'meeting' : item.scheduledMonth ? 'month' : 'tbc',
    meetingId: item.meetingId ?? '',
    ...monthOrDateValues('when', { month: item.scheduledMonth, on: item.scheduledOn }),
    ...versionValue(item),
  }
}

const params = (request: FastifyRequest) => request.params as { slug: string; id?: string }

/** A body's work programme: the page, one item, the add and change forms, and "put it on the agenda". */
export function workProgrammeRoutes(deps: { service: WorkProgrammeService; audit: AuditReader }) {
  const { service, audit } = deps

  async function form(
    request: FastifyRequest,
    reply: FastifyReply,
    item: WorkProgrammeRow | null,
    values: Values,
    errors: FieldErrors = noErrors,
  ) {
    const { body, meetings } = await service.formFor(request.ctx, params(request).slug)
    const data = { body, item, meetings, values, kindItems, originItems, statusItems, ...errors }
    return reply.page(`${views}/item-form.njk`, data, formStatus(errors))
  }

  const posted = (request: FastifyRequest) => {
    const values = (request.body ?? {}) as Values
    return {
      values,
      parsed: parseForm(workProgrammeSchema, { ...values, when: joinDateParts(values, 'when') }, FIELD_IDS),
    }
  }

  return async function (app: FastifyInstance) {
    app.get('/bodies/:slug/work-programme', async (request, reply) => {
      const { view } = viewQuerySchema.parse(request.query ?? {})
      const programme = await service.programme(request.ctx, params(request).slug)
      return reply.page(`${views}/programme.njk`, {
        ...programme,
        ...labels,
        view,
        canEdit: can(request.user, 'workprogramme:edit'),
      })
    })

    app.get('/bodies/:slug/work-programme/new', async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      return form(request, reply, null, { schedule: 'tbc', status: 'planned', origin: 'member request' })
    })

    app.post('/bodies/:slug/work-programme', async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const { body } = await service.formFor(request.ctx, params(request).slug)
      const { values, parsed } = posted(request)
      const result = parsed.ok ? await attempt(() => service.addItem(request.ctx, body.id, parsed.value)) : parsed
      if (!result.ok) return form(request, reply, null, values, result)
      return reply.redirect(`${workProgrammePath(body.slug)}/${result.value.id}`, 303)
    })

    app.get('/bodies/:slug/work-programme/:id', async (request, reply) => {
      const { body, item } = await service.getItem(request.ctx, params(request).slug, params(request).id!)
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

    app.get('/bodies/:slug/work-programme/:id/edit', async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const { item } = await service.getItem(request.ctx, params(request).slug, params(request).id!)
      return form(request, reply, item, itemValues(item))
    })

    app.post('/bodies/:slug/work-programme/:id/edit', async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const { body, item } = await service.getItem(request.ctx, params(request).slug, params(request).id!)
      const { values, parsed } = posted(request)
      const version = submittedVersion(request.body)
      const result = parsed.ok
        ? await attempt(() => service.updateItem(request.ctx, item.id, version, parsed.value))
        : parsed
      if (!result.ok) return form(request, reply, item, values, result)
      return reply.redirect(`${workProgrammePath(body.slug)}/${item.id}`, 303)
    })

    app.post('/bodies/:slug/work-programme/:id/agenda-item', async (request, reply) => {
      const { slug, id } = params(request)
      const result = await attempt(() => service.createAgendaItem(request.ctx, slug, id!))
      if (!result.ok) {
        const { body, item } = await service.getItem(request.ctx, slug, id!)
        const history = await audit.historyOf(request.ctx, 'work programme item', item.id)
        const data = { body, item, history, ...labels, canEdit: true, canAddToAgenda: true, ...result }
        return reply.page(`${views}/item.njk`, data, 400)
      }
      return reply.redirect(`/meetings/${result.value.meeting.slug}#item-${result.value.number}`, 303)
    })
  }
}
