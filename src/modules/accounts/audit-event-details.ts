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

/** An audit event ready to show: its before and after as JSON text. */
export function withAuditJson<E extends { before: unknown; after: unknown }>(event: E) {
  return { ...event, beforeJson: auditJson(event.before), afterJson: auditJson(event.after) }
}
