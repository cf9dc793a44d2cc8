import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import { submittedVersion } from './edit-version.ts'
import { type FieldErrors, type ParseResult, attempt, fieldErrors, inFormOrder } from './errors.ts'
import { type FormValues, postedValues, withJoinedDates } from './values.ts'

/** A posted form: how to read it, save it, show it again and where to go after. */
export interface FormPost<S extends z.ZodType, T> {
  /** The form's fields, with GOV.UK messages; none for a form that is only a button. */
  schema?: S
  /** GOV.UK date inputs (name-day, -month, -year), joined into 'YYYY-MM-DD' as `name`; their errors link to the day. */
  dates?: readonly string[]
  /** What else the schema reads from the posted values (a month and year joined, a field the form does not have). */
  input?: (values: FormValues) => FormValues
  /** Where a field's error links, when not to the field's name. */
  ids?: Record<string, string>
  /** The fields in the order the form shows them, for the error summary (refinements report last). */
  order?: readonly string[]
  /** Saves through the service, given the parsed form and the version the form was opened at (for an edit form). */
  save: (input: z.output<S>, version: number | null) => Promise<T>
  /** Shows the form again with what was typed and why it was not saved: status formStatus(errors). */
  render: (values: FormValues, errors: FieldErrors) => unknown
  /** Where to go once saved. */
  redirect: (saved: T) => string
  /** What the user is told there, in a success banner: "Meeting updated". */
  confirmation?: string | ((saved: T) => string)
}

/**
 * A form post, the house way: parse the posted values with the schema; save through the service,
 * where a refused rule (RuleError) becomes a field error and a save over someone else's change
 * (EditConflictError) the 409 refusal; on failure show the form again with the values, errors and
 * error summary; once saved, redirect with 303.
 */
export async function submitForm<S extends z.ZodType = z.ZodUndefined, T = unknown>(
  request: { body: unknown },
  reply: FastifyReply,
  form: FormPost<S, T>,
): Promise<unknown> {
  const values = postedValues(request.body)
  const result = await saveForm(values, form)
  if (!result.ok) return form.render(values, result)
  const { confirmation } = form
  if (confirmation) reply.confirm(typeof confirmation === 'string' ? confirmation : confirmation(result.value))
  return reply.redirect(form.redirect(result.value), 303)
}

async function saveForm<S extends z.ZodType, T>(values: FormValues, form: FormPost<S, T>): Promise<ParseResult<T>> {
  const dates = form.dates ?? []
  const ids = { ...Object.fromEntries(dates.map((name) => [name, `${name}-day`])), ...form.ids }
  const input = withJoinedDates(form.input ? form.input(values) : values, dates)
  const parsed: ParseResult<z.output<S>> = form.schema
    ? await parsePosted(form.schema, input, ids)
    : { ok: true, value: undefined as z.output<S> }
  const result = parsed.ok ? await attempt(() => form.save(parsed.value, submittedVersion(values))) : parsed
  return result.ok || !form.order ? result : inFormOrder(result, form.order, ids)
}

/** parseForm, for a schema that may check something asynchronously (an uploaded file's content). */
async function parsePosted<S extends z.ZodType>(schema: S, input: FormValues, ids: Record<string, string>) {
  const parsed = await schema.safeParseAsync(input)
  if (parsed.success) return { ok: true as const, value: parsed.data }
  return { ok: false as const, ...fieldErrors(parsed.error.issues, ids) }
}
