/**
 * A before or after value of an audit event as indented JSON for the details disclosure,
 * or null when the event has none. The template escapes it; nothing here is trusted HTML.
 */
export function auditJson(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') {
    // A driver that hands jsonb back unparsed: show the structure, not a quoted string.
    try {
      return JSON.stringify(JSON.parse(value), null, 2)
    } catch {
      return JSON.stringify(value)
    }
  }
  return JSON.stringify(value, null, 2)
}

/** An audit event ready to show: the fields it changed, and its before and after as JSON text. */
export function withAuditJson<E extends { before: unknown; after: unknown }>(event: E) {
  return {
    ...event,
    changes: changedFields(event.before, event.after),
    beforeJson: auditJson(event.before),
    afterJson: auditJson(event.after),
  }
}

/** One field of a record as an audit event changed it, with its value before and after, as text. */
export interface ChangedField {
  field: string
  before: string
  after: string
}

/** The longest value shown in the list of changes; the whole record is in the JSON beside it. */
const SHOWN_LENGTH = 300

/** A recorded object, whether the driver parsed the jsonb or handed back its text; null otherwise. */
function asRecord(value: unknown): Record<string, unknown> | null {
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch {
      return null
    }
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null
}

/** 'dueOn' → 'Due on', 'exempt_paragraph' → 'Exempt paragraph': a field's name as a person reads it. */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function shown(value: unknown): string {
  if (value === undefined) return ''
  if (value === null || value === '') return '(blank)'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text
}

/**
 * The fields an event changed, in the order the record lists them: those whose value differs between
 * before and after. A record made (no before) or removed (no after) lists every field it had.
 * Empty when either side is not a record (a bare value, or nothing on both sides).
 */
export function changedFields(before: unknown, after: unknown): ChangedField[] {
  const was = asRecord(before)
  const now = asRecord(after)
  if (!was && !now) return []
  const keys = [...new Set([...Object.keys(was ?? {}), ...Object.keys(now ?? {})])]
  return keys
    .filter((key) => JSON.stringify(was?.[key]) !== JSON.stringify(now?.[key]))
    .map((key) => ({ field: fieldLabel(key), before: was ? shown(was[key]) : '', after: now ? shown(now[key]) : '' }))
}
