import type { FastifyRequest } from 'fastify'
import { dateParts, joinDateParts } from '#src/platform/forms/fields.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { clockTime } from '#src/platform/views/filters.ts'
import type { ExemptColumns } from '#src/platform/db/column-types.ts'

/**
 * Between records and the GOV.UK forms that change them: a record's values as the form shows
 * them, and a posted form with its day, month and year fields joined into dates.
 */

export type FormValues = Record<string, unknown>

/** The route's `:slug` and `:number` (and `:id`); an item number that is not a whole number is a page not found. */
export function paperParams(request: FastifyRequest) {
  const params = request.params as { slug: string; number?: string; id?: string }
  const number = Number(params.number)
  if (params.number !== undefined && !(/^\d{1,4}$/.test(params.number) && number >= 1))
    throw new NotFoundError('Agenda item')
  return { slug: params.slug, number, id: params.id ?? '' }
}

/** The posted form with each named date's three fields joined into 'YYYY-MM-DD' ('' when all are blank). */
export function withJoinedDates(body: unknown, names: string[]): FormValues {
  const values: FormValues = { ...((body ?? {}) as FormValues) }
  for (const name of names) values[name] = joinDateParts(values, name)
  return values
}

/** A date as the three fields of a GOV.UK date input. */
export function dateValues(name: string, value: string | null | undefined): FormValues {
  const parts = dateParts(value)
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year }
}

/** The exemption questions' answers for a record. */
export function exemptValues(record: ExemptColumns | null | undefined): FormValues {
  if (!record) return {}
  return {
    exempt: record.exemptParagraph ? 'yes' : 'no',
    exemptParagraph: record.exemptParagraph ?? '',
    exemptReason: record.exemptReason ?? '',
    ...dateValues('exemptReviewOn', record.exemptReviewOn),
  }
}

export function meetingValues(meeting: {
  date: string
  startTime: string | null
  venue: string
  status: string
  notes: string
}) {
  return {
    ...dateValues('date', meeting.date),
    startTime: clockTime(meeting.startTime),
    venue: meeting.venue,
    status: meeting.status,
    notes: meeting.notes,
  }
}

export function itemValues(
  item: {
    number: number
    title: string
    purpose: string
    pageFrom: number | null
    pageTo: number | null
  } & ExemptColumns,
) {
  return {
    number: String(item.number),
    title: item.title,
    purpose: item.purpose,
    pageFrom: item.pageFrom === null ? '' : String(item.pageFrom),
    pageTo: item.pageTo === null ? '' : String(item.pageTo),
    ...exemptValues(item),
  }
}

const yesNoValue = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no')

export function reportValues(
  report: Record<string, unknown> &
    ExemptColumns & { recommendations: string[]; meetingDate: string | null; contraryToPlan: boolean | null },
) {
  return {
    ...report,
    recommendations: report.recommendations.join('\n'),
    contraryToPlan: yesNoValue(report.contraryToPlan),
    ...dateValues('meetingDate', report.meetingDate),
    ...exemptValues(report),
  }
}
