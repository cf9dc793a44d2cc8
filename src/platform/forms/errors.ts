import type { z } from 'zod'
import { EditConflictError } from '#src/platform/http/errors.ts'
import { type EditConflictView, conflictErrors } from './edit-version.ts'

export interface FieldErrors {
  /** Per field, for the component's errorMessage. */
  errors: Record<string, { text: string }>
  /** For govukErrorSummary, in the order of the form. */
  errorSummary: { text: string; href: string }[]
  /** The status to show the form again with, when not 400: 409 for a save refused by a newer version. */
  status?: number
  /** A save refused because someone else changed the record: for appEditVersion, and the request log. */
  editConflict?: EditConflictView
}

export const noErrors: FieldErrors = { errors: {}, errorSummary: [] }

/** The status of a form page: 200 as it opens, 400 with errors, 409 when a newer version refused the save. */
export function formStatus(errors: FieldErrors): number {
  return errors === noErrors ? 200 : (errors.status ?? 400)
}

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
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  ids?: Record<string, string>,
): ParseResult<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {})
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, ...fieldErrors(parsed.error.issues, ids) }
}

/**
 * Puts the error summary in the order the fields appear on the form (a schema's refinements report
 * after its fields). `ids`: where a field's error links, when not to the field's name.
 */
export function inFormOrder<T extends FieldErrors>(
  errors: T,
  fields: readonly string[],
  ids: Record<string, string> = {},
): T {
  const position = (href: string) => {
    const index = fields.findIndex((field) => href === `#${ids[field] ?? field}`)
    return index === -1 ? fields.length : index
  }
  return { ...errors, errorSummary: [...errors.errorSummary].sort((a, b) => position(a.href) - position(b.href)) }
}

/** One error on one field, e.g. from a rule the service enforces. */
export function singleError(field: string, text: string): FieldErrors {
  return { errors: { [field]: { text } }, errorSummary: [{ text, href: `#${field}` }] }
}

/**
 * Runs a service call for a form; a RuleError becomes the field errors to re-render with, an
 * EditConflictError the refusal to show (see edit-version.ts), anything else propagates to the
 * error page.
 */
export async function attempt<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | ({ ok: false } & FieldErrors)> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    if (error instanceof Error && error.name === 'RuleError') {
      const field = (error as Error & { field?: string }).field ?? 'form'
      return { ok: false, ...singleError(field, error.message) }
    }
    if (error instanceof EditConflictError) return { ok: false, ...conflictErrors(error) }
    throw error
  }
}
