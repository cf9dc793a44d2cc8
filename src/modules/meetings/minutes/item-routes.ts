import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import {
  type MinutesRouteDeps,
  type Recording,
  base,
  editPath,
  itemParams,
  recordParams,
  recordingIn,
  views,
} from './recording-request.ts'
import { itemMinuteSchema, resolutionSchema } from './schema.ts'
import { minutesPath } from './service.ts'

type Item = Recording['items'][number]
type Resolution = Item['resolutions'][number]

/** Recording each agenda item's minute and the resolutions the committee agreed. */
export function itemRoutes(deps: MinutesRouteDeps) {
  const { service } = deps

  const itemOf = (record: Recording, position: string) => {
    const item = record.items.find((candidate) => String(candidate.position) === position)
    if (!item) throw new NotFoundError('Agenda item')
    return item
  }
  const resolutionOf = (record: Recording, id: string) => {
    for (const item of record.items) {
      const resolution = item.resolutions.find((candidate) => candidate.id === id)
      if (resolution) return { item, resolution }
    }
    throw new NotFoundError('Resolution')
  }
  const itemPath = (record: Recording, item: Item) => `${minutesPath(record.meeting.slug)}/items/${item.position}`
  const positionItems = (count: number, selected: unknown) =>
    Array.from({ length: count }, (_, index) => ({
      value: String(index + 1),
      text: String(index + 1),
      selected: String(index + 1) === String(selected),
    }))

  const itemPage = (
    reply: FastifyReply,
    record: Recording,
    item: Item,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) =>
    reply.page(
      `${views}/item-form.njk`,
      { record, item, itemPath: itemPath(record, item), values, ...errors },
      formStatus(errors),
    )

  /** The resolution form: a new one (no resolution) or a change to one. */
  function resolutionPage(
    reply: FastifyReply,
    found: { record: Recording; item: Item; resolution?: Resolution },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const { record, item, resolution } = found
    const count = item.resolutions.length + (resolution ? 0 : 1)
    const positions = positionItems(count, values.position ?? count)
    return reply.page(
      `${views}/resolution-form.njk`,
      { record, item, resolution, itemPath: itemPath(record, item), positions, values, ...errors },
      formStatus(errors),
    )
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get(`${base}/items/:position`, itemParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const item = itemOf(record, request.params.position)
      return itemPage(reply, record, item, { minute: item.minute, minuteNumber: item.minuteNumber ?? '' })
    })

    app.post(`${base}/items/:position`, itemParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const item = itemOf(record, request.params.position)
      return submitForm(request, reply, {
        schema: itemMinuteSchema,
        confirmation: 'Minute saved',
        save: (input) => service.recordItemMinute(request.ctx, record.meeting.id, item.id, input),
        render: (values, errors) => itemPage(reply, record, item, values, errors),
        redirect: () => `${editPath(record.meeting.slug)}#item-${item.position}`,
      })
    })

    app.get(`${base}/items/:position/resolutions/new`, itemParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      return resolutionPage(reply, { record, item: itemOf(record, request.params.position) }, {})
    })

    app.post(`${base}/items/:position/resolutions`, itemParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const item = itemOf(record, request.params.position)
      return submitForm(request, reply, {
        schema: resolutionSchema,
        confirmation: 'Resolution added',
        save: (input) => service.addResolution(request.ctx, record.meeting.id, item.id, input),
        render: (values, errors) => resolutionPage(reply, { record, item }, values, errors),
        redirect: () => itemPath(record, item),
      })
    })

    app.get(`${base}/resolutions/:id/edit`, recordParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const { item, resolution } = resolutionOf(record, request.params.id)
      return resolutionPage(reply, { record, item, resolution }, { text: resolution.text, position: resolution.number })
    })

    app.post(`${base}/resolutions/:id/edit`, recordParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const { item, resolution } = resolutionOf(record, request.params.id)
      return submitForm(request, reply, {
        schema: resolutionSchema,
        confirmation: 'Resolution updated',
        save: (input) => service.changeResolution(request.ctx, record.meeting.id, resolution.id, input),
        render: (values, errors) => resolutionPage(reply, { record, item, resolution }, values, errors),
        redirect: () => itemPath(record, item),
      })
    })

    app.post(`${base}/resolutions/:id/remove`, recordParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const { item, resolution } = resolutionOf(record, request.params.id)
      await service.removeResolution(request.ctx, record.meeting.id, resolution.id)
      return reply.confirm('Resolution removed').redirect(itemPath(record, item), 303)
    })
  }
}
