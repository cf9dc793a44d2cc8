import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { paragraphItems } from '#src/platform/exemption/schedule-12a.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { itemValues } from '../form-values.ts'
import type { MeetingRow } from '../repository.ts'
import { type MeetingsRouteDeps, itemParams, meetingParams, views } from '../route-context.ts'
import { agendaItemSchema, publishAgendaSchema } from '../schema.ts'

const itemPath = '/meetings/:slug/items/:number'

/** Adding, changing and removing agenda items, and publishing the agenda (scrutiny officers). */
export function agendaRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  function itemForm(
    reply: FastifyReply,
    data: { meeting: MeetingRow; values: FormValues; number?: number },
    errors: FieldErrors = noErrors,
  ) {
    return reply.page(
      `${views}/item-form.njk`,
      { ...data, paragraphItems: paragraphItems(data.values.exemptParagraph), ...errors },
      formStatus(errors),
    )
  }

  const agendaPath = (meeting: MeetingRow, number: number) => `/meetings/${meeting.slug}#item-${number}`

  const publishForm = (
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof service.agendaToPublish>>,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) => reply.page(`${views}/agenda-publish.njk`, { ...found, values, ...errors }, formStatus(errors))

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/meetings/:slug/items/new', meetingParams, async (request, reply) => {
      const { meeting, nextNumber } = await service.itemToAdd(request.ctx, request.params.slug)
      return itemForm(reply, { meeting, values: { number: String(nextNumber) } })
    })

    app.post('/meetings/:slug/items', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const meeting = await service.meetingToEdit(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: agendaItemSchema,
        dates: ['exemptReviewOn'],
        save: (input) => service.addItem(request.ctx, meeting.id, input),
        render: (values, errors) => itemForm(reply, { meeting, values }, errors),
        redirect: (item) => agendaPath(meeting, item.number),
      })
    })

    app.get(`${itemPath}/edit`, itemParams, async (request, reply) => {
      const { slug, number } = request.params
      const { meeting, item } = await service.itemToEdit(request.ctx, slug, number)
      return itemForm(reply, { meeting, number, values: itemValues(item) })
    })

    app.post(`${itemPath}/edit`, itemParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { slug, number } = request.params
      const { meeting, item } = await service.itemToEdit(request.ctx, slug, number)
      return submitForm(request, reply, {
        schema: agendaItemSchema,
        dates: ['exemptReviewOn'],
        save: (input) => service.updateItem(request.ctx, item.id, input),
        render: (values, errors) => itemForm(reply, { meeting, number, values }, errors),
        redirect: (saved) => agendaPath(meeting, saved.number),
      })
    })

    app.get('/meetings/:slug/agenda/publish', meetingParams, async (request, reply) => {
      return publishForm(reply, await service.agendaToPublish(request.ctx, request.params.slug), {})
    })

    app.post('/meetings/:slug/agenda/publish', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.agendaToPublish(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: publishAgendaSchema,
        save: (input) => service.publishAgenda(request.ctx, found.meeting.id, input),
        render: (values, errors) => publishForm(reply, found, values, errors),
        redirect: () => `/meetings/${found.meeting.slug}#agenda`,
      })
    })

    app.get(`${itemPath}/delete`, itemParams, async (request, reply) => {
      const { slug, number } = request.params
      return reply.page(`${views}/item-delete.njk`, await service.itemToEdit(request.ctx, slug, number))
    })

    app.post(`${itemPath}/delete`, itemParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const { slug, number } = request.params
      const found = await service.itemToEdit(request.ctx, slug, number)
      return submitForm(request, reply, {
        save: () => service.removeItem(request.ctx, found.item.id),
        render: (_values, errors) =>
          reply.page(`${views}/item-delete.njk`, { ...found, ...errors }, formStatus(errors)),
        redirect: () => `/meetings/${found.meeting.slug}#agenda`,
      })
    })
  }
}
