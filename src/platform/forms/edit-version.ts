import { londonToday } from '#src/platform/clock.ts'
import type { EditConflict, EditConflictError } from '#src/platform/http/errors.ts'
import { dateTime, timeOfDay } from '#src/platform/views/filters.ts'
import type { FieldErrors } from './errors.ts'

/**
 * Edit forms carry the version of the record they were opened at, and the service saves only
 * while the record is still at it (EditConflictError otherwise): no edit is silently lost.
 * The form's hidden field comes from appEditVersion in platform/views/components/edit-version.njk.
 */
export const VERSION_FIELD = '_version'

/** What a refused save shows: the message, the link to the current version and its version for the next save. */
export interface EditConflictView extends EditConflict {
  message: string
  linkText: string
}

/**
 * The version a posted form was opened at, or null when it carries none (a tab opened before
 * forms had one, a crafted post): the service refuses null as it refuses an older version.
 */
export function submittedVersion(body: unknown): number | null {
  const value = (body as Record<string, unknown> | null | undefined)?.[VERSION_FIELD]
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null
}

/** A record's version among the form's values; 0 for a record not yet written. */
export function versionValue(record: { version: number } | null | undefined) {
  return { [VERSION_FIELD]: String(record?.version ?? 0) }
}

/** "at 10:42am" today; "on 19 January 2024 at 10:42am" before (Europe/London). */
export function whenChanged(at: Date, now: Date = new Date()): string {
  return londonToday(at) === londonToday(now) ? `at ${timeOfDay(at)}` : `on ${dateTime(at)}`
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)

/** "This meeting was changed by Jane Smith at 10:42am after you opened it. Your changes have not been saved: …" */
export function editConflictMessage(conflict: EditConflict, now: Date = new Date()): string {
  const notSaved = 'Your changes have not been saved: check the current version, then save again.'
  if (conflict.expected === null) {
    return `This form does not say which version of ${lowerFirst(conflict.what)} it was opened at. ${notSaved}`
  }
  const who = conflict.changedBy ? `by ${conflict.changedBy}` : 'by someone else'
  const when = conflict.changedAt ? ` ${whenChanged(conflict.changedAt, now)}` : ''
  const [verb, it] = conflict.plural ? ['were', 'them'] : ['was', 'it']
  return `${conflict.what} ${verb} changed ${who}${when} after you opened ${it}. ${notSaved}`
}

/** A refused save as the form shows it again: status 409, the message in the error summary, the newer version. */
export function conflictErrors(error: EditConflictError, now: Date = new Date()): FieldErrors {
  const message = editConflictMessage(error.conflict, now)
  const linkText = `See the current version of ${lowerFirst(error.conflict.what)}`
  return {
    errors: {},
    errorSummary: [{ text: message, href: '#edit-conflict' }],
    status: 409,
    editConflict: { ...error.conflict, message, linkText },
  }
}
