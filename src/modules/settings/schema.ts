import { z } from 'zod'
import { DEFAULT_REPORT_TEMPLATE, REPORT_PARTS, type SectionKey } from '#src/modules/meetings/index.ts'
import { requiredText } from '#src/platform/forms/fields.ts'

/** A whole number of days from `min` to `max`, typed in a text box. */
/** A whole number of `unit` (days, months) from `min` to `max`, with GOV.UK's messages. */
const whole = (what: string, unit: string, min: number, max: number, example: number) => {
  const range = `${what} must be between ${min} and ${max}${unit ? ` ${unit}` : ''}`
  const enter = `Enter the ${what.toLowerCase()}${unit ? ` in ${unit}` : ''}`
  return z
    .string({ error: enter })
    .trim()
    .min(1, enter)
    .regex(/^\d+$/, `${what} must be a whole number${unit ? ` of ${unit}` : ''}, like ${example}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, range)
}
const days = (what: string, min: number, max: number) => whole(what, 'days', min, max, 5)

/** A reference format shown as a hint beside a form's reference field; blank for none. */
const referenceHint = z
  .string()
  .trim()
  .max(60, 'Must be 60 characters or fewer')
  .optional()
  .transform((value) => value || null)

export const councilNameSchema = z.object({
  councilName: requiredText('Enter the council’s name', 120),
})

export const callInSchema = z.object({
  callInDays: days('Call-in period', 1, 30),
  callInKind: z.enum(['working', 'calendar'], {
    error: 'Select whether the call-in period counts working days or calendar days',
  }),
})

export const noticeSchema = z.object({
  noticeDays: days('Publication notice', 0, 30),
})

/** How long an extract of the statutory returns is kept before it is deleted. */
export const returnRetentionSchema = z.object({
  returnRetentionMonths: whole('Retention period', 'months', 1, 120, 13),
})

/** The largest count published as `c`. */
export const smallCountsSchema = z.object({
  disclosureThreshold: whole('Largest count shown as c', '', 1, 99, 5),
})

export const updateRequestsSchema = z.object({
  updateRequestDays: days('Update requests', 1, 30),
})

/** The month the municipal year starts, from the list: any month, since councils' annual meetings differ. */
export const municipalYearSchema = z.object({
  municipalYearStartMonth: z
    .string({ error: 'Select the month the municipal year starts' })
    .regex(/^(?:[1-9]|1[0-2])$/, 'Select the month the municipal year starts')
    .transform(Number),
})

export const referencesSchema = z.object({
  decisionReferenceHint: referenceHint,
  forwardPlanReferenceHint: referenceHint,
  minutesReferenceHint: referenceHint,
})

/** The form fields of a section: its heading ("heading-purpose") and its place in the order ("position-purpose"). */
export const headingField = (key: SectionKey) => `heading-${key}`
export const positionField = (key: SectionKey) => `position-${key}`

const defaultHeading = Object.fromEntries(DEFAULT_REPORT_TEMPLATE.map((s) => [s.key, s.heading])) as Record<
  SectionKey,
  string
>

const position = (key: SectionKey) => {
  const message = `Enter the position of the section ‘${defaultHeading[key]}’ as a number from 1 to ${REPORT_PARTS.length}`
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,2}$/, message)
    .transform(Number)
    .refine((value) => value >= 1 && value <= REPORT_PARTS.length, message)
}

/**
 * The report template: for each part of a report, its heading and its position, from 1. Every part
 * keeps a heading (a council that does not use one leaves it empty in its reports, and an empty
 * section is never printed); no two parts share a position.
 */
export const reportSectionsSchema = z
  .object({
    ...Object.fromEntries(
      REPORT_PARTS.map((key) => [
        headingField(key),
        requiredText(`Enter the heading of the section ‘${defaultHeading[key]}’`, 120),
      ]),
    ),
    ...Object.fromEntries(REPORT_PARTS.map((key) => [positionField(key), position(key)])),
  })
  .superRefine((values, ctx) => {
    const seen = new Set<unknown>()
    for (const key of REPORT_PARTS) {
      const at = values[positionField(key)]
      if (seen.has(at)) {
        ctx.addIssue({
          code: 'custom',
          path: [positionField(key)],
          message: `Give each section a different position: ${String(at)} is used twice`,
        })
      }
      seen.add(at)
    }
  })
  .transform((values) => ({
    reportSections: [...REPORT_PARTS]
      .sort((a, b) => Number(values[positionField(a)]) - Number(values[positionField(b)]))
      .map((key) => ({ key, heading: String(values[headingField(key)]) })),
  }))
