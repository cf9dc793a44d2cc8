import type { z } from 'zod'

export interface FieldErrors {
  /** Per field, for the component's errorMessage. */
  errors: Record<string, { text: string }>
  /** For govukErrorSummary, in the order of the form. */
  errorSummary: { text: string; href: string }[]
}

export const noErrors: FieldErrors = { errors: {}, errorSummary: [] }

/** The first message per field, linking to the field's id (the field name unless given). */
export function fieldErrors(issues: { path: PropertyKey[]; message: string }[], ids: Record<string, string> = {}) {
  const result: FieldErrors = { errors: {}, errorSummary: [] }
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form')
    if (result.errors[field]) continue
    result.errors[field] = { text: issue.message }
    result.errorSummary.push({ text: issue.message, href: `#${ids[field] ?? field}` })
  }
  return result
}

export type ParseResult<T> = { ok: true; value: T } | ({ ok: false } & FieldErrors)

/** Parses a form body with a zod schema; on failure returns the GOV.UK errors to re-render with. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, ids?: Record<string, string>): ParseResult<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {})
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, ...fieldErrors(parsed.error.issues, ids) }
}

/** One error on one field, e.g. from a rule the service enforces. */
export function singleError(field: string, text: string): FieldErrors {
  return { errors: { [field]: { text } }, errorSummary: [{ text, href: `#${field}` }] }
}

/**
 * Runs a service call for a form; a RuleError becomes the field errors to re-render with,
 * anything else propagates to the error page.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | ({ ok: false } & FieldErrors)> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    if (error instanceof Error && error.name === 'RuleError') {
      const field = (error as Error & { field?: string }).field ?? 'form'
      return { ok: false, ...singleError(field, error.message) }
    }
    throw error
  }
}
