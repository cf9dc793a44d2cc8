import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, formStatus, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { paragraphItems } from '#src/platform/exemption/schedule-12a.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { itemHeading } from '#src/platform/views/filters.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { itemValues } from '../form-values.ts'
import type { AgendaItemRow, MeetingRow } from '../repository.ts'
import { type MeetingsRouteDeps, itemParams, meetingParams, views } from '../route-context.ts'
import { agendaItemSchema, moveItemSchema, publishAgendaSchema, supplementSchema } from '../schema.ts'

const itemPath = '/meetings/:slug/items/:position'

/** Adding, changing and removing agenda items, and publishing the agenda (scrutiny officers). */
export function agendaRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  function itemForm(
    reply: FastifyReply,
    data: { meeting: MeetingRow; values: FormValues; item?: AgendaItemRow },
    errors: FieldErrors = noErrors,
  ) {
    return reply.page(
      `${views}/item-form.njk`,
      { ...data, paragraphItems: paragraphItems(data.values.exemptParagraph), ...errors },
      formStatus(errors),
    )
  }

  const agendaPath = (meeting: MeetingRow, item: { position: number }) =>
    `/meetings/${meeting.slug}#item-${item.position}`

  const publishForm = (
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof service.agendaToPublish>>,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) => reply.page(`${views}/agenda-publish.njk`, { ...found, values, ...errors }, formStatus(errors))

  const supplementForm = (
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof service.supplementToPublish>>,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) => {
    const ticked = new Set([values.itemIds ?? []].flat())
    const itemChoices = found.items.map((item) => ({
      value: item.id,
      text: itemHeading(item),
      checked: ticked.has(item.id),
    }))
    return reply.page(
      `${views}/agenda-supplement.njk`,
      { ...found, itemChoices, values, ...errors },
      formStatus(errors),
    )
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/meetings/:slug/items/new', meetingParams, async (request, reply) => {
      const { meeting, nextNumber } = await service.itemToAdd(request.ctx, request.params.slug)
      return itemForm(reply, { meeting, values: { number: nextNumber ?? '' } })
    })

    app.post('/meetings/:slug/items', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const meeting = await service.meetingToEdit(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: agendaItemSchema,
        dates: ['exemptReviewOn'],
        confirmation: 'Agenda item added',
        save: (input) => service.addItem(request.ctx, meeting.id, input),
        render: (values, errors) => itemForm(reply, { meeting, values }, errors),
        redirect: (item) => agendaPath(meeting, item),
      })
    })

    app.get(`${itemPath}/edit`, itemParams, async (request, reply) => {
      const { slug, position } = request.params
      const { meeting, item } = await service.itemToEdit(request.ctx, slug, position)
      return itemForm(reply, { meeting, item, values: itemValues(item) })
    })

    app.post(`${itemPath}/edit`, itemParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { slug, position } = request.params
      const { meeting, item } = await service.itemToEdit(request.ctx, slug, position)
      return submitForm(request, reply, {
        schema: agendaItemSchema,
        dates: ['exemptReviewOn'],
        confirmation: 'Agenda item updated',
        save: (input) => service.updateItem(request.ctx, item.id, input),
        render: (values, errors) => itemForm(reply, { meeting, item, values }, errors),
        redirect: (saved) => agendaPath(meeting, saved),
      })
    })

    // The buttons send a direction; anything else, like the first item moved up, leaves the agenda as it is.
    app.post(`${itemPath}/move`, itemParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { slug, position } = request.params
      const { meeting, item } = await service.itemToEdit(request.ctx, slug, position)
      const form = parseForm(moveItemSchema, request.body)
      const moved = form.ok ? await service.moveItem(request.ctx, item.id, form.value.direction) : item
      if (form.ok && moved.position !== item.position) reply.confirm(`Agenda item moved ${form.value.direction}`)
      return reply.redirect(agendaPath(meeting, moved), 303)
    })

    app.get('/meetings/:slug/agenda/publish', meetingParams, async (request, reply) => {
      return publishForm(reply, await service.agendaToPublish(request.ctx, request.params.slug), {})
    })

    app.post('/meetings/:slug/agenda/publish', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.agendaToPublish(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: publishAgendaSchema,
        confirmation: 'Agenda published',
        save: (input) => service.publishAgenda(request.ctx, found.meeting.id, input),
        render: (values, errors) => publishForm(reply, found, values, errors),
        redirect: () => `/meetings/${found.meeting.slug}#agenda`,
      })
    })

    app.get('/meetings/:slug/agenda/supplements/new', meetingParams, async (request, reply) => {
      return supplementForm(reply, await service.supplementToPublish(request.ctx, request.params.slug), {})
    })

    app.post('/meetings/:slug/agenda/supplements/new', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.supplementToPublish(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: supplementSchema,
        order: ['title', 'note', 'itemIds'],
        confirmation: 'Supplementary agenda published',
        save: (input) => service.publishSupplement(request.ctx, found.meeting.id, input),
        render: (values, errors) => supplementForm(reply, found, values, errors),
        redirect: () => `/meetings/${found.meeting.slug}#agenda`,
      })
    })

    app.get(`${itemPath}/delete`, itemParams, async (request, reply) => {
      const { slug, position } = request.params
      return reply.page(`${views}/item-delete.njk`, await service.itemToEdit(request.ctx, slug, position))
    })

    app.post(`${itemPath}/delete`, itemParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { slug, position } = request.params
      const found = await service.itemToEdit(request.ctx, slug, position)
      return submitForm(request, reply, {
        confirmation: 'Agenda item removed',
        save: () => service.removeItem(request.ctx, found.item.id),
        render: (_values, errors) =>
          reply.page(`${views}/item-delete.njk`, { ...found, ...errors }, formStatus(errors)),
        redirect: () => `/meetings/${found.meeting.slug}#agenda`,
      })
    })
  }
}
