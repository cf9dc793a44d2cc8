import { itemHeading } from '#src/platform/views/filters.ts'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, postedValues, selectItems } from '#src/platform/forms/values.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { attendeeName } from './attendance-groups.ts'
import {
  type MinutesRouteDeps,
  type Recording,
  base,
  capacityItems,
  categoryItems,
  leftRoomItems,
  editPath,
  minutesParams,
  recordAction,
  recordParams,
  recordingIn,
  statusItems,
  views,
} from './recording-request.ts'
import {
  ATTENDANCE_FIELDS,
  ATTENDED_STATUSES,
  DECLARATION_FIELDS,
  attendanceSchema,
  declarationSchema,
  noDeclarationsSchema,
} from './schema.ts'

type Entry = Recording['attendance'][number]

/** Recording who attended and the declarations of interest. */
export function attendanceRoutes(deps: MinutesRouteDeps) {
  const { service, bodies } = deps

  /** The attendance form: a new entry (none) or a change to one. */
  async function attendancePage(
    ctx: Context,
    reply: FastifyReply,
    found: { record: Recording; entry?: Entry },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const people = await bodies.listPeople(ctx)
    const options = people.map((person) => ({ value: person.id, text: `${attendeeName(person, '')} (${person.kind})` }))
    const personItems = selectItems('Select a person', options, values.personId)
    // Whom a substitute can replace: the others on record who sent apologies.
    const apologies = found.record.attendance.filter(
      (row) => row.personId && row.status === 'apologies' && row.id !== found.entry?.id,
    )
    const replacedItems = selectItems(
      'Select a member',
      apologies.map((row) => ({ value: row.personId!, text: row.name })),
      values.substituteForId,
    )
    return reply.page(
      `${views}/attendance-form.njk`,
      { ...found, personItems, replacedItems, capacityItems, statusItems, values, ...errors },
      formStatus(errors),
    )
  }

  function declarationPage(reply: FastifyReply, record: Recording, values: FormValues, errors: FieldErrors = noErrors) {
    const there = record.attendance.filter((row) => row.personId && ATTENDED_STATUSES.includes(row.status))
    const memberItems = selectItems(
      'Select a person',
      there.map((row) => ({ value: row.personId!, text: row.name })),
      values.personId,
    )
    const ticked = ([] as unknown[]).concat(values.itemIds ?? [])
    const itemItems = record.items.map((item) => ({
      value: item.id,
      text: itemHeading(item),
      checked: ticked.includes(item.id),
    }))
    return reply.page(
      `${views}/declaration-form.njk`,
      { record, memberItems, itemItems, categoryItems, leftRoomItems, values, ...errors },
      formStatus(errors),
    )
  }

  const entryOf = (record: Recording, id: string) => {
    const entry = record.attendance.find((row) => row.id === id)
    if (!entry) throw new NotFoundError('Attendance')
    return entry
  }
  const backTo = (record: Recording, anchor: string) => `${editPath(record.meeting.slug)}#${anchor}`

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get(`${base}/attendance/new`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      return record ? attendancePage(request.ctx, reply, { record }, {}) : reply
    })

    app.post(`${base}/attendance`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      return submitForm(request, reply, {
        schema: attendanceSchema,
        order: ATTENDANCE_FIELDS,
        confirmation: 'Attendance added',
        save: (input) => service.addAttendance(request.ctx, record.meeting.id, input),
        render: (values, errors) => attendancePage(request.ctx, reply, { record }, values, errors),
        redirect: () => backTo(record, 'attendance'),
      })
    })

    app.get(`${base}/attendance/:id/edit`, recordParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const entry = entryOf(record, request.params.id)
      const values = { ...entry, chaired: entry.chaired ? 'yes' : '', substituteForId: entry.substituteForId ?? '' }
      return attendancePage(request.ctx, reply, { record, entry }, values)
    })

    app.post(`${base}/attendance/:id/edit`, recordParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      const entry = entryOf(record, request.params.id)
      return submitForm(request, reply, {
        schema: attendanceSchema,
        order: ATTENDANCE_FIELDS,
        confirmation: 'Attendance updated',
        save: (input) => service.changeAttendance(request.ctx, record.meeting.id, entry.id, input),
        render: (values, errors) => attendancePage(request.ctx, reply, { record, entry }, values, errors),
        redirect: () => backTo(record, 'attendance'),
      })
    })

    app.post(`${base}/attendance/:id/remove`, recordParams, (request, reply) =>
      recordAction(
        deps,
        request,
        reply,
        (meetingId) => service.removeAttendance(request.ctx, meetingId, request.params.id),
        'attendance',
        'Attendance removed',
      ),
    )

    app.post(`${base}/attendance/members`, minutesParams, (request, reply) =>
      recordAction(
        deps,
        request,
        reply,
        (meetingId) => service.markMembersPresent(request.ctx, meetingId),
        'attendance',
        'Members recorded as present',
      ),
    )

    app.get(`${base}/declarations/new`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      return record ? declarationPage(reply, record, {}) : reply
    })

    app.post(`${base}/declarations`, minutesParams, async (request, reply) => {
      const record = await recordingIn(deps, request, reply)
      if (!record) return reply
      return submitForm(request, reply, {
        schema: declarationSchema,
        order: DECLARATION_FIELDS,
        confirmation: 'Declaration added',
        save: (input) => service.addDeclaration(request.ctx, record.meeting.id, input),
        render: (values, errors) => declarationPage(reply, record, values, errors),
        redirect: () => backTo(record, 'declarations'),
      })
    })

    app.post(`${base}/declarations/:id/remove`, recordParams, (request, reply) =>
      recordAction(
        deps,
        request,
        reply,
        (meetingId) => service.removeDeclaration(request.ctx, meetingId, request.params.id),
        'declarations',
        'Declaration removed',
      ),
    )

    // A yes-or-no button pair on the recording page: a refusal is shown there, beside the declarations.
    app.post(`${base}/declarations/none`, minutesParams, (request, reply) =>
      recordAction(
        deps,
        request,
        reply,
        async (meetingId) => {
          const parsed = noDeclarationsSchema.safeParse(postedValues(request.body))
          if (!parsed.success) throw new RuleError(parsed.error.issues[0].message, 'declarations')
          const none = parsed.data.none === 'yes'
          await service.setNoDeclarations(request.ctx, meetingId, none)
          return none
        },
        'declarations',
        (none) => (none ? 'Recorded that there were no declarations' : '‘There were no declarations’ undone'),
      ),
    )
  }
}
