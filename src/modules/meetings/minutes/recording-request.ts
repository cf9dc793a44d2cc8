import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, attempt, noErrors } from '#src/platform/forms/errors.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MinutesStatus } from '../tables.ts'
import { ATTENDANCE_STATUSES, CAPACITIES, DECLARATION_TYPES } from './schema.ts'
import { type MinutesService, minutesPath } from './service.ts'

/** What every minutes route needs. */
export interface MinutesRouteDeps {
  service: MinutesService
  audit: AuditReader
  bodies: BodiesService
}

export type Recording = Awaited<ReturnType<MinutesService['getRecording']>>
export type FormBody = Record<string, string | string[] | undefined>

export const views = 'modules/meetings/minutes/views'
export const base = '/meetings/:slug/minutes'
export const editPath = (slug: string) => `${minutesPath(slug)}/edit`

export const params = (request: FastifyRequest) => request.params as Record<string, string>
export const formOf = (request: FastifyRequest) => (request.body ?? {}) as FormBody

const sentence = (text: string) => text[0].toUpperCase() + text.slice(1)
export const capacityItems = CAPACITIES.map((value) => ({ value, text: sentence(value) }))
export const statusItems = ATTENDANCE_STATUSES.map((value) => ({ value, text: sentence(value) }))
const DECLARATION_TYPE_HINTS: Record<(typeof DECLARATION_TYPES)[number], string> = {
  personal: 'They can stay and take part in the item',
  prejudicial: 'They usually leave the room for the item',
  'disclosable pecuniary': 'A registered financial interest: they take no part in the item',
}
export const declarationTypeItems = DECLARATION_TYPES.map((value) => ({
  value,
  text: sentence(value),
  hint: { text: DECLARATION_TYPE_HINTS[value] },
}))

/**
 * The recording of a meeting's minutes when they have `status` (a draft unless said), or null after
 * redirecting: to the minutes page when they have not been started, to the recording page otherwise.
 */
export async function recordingIn(
  deps: MinutesRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: MinutesStatus = 'draft',
) {
  assertCan(request.user, 'minutes:edit')
  const record = await deps.service.getRecording(request.ctx, params(request).slug)
  if (!record.minutes) {
    reply.redirect(minutesPath(record.meeting.slug), 303)
    return null
  }
  if (record.minutes.status !== status) {
    reply.redirect(editPath(record.meeting.slug), 303)
    return null
  }
  return record
}

/** The recording page, with errors from an action that was refused. */
export async function renderRecordPage(
  deps: MinutesRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  errors: FieldErrors = noErrors,
  status = 200,
) {
  const record = await deps.service.getRecording(request.ctx, params(request).slug)
  if (!record.minutes) return reply.redirect(minutesPath(record.meeting.slug), 303)
  const history = await deps.audit.historyOf(request.ctx, 'minutes', record.meeting.id)
  return reply.page(`${views}/record.njk`, { record, history, ...errors }, status)
}

/** Options for a GOV.UK select, with a blank first choice. */
export function selectItems(options: { value: string; text: string }[], selected: unknown, placeholder: string) {
  return [
    { value: '', text: placeholder },
    ...options.map((option) => ({ ...option, selected: option.value === selected })),
  ]
}

/** Runs a one-button action on the recording page: on a refused rule, shows the page with the reason. */
export async function recordAction(
  deps: MinutesRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (meetingId: string) => Promise<unknown>,
  anchor: string,
) {
  assertCan(request.user, 'minutes:edit')
  const record = await deps.service.getRecording(request.ctx, params(request).slug)
  const result = await attempt(() => work(record.meeting.id))
  if (!result.ok) return renderRecordPage(deps, request, reply, result, 400)
  return reply.redirect(`${editPath(record.meeting.slug)}#${anchor}`, 303)
}
