import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MinutesStatus } from '../tables.ts'
import { ATTENDANCE_STATUSES, CAPACITIES, DECLARATION_CATEGORIES, LEFT_ROOM_ANSWERS } from './schema.ts'
import { type MinutesService, type TrackedResolutions, minutesPath } from './service.ts'

/** What every minutes route needs. */
export interface MinutesRouteDeps {
  service: MinutesService
  audit: AuditReader
  bodies: BodiesService
  /** The tracker's recommendations made from these resolutions, by resolution id (the recommendations module). */
  trackedResolutions: TrackedResolutions
}

export type { TrackedResolutions } from './service.ts'

export type Recording = Awaited<ReturnType<MinutesService['getRecording']>>
/** A request for one meeting's minutes: who asks, and the meeting's slug. */
export type MinutesRequest = Pick<FastifyRequest, 'user' | 'ctx' | 'body'> & { params: { slug: string } }

export const views = 'modules/meetings/minutes/views'
export const base = '/meetings/:slug/minutes'
export const editPath = (slug: string) => `${minutesPath(slug)}/edit`

/** The path parameters of the minutes' pages: the meeting's slug, and the item's place or the record's id. */
export const minutesParams = { schema: { params: pathParams('slug') } }
export const itemParams = { schema: { params: pathParams('slug', 'position') } }
export const recordParams = { schema: { params: pathParams('slug', 'id') } }

const sentence = (text: string) => text[0].toUpperCase() + text.slice(1)
export const capacityItems = CAPACITIES.map((value) => ({ value, text: sentence(value) }))
const STATUS_HINTS: Partial<Record<(typeof ATTENDANCE_STATUSES)[number], string>> = {
  'present remotely': 'Watching or speaking by video: not counted in the quorum and cannot vote',
  apologies: 'A member who sent apologies can be replaced by a substitute',
  expected: 'Before the meeting: change it once you know whether they came',
  'in attendance': 'Officers and others who are not members of the body',
}
export const statusItems = ATTENDANCE_STATUSES.map((value) => ({
  value,
  text: sentence(value),
  hint: STATUS_HINTS[value] ? { text: STATUS_HINTS[value] } : undefined,
}))
const CATEGORY_HINTS: Record<(typeof DECLARATION_CATEGORIES)[number], string> = {
  'disclosable pecuniary interest': 'A registered financial interest: they take no part in the item',
  'other registrable interest': 'A body they belong to or were nominated to, on their register of interests',
  'non-registrable interest': 'Their own or a relative’s or friend’s interest that is not on the register',
  other: 'A category of the council’s own code, such as Personal or Prejudicial',
}
export const categoryItems = DECLARATION_CATEGORIES.map((value) => ({
  value,
  text: sentence(value),
  hint: { text: CATEGORY_HINTS[value] },
}))
const LEFT_ROOM_TEXT: Record<(typeof LEFT_ROOM_ANSWERS)[number], string> = {
  yes: 'Yes',
  no: 'No',
  'not recorded': 'The minutes do not say',
}
export const leftRoomItems = LEFT_ROOM_ANSWERS.map((value) => ({ value, text: LEFT_ROOM_TEXT[value] }))

/**
 * The recording of a meeting's minutes when they have `status` (a draft unless said), or null after
 * redirecting: to the minutes page when they have not been started, to the recording page otherwise.
 */
export async function recordingIn(
  deps: MinutesRouteDeps,
  request: MinutesRequest,
  reply: FastifyReply,
  status: MinutesStatus = 'draft',
) {
  assertCan(request.user, 'minutes:edit')
  const record = await deps.service.getRecording(request.ctx, request.params.slug)
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
  request: MinutesRequest,
  reply: FastifyReply,
  errors: FieldErrors = noErrors,
) {
  const record = await deps.service.getRecording(request.ctx, request.params.slug)
  if (!record.minutes) return reply.redirect(minutesPath(record.meeting.slug), 303)
  const history = await deps.audit.historyOf(request.ctx, 'minutes', record.meeting.id)
  return reply.page(`${views}/record.njk`, { record, history, ...errors }, formStatus(errors))
}

/**
 * Runs a one-button action on the recording page: on a refused rule, shows the page with the reason;
 * once done, returns there with `confirmation` in a success banner.
 */
export async function recordAction<T>(
  deps: MinutesRouteDeps,
  request: MinutesRequest,
  reply: FastifyReply,
  work: (meetingId: string) => Promise<T>,
  anchor: string,
  confirmation: string | ((saved: T) => string),
) {
  assertCan(request.user, 'minutes:edit')
  const record = await deps.service.getRecording(request.ctx, request.params.slug)
  return submitForm(request, reply, {
    save: () => work(record.meeting.id),
    render: (_values, errors) => renderRecordPage(deps, request, reply, errors),
    redirect: () => `${editPath(record.meeting.slug)}#${anchor}`,
    confirmation,
  })
}
