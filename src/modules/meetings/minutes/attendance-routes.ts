import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { attempt, parseForm } from '#src/platform/forms/errors.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { attendeeName } from './attendance-groups.ts'
import {
  type MinutesRouteDeps,
  type Recording,
  base,
  capacityItems,
  declarationTypeItems,
  editPath,
  formOf,
  params,
  recordAction,
  recordingIn,
  selectItems,
  statusItems,
  views,
} from './recording-request.ts'
import { ATTENDANCE_FIELDS, attendanceSchema, declarationSchema, inFormOrder, noDeclarationsSchema } from './schema.ts'

/** Recording who attended and the declarations of interest. */
export function attendanceRoutes(deps: MinutesRouteDeps) {
  const { service, bodies } = deps

  async function attendancePage(
    request: FastifyRequest,
    reply: FastifyReply,
    record: Recording,
    data: Record<string, unknown>,
    status = 200,
  ) {
    const people = await bodies.listPeople(request.ctx)
    const options = people.map((person) => ({ value: person.id, text: `${attendeeName(person, '')} (${person.kind})` }))
    const values = (data.values ?? {}) as Record<string, unknown>
    const personItems = selectItems(options, values.personId, 'Select a person')
    return reply.page(
      `${views}/attendance-form.njk`,
      { record, personItems, capacityItems, statusItems, ...data },
      status,
    )
  }

  function declarationPage(reply: FastifyReply, record: Recording, data: Record<string, unknown>, status = 200) {
    const values = (data.values ?? {}) as Record<string, unknown>
    const there = record.attendance.filter((row) => row.personId && ['present', 'in attendance'].includes(row.status))
    const memberItems = selectItems(
      there.map((row) => ({ value: row.personId!, text: row.name })),
      values.personId,
      'Select a person',
    )
    const itemItems = selectItems(
      record.items.map((item) => ({ value: item.id, text: `${item.number}. ${item.title}` })),
      values.agendaItemId,
      'Select an agenda item',
    )
    return reply.page(
      `${views}/declaration-form.njk`,
      { record, memberItems, itemItems, typeItems: declarationTypeItems, ...data },
      status,
    )
  }

  const entryOf = (record: Recording, id: string) => {
    const entry = record.attendance.find((row) => row.id === id)
    if (!entry) throw new NotFoundError('Attendance')
    return entry
  }
  const backTo = (record: Recording, anchor: string) => `${editPath(record.meeting.slug)}#${anchor}`

  return async function (app: FastifyInstance) {
    app.get(`${base}/attendance/new`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      return record ? attendancePage(request, reply, record, { values: {} }) : reply
    })

    app.post(`${base}/attendance`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const values = formOf(request)
      const parsed = parseForm(attendanceSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.addAttendance(request.ctx, record.meeting.id, parsed.value))
        : parsed
      if (!result.ok)
        return attendancePage(request, reply, record, { values, ...inFormOrder(result, ATTENDANCE_FIELDS) }, 400)
      return reply.redirect(backTo(record, 'attendance'), 303)
    })

    app.get(`${base}/attendance/:id/edit`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const entry = entryOf(record, params(request).id)
      const values = { ...entry, chaired: entry.chaired ? 'yes' : '' }
      return attendancePage(request, reply, record, { entry, values })
    })

    app.post(`${base}/attendance/:id/edit`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const entry = entryOf(record, params(request).id)
      const values = formOf(request)
      const parsed = parseForm(attendanceSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.changeAttendance(request.ctx, record.meeting.id, entry.id, parsed.value))
        : parsed
      if (!result.ok)
        return attendancePage(request, reply, record, { entry, values, ...inFormOrder(result, ATTENDANCE_FIELDS) }, 400)
      return reply.redirect(backTo(record, 'attendance'), 303)
    })

    app.post(`${base}/attendance/:id/remove`, (request, reply) =>
      recordAction(
        deps,
        request,
        reply,
        (meetingId) => service.removeAttendance(request.ctx, meetingId, params(request).id),
        'attendance',
      ),
    )

    app.post(`${base}/attendance/members`, (request, reply) =>
      recordAction(
        deps,
        request,
        reply,
        (meetingId) => service.markMembersPresent(request.ctx, meetingId),
        'attendance',
      ),
    )

    app.get(`${base}/declarations/new`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      return record ? declarationPage(reply, record, { values: {} }) : reply
    })

    app.post(`${base}/declarations`, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const values = formOf(request)
      const parsed = parseForm(declarationSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.addDeclaration(request.ctx, record.meeting.id, parsed.value))
        : parsed
      if (!result.ok) return declarationPage(reply, record, { values, ...result }, 400)
      return reply.redirect(backTo(record, 'declarations'), 303)
    })

    app.post(`${base}/declarations/:id/remove`, (request, reply) =>
      recordAction(
        deps,
        request,
        reply,
        (meetingId) => service.removeDeclaration(request.ctx, meetingId, params(request).id),
        'declarations',
      ),
    )

    app.post(`${base}/declarations/none`, (request, reply) =>
      recordAction(
        deps,
        request,
        reply,
        async (meetingId) => {
          const parsed = noDeclarationsSchema.safeParse(formOf(request))
          if (!parsed.success) throw new RuleError(parsed.error.issues[0].message, 'declarations')
          return service.setNoDeclarations(request.ctx, meetingId, parsed.data.none === 'yes')
        },
        'declarations',
      ),
    )
  }
}
