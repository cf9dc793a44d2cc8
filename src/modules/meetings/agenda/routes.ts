import type { FastifyInstance, FastifyReply } from 'fastify'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, attempt, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { type FormValues, itemValues, paperParams, withJoinedDates } from '../form-values.ts'
import type { MeetingRow } from '../repository.ts'
import { type MeetingsRouteDeps, views } from '../route-context.ts'
import { FIELD_IDS, agendaItemSchema, paragraphItems } from '../schema.ts'

const itemPath = '/meetings/:slug/items/:number'

/** Adding, changing and removing agenda items (scrutiny officers). */
export function agendaRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  function itemForm(
    reply: FastifyReply,
    data: { meeting: MeetingRow; values: FormValues; number?: number },
    errors: FieldErrors = noErrors,
  ) {
    const status = errors === noErrors ? 200 : 400
    return reply.page(
      `${views}/item-form.njk`,
      { ...data, paragraphItems: paragraphItems(data.values.exemptParagraph), ...errors },
      status,
    )
  }

  const parseItem = (body: unknown) => parseForm(agendaItemSchema, withJoinedDates(body, ['exemptReviewOn']), FIELD_IDS)
  const agendaPath = (meeting: MeetingRow, number: number) => `/meetings/${meeting.slug}#item-${number}`

  return async function (app: FastifyInstance) {
    app.get('/meetings/:slug/items/new', async (request, reply) => {
      const { meeting, nextNumber } = await service.itemToAdd(request.ctx, paperParams(request).slug)
      return itemForm(reply, { meeting, values: { number: String(nextNumber) } })
    })

    app.post('/meetings/:slug/items', async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const meeting = await service.meetingToEdit(request.ctx, paperParams(request).slug)
      const parsed = parseItem(request.body)
      const result = parsed.ok ? await attempt(() => service.addItem(request.ctx, meeting.id, parsed.value)) : parsed
      if (!result.ok) return itemForm(reply, { meeting, values: request.body as FormValues }, result)
      return reply.redirect(agendaPath(meeting, result.value.number), 303)
    })

    app.get(`${itemPath}/edit`, async (request, reply) => {
      const { slug, number } = paperParams(request)
      const { meeting, item } = await service.itemToEdit(request.ctx, slug, number)
      return itemForm(reply, { meeting, number, values: itemValues(item) })
    })

    app.post(`${itemPath}/edit`, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { slug, number } = paperParams(request)
      const { meeting, item } = await service.itemToEdit(request.ctx, slug, number)
      const parsed = parseItem(request.body)
      const result = parsed.ok ? await attempt(() => service.updateItem(request.ctx, item.id, parsed.value)) : parsed
      if (!result.ok) return itemForm(reply, { meeting, number, values: request.body as FormValues }, result)
      return reply.redirect(agendaPath(meeting, result.value.number), 303)
    })

    app.get(`${itemPath}/delete`, async (request, reply) => {
      const { slug, number } = paperParams(request)
      return reply.page(`${views}/item-delete.njk`, await service.itemToEdit(request.ctx, slug, number))
    })

    app.post(`${itemPath}/delete`, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { slug, number } = paperParams(request)
      const found = await service.itemToEdit(request.ctx, slug, number)
      const result = await attempt(() => service.removeItem(request.ctx, found.item.id))
      if (!result.ok) return reply.page(`${views}/item-delete.njk`, { ...found, ...result }, 400)
      return reply.redirect(`/meetings/${found.meeting.slug}#agenda`, 303)
    })
  }
}
