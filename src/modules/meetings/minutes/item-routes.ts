import type { FastifyInstance, FastifyReply } from 'fastify'
import { attempt, parseForm } from '#src/platform/forms/errors.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import {
  type MinutesRouteDeps,
  type Recording,
  base,
  editPath,
  formOf,
  params,
  recordingIn,
  views,
} from './recording-request.ts'
import { itemMinuteSchema, resolutionSchema } from './schema.ts'
import { minutesPath } from './service.ts'

type Item = Recording['items'][number]

/** Recording each agenda item's minute and the resolutions the committee agreed. */
export function itemRoutes(deps: MinutesRouteDeps) {
  const { service } = deps

  const itemOf = (record: Recording, number: string) => {
    const item = record.items.find((candidate) => String(candidate.number) === number)
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
  const itemPath = (record: Recording, item: Item) => `${minutesPath(record.meeting.slug)}/items/${item.number}`
  const positionItems = (count: number, selected: unknown) =>
    Array.from({ length: count }, (_, index) => ({
      value: String(index + 1),
      text: String(index + 1),
      selected: String(index + 1) === String(selected),
    }))

  const itemPage = (reply: FastifyReply, record: Recording, item: Item, data: object, status = 200) =>
    reply.page(`${views}/item-form.njk`, { record, item, itemPath: itemPath(record, item), ...data }, status)

  function resolutionPage(
    reply: FastifyReply,
    record: Recording,
    item: Item,
    data: Record<string, unknown>,
    status = 200,
  ) {
    const values = (data.values ?? {}) as Record<string, unknown>
    const count = item.resolutions.length + (data.resolution ? 0 : 1)
    const positions = positionItems(count, values.position ?? count)
    return reply.page(
      `${views}/resolution-form.njk`,
      { record, item, itemPath: itemPath(record, item), positions, ...data },
      status,
    )
  }

  return async function (app: FastifyInstance) {
    app.get(`${base}/items/:number`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const item = itemOf(record, params(request).number)
      return itemPage(reply, record, item, { values: { minute: item.minute } })
    })

    app.post(`${base}/items/:number`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const item = itemOf(record, params(request).number)
      const values = formOf(request)
      const parsed = parseForm(itemMinuteSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.recordItemMinute(request.ctx, record.meeting.id, item.id, parsed.value.minute))
        : parsed
      if (!result.ok) return itemPage(reply, record, item, { values, ...result }, 400)
      return reply.redirect(`${editPath(record.meeting.slug)}#item-${item.number}`, 303)
    })

    app.get(`${base}/items/:number/resolutions/new`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      return resolutionPage(reply, record, itemOf(record, params(request).number), { values: {} })
    })

    app.post(`${base}/items/:number/resolutions`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const item = itemOf(record, params(request).number)
      const values = formOf(request)
      const parsed = parseForm(resolutionSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.addResolution(request.ctx, record.meeting.id, item.id, parsed.value))
        : parsed
      if (!result.ok) return resolutionPage(reply, record, item, { values, ...result }, 400)
      return reply.redirect(itemPath(record, item), 303)
    })

    app.get(`${base}/resolutions/:id/edit`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const { item, resolution } = resolutionOf(record, params(request).id)
      return resolutionPage(reply, record, item, {
        resolution,
        values: { text: resolution.text, position: resolution.number },
      })
    })

    app.post(`${base}/resolutions/:id/edit`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const { item, resolution } = resolutionOf(record, params(request).id)
      const values = formOf(request)
      const parsed = parseForm(resolutionSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.changeResolution(request.ctx, record.meeting.id, resolution.id, parsed.value))
        : parsed
      if (!result.ok) return resolutionPage(reply, record, item, { resolution, values, ...result }, 400)
      return reply.redirect(itemPath(record, item), 303)
    })

    app.post(`${base}/resolutions/:id/remove`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const { item, resolution } = resolutionOf(record, params(request).id)
      await service.removeResolution(request.ctx, record.meeting.id, resolution.id)
      return reply.redirect(itemPath(record, item), 303)
    })
  }
}
